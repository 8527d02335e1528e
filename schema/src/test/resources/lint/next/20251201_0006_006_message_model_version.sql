-- revision: 006
-- down_revision: 005
-- message: message model version
-- create_date: 2025-12-01 00:00:00

-- Which model version answered; old answers were all gpt-4o.
ALTER TABLE messages ADD COLUMN model_version text NOT NULL DEFAULT 'gpt-4o';
ALTER TABLE messages ALTER COLUMN model_version SET DEFAULT 'gpt-4.1';

-- //@UNDO

SELECT 1;
