-- The register: providers, their snapshots, and the failure-mode catalogue.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE failure_modes (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE providers (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL UNIQUE COLLATE NOCASE,
    category           TEXT NOT NULL,
    value_provided     TEXT NOT NULL DEFAULT '',
    owner              TEXT NOT NULL DEFAULT '',
    tier               INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 4),
    status             TEXT NOT NULL,
    annual_spend       REAL CHECK (annual_spend >= 0),
    currency           TEXT NOT NULL DEFAULT '',
    renewal_date       TEXT,
    notice_period_days INTEGER CHECK (notice_period_days >= 0),
    data_held          TEXT NOT NULL,
    website            TEXT NOT NULL DEFAULT '',
    status_page        TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    created_on         TEXT NOT NULL
);

-- One row per provider per day: the risk profile as JSON, with its scores kept beside it so
-- history queries need not re-score.
CREATE TABLE snapshots (
    id          INTEGER PRIMARY KEY,
    provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    taken_on    TEXT NOT NULL,
    review_id   INTEGER,
    risk        TEXT NOT NULL,
    inherent    INTEGER NOT NULL,
    exposure    REAL NOT NULL,
    UNIQUE (provider_id, taken_on)
);
