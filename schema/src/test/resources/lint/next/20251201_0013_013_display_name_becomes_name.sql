-- revision: 013
-- down_revision: 012
-- message: display name becomes name
-- create_date: 2025-12-01 00:00:00

ALTER TABLE users RENAME COLUMN display_name TO name;

-- //@UNDO

SELECT 1;
