-- Evidence: incidents that happened at a provider and exit drills that rehearsed leaving it.

-- Times are RFC 3339 text with the offset they were recorded in ("09:00 in Dublin" stays
-- 09:00+01:00). Offsets make text order differ from time order, so started_utc holds the same
-- instant in UTC at a fixed width: what lists and indexes sort by.
CREATE TABLE incidents (
    id              INTEGER PRIMARY KEY,
    provider_id     INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    -- Failure modes are retired, never deleted, so an incident's mode always stays readable.
    mode_id         INTEGER NOT NULL REFERENCES failure_modes(id),
    started         TEXT NOT NULL,
    started_utc     TEXT NOT NULL,
    detected        TEXT,
    resolved        TEXT,
    -- Our services it hit, by name, as a JSON array of strings.
    services        TEXT NOT NULL DEFAULT '[]',
    customer_facing INTEGER NOT NULL CHECK (customer_facing IN (0, 1)),
    sla_breached    INTEGER NOT NULL CHECK (sla_breached IN (0, 1)),
    cost            REAL CHECK (cost >= 0),
    summary         TEXT NOT NULL,
    postmortem_url  TEXT NOT NULL DEFAULT '',
    follow_ups      TEXT NOT NULL DEFAULT ''
);

CREATE INDEX incidents_by_provider ON incidents(provider_id, started_utc);

-- Kinds, scenarios and results are the domain's choice keys.
CREATE TABLE drills (
    id             INTEGER PRIMARY KEY,
    provider_id    INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    date           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    scenario       TEXT,
    alternative    TEXT NOT NULL DEFAULT '',
    target_hours   REAL CHECK (target_hours >= 0),
    achieved_hours REAL CHECK (achieved_hours >= 0),
    result         TEXT,
    findings       TEXT NOT NULL DEFAULT '',
    follow_ups     TEXT NOT NULL DEFAULT ''
);

-- Also what finds every provider's latest drill (its "last rehearsed") in one pass.
CREATE INDEX drills_by_provider ON drills(provider_id, date);

-- "Last rehearsed" is now the latest drill's date. A date typed by hand into a provider's current
-- assessment becomes a drill of kind 'recorded', of which nothing else is known; the snapshots
-- themselves, recorded assessments, are left exactly as they were.
INSERT INTO drills (provider_id, date, kind)
SELECT p.id, json_extract(s.risk, '$.exit.last_rehearsed'), 'recorded'
FROM providers p
JOIN snapshots s ON s.id = (SELECT id FROM snapshots WHERE provider_id = p.id ORDER BY taken_on DESC LIMIT 1)
WHERE json_extract(s.risk, '$.exit.last_rehearsed') IS NOT NULL;
