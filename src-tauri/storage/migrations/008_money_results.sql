-- The figures of the last money simulation, kept with a fingerprint of the inputs and settings
-- they came from. The run is seeded, so while the fingerprint matches the figures are the ones a
-- new run would give: exports and the next start-up read them instead of simulating again. One
-- row at most; a run for other inputs replaces it.
CREATE TABLE money_results (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT NOT NULL,
    results     TEXT NOT NULL
);
