-- revision: 010
-- down_revision: 009
-- message: validate session devices
-- create_date: 2025-12-01 00:00:00
-- transactional: false

-- transactional: false, so that no lock of 009 is held while every session is checked.
ALTER TABLE sessions VALIDATE CONSTRAINT sessions_device_id_fkey;

-- //@UNDO

SELECT 1;
