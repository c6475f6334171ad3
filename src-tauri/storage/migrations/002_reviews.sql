-- Review meetings group the snapshots taken in them.
CREATE TABLE reviews (
    id        INTEGER PRIMARY KEY,
    held_on   TEXT NOT NULL,
    title     TEXT NOT NULL,
    attendees TEXT NOT NULL DEFAULT '',
    notes     TEXT NOT NULL DEFAULT '',
    closed_on TEXT
);

CREATE INDEX snapshots_by_review ON snapshots(review_id) WHERE review_id IS NOT NULL;
