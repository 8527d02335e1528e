-- revision: 007
-- down_revision: 006
-- message: messages by date
-- create_date: 2025-12-01 00:00:00

-- The usage report scans messages by month.
CREATE INDEX messages_created_at_idx ON messages (created_at);

-- //@UNDO

SELECT 1;
