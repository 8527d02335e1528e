-- revision: 011
-- down_revision: 010
-- message: conversation message counts
-- create_date: 2025-12-01 00:00:00

ALTER TABLE conversations ADD COLUMN message_count integer;
UPDATE conversations c SET message_count = (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id);

-- //@UNDO

SELECT 1;
