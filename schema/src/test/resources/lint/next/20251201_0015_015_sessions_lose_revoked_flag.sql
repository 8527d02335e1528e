-- revision: 015
-- down_revision: 014
-- message: sessions lose revoked flag
-- create_date: 2025-12-01 00:00:00

-- plccoach:allow ban-drop-column: release 1.8 reads revoked_at only; revoked is unused since
ALTER TABLE sessions DROP COLUMN revoked;

-- //@UNDO

SELECT 1;
