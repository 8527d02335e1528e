-- revision: 001
-- down_revision: base
-- message: message scores
-- create_date: 2025-11-13 01:00:00

ALTER TABLE messages ADD COLUMN score int;

-- //@UNDO

ALTER TABLE messages DROP COLUMN score;
