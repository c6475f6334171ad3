-- What depends on what: our services, the providers each one needs, and the providers that run
-- on other providers (fourth parties), so a provider's failure can be followed to what it costs.

-- Names are unique ignoring case, as providers' are: "checkout" and "Checkout" are one service.
-- Costs are in the register's currency (settings), so one figure can be summed across services.
-- A cost left NULL is unknown, not zero: the reach is shown and no cost is invented.
CREATE TABLE services (
    id                     INTEGER PRIMARY KEY,
    name                   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    owner                  TEXT NOT NULL DEFAULT '',
    description            TEXT NOT NULL DEFAULT '',
    downtime_cost_per_hour REAL CHECK (downtime_cost_per_hour >= 0),
    degraded_share         REAL NOT NULL DEFAULT 0.5 CHECK (degraded_share BETWEEN 0 AND 1),
    rto_hours              REAL CHECK (rto_hours >= 0),
    -- Retired services are kept for the record; the reach rules skip them.
    retired                INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_on             TEXT NOT NULL
);

-- One link per service and provider; deleting either side removes the link, which means nothing
-- without both. when_down and when_degraded are the domain's Effect keys.
CREATE TABLE dependencies (
    service_id    INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    provider_id   INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    when_down     TEXT NOT NULL CHECK (when_down IN ('unaffected', 'degraded', 'down')),
    when_degraded TEXT NOT NULL CHECK (when_degraded IN ('unaffected', 'degraded', 'down')),
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (service_id, provider_id)
);

-- The providers' side of the same links, as a provider page reads them.
CREATE INDEX dependencies_by_provider ON dependencies(provider_id);

-- provider_id runs on runs_on (Postmark runs on AWS us-east-1). A provider cannot run on itself;
-- longer loops are refused by the code before a link is written, with the loop named.
CREATE TABLE runs_on (
    provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    runs_on     INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    PRIMARY KEY (provider_id, runs_on),
    CHECK (provider_id <> runs_on)
);

CREATE INDEX runs_on_by_fourth_party ON runs_on(runs_on);

-- A fourth party is a provider we hold no contract with (the cloud region our email provider
-- runs on); every provider registered so far was one we chose, so none is.
ALTER TABLE providers ADD COLUMN fourth_party INTEGER NOT NULL DEFAULT 0 CHECK (fourth_party IN (0, 1));
