-- revision: 014
-- down_revision: 013
-- message: wider token counts
-- create_date: 2025-12-01 00:00:00

-- numeric(12,6) to numeric(14,6) keeps the scale: a relabel, no rewrite.
ALTER TABLE messages ALTER COLUMN cost_usd TYPE numeric(14,6);
ALTER TABLE messages ALTER COLUMN prompt_tokens TYPE bigint;

-- //@UNDO

SELECT 1;
