-- revision: 001
-- down_revision: base
-- message: event note

ALTER TABLE events ADD COLUMN note text;

-- //@UNDO

ALTER TABLE events DROP COLUMN note;
