-- revision: 017
-- down_revision: 016
-- message: audit log
-- create_date: 2025-12-01 00:00:00

CREATE TABLE audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id   uuid REFERENCES users (id) ON DELETE SET NULL,
    action    text NOT NULL,
    at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_user_id_idx ON audit_log (user_id);
INSERT INTO audit_log (user_id, action) SELECT id, 'account created' FROM users;

-- //@UNDO

SELECT 1;
