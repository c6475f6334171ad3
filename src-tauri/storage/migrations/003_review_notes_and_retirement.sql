-- Reviews: a note per provider per review, and the day a provider was retired, so "what changed
-- since the previous review" can tell a provider retired in between from one retired long ago.
CREATE TABLE review_notes (
    review_id   INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    note        TEXT NOT NULL,
    PRIMARY KEY (review_id, provider_id)
);

ALTER TABLE providers ADD COLUMN retired_on TEXT;

-- Providers already retired get their last assessment as a best guess.
UPDATE providers SET retired_on = coalesce(
    (SELECT max(taken_on) FROM snapshots WHERE provider_id = providers.id), created_on)
WHERE status = 'retired';

-- Every way a status changes (form, archive button, import) stamps or clears the day; the code
-- that knows the app's own date may overwrite the stamp afterwards.
CREATE TRIGGER providers_retired_on_insert AFTER INSERT ON providers
WHEN NEW.status = 'retired' AND NEW.retired_on IS NULL
BEGIN
    UPDATE providers SET retired_on = NEW.created_on WHERE id = NEW.id;
END;

CREATE TRIGGER providers_retired_on_update AFTER UPDATE OF status ON providers
WHEN NEW.status IS NOT OLD.status
BEGIN
    UPDATE providers SET retired_on = CASE WHEN NEW.status = 'retired' THEN date('now', 'localtime') END
    WHERE id = NEW.id;
END;
