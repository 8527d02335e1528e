-- revision: 001
-- down_revision: base
-- message: slow backfill

SELECT pg_sleep(6);

-- //@UNDO

SELECT 1;
