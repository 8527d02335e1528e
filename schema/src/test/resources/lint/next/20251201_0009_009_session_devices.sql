-- revision: 009
-- down_revision: 008
-- message: session devices
-- create_date: 2025-12-01 00:00:00

CREATE TABLE devices (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX devices_user_id_idx ON devices (user_id);
ALTER TABLE sessions ADD COLUMN device_id uuid;
ALTER TABLE sessions ADD CONSTRAINT sessions_device_id_fkey FOREIGN KEY (device_id) REFERENCES devices (id) NOT VALID;

-- //@UNDO

SELECT 1;
