-- revision: 016
-- down_revision: 015
-- message: user api keys
-- create_date: 2025-12-01 00:00:00

ALTER TABLE users ADD COLUMN api_key uuid NOT NULL DEFAULT gen_random_uuid();

-- //@UNDO

SELECT 1;
