-- revision: 012
-- down_revision: 011
-- message: every message names its model
-- create_date: 2025-12-01 00:00:00

ALTER TABLE messages ALTER COLUMN model SET NOT NULL;

-- //@UNDO

SELECT 1;
