-- Money at risk: the user's figures for a provider's frequency or loss-per-event range, and the
-- money of each assessment's day.

-- One override per provider, failure mode and range. Either end may be left NULL (it keeps its
-- default); the note says why the figure is what it is. The mode is matched ignoring case, as
-- the catalogue matches it.
CREATE TABLE money_overrides (
    provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    mode        TEXT NOT NULL COLLATE NOCASE,
    field       TEXT NOT NULL CHECK (field IN ('frequency', 'loss_per_event')),
    low         REAL CHECK (low >= 0),
    high        REAL CHECK (high >= 0),
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (provider_id, mode, field),
    CHECK (low IS NOT NULL OR high IS NOT NULL)
);

-- An assessment keeps the money of its day: the figures (so trends and review changes can be
-- read without simulating again) and, in `money`, every mode's inputs and where they came from.
-- All NULL for assessments recorded before money was kept, or imported from another register.
ALTER TABLE snapshots ADD COLUMN expected_loss REAL;
ALTER TABLE snapshots ADD COLUMN one_in_20 REAL;
ALTER TABLE snapshots ADD COLUMN one_in_100 REAL;
ALTER TABLE snapshots ADD COLUMN money TEXT;
