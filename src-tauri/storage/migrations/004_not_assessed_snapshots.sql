-- A snapshot in which no failure mode is scored is Not assessed: its inherent risk and exposure
-- are NULL instead of a fabricated 0. SQLite cannot drop NOT NULL in place, so the table is
-- rebuilt with the same ids, rows, reference, UNIQUE constraint and index. Nothing references
-- snapshots, so dropping the old table leaves every foreign key valid.
CREATE TABLE snapshots_nullable_scores (
    id          INTEGER PRIMARY KEY,
    provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    taken_on    TEXT NOT NULL,
    review_id   INTEGER,
    risk        TEXT NOT NULL,
    inherent    INTEGER,
    exposure    REAL,
    UNIQUE (provider_id, taken_on)
);

INSERT INTO snapshots_nullable_scores (id, provider_id, taken_on, review_id, risk, inherent, exposure)
SELECT id, provider_id, taken_on, review_id, risk, inherent, exposure FROM snapshots;

DROP TABLE snapshots;
ALTER TABLE snapshots_nullable_scores RENAME TO snapshots;

CREATE INDEX snapshots_by_review ON snapshots(review_id) WHERE review_id IS NOT NULL;
