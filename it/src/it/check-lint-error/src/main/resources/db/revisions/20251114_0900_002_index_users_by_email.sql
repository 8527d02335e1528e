-- revision: 002
-- down_revision: 001
-- message: index users by email
-- create_date: 2025-11-14 09:00:00

-- sign-in looks users up by email
CREATE INDEX users_email_idx ON users (email);

-- //@UNDO

DROP INDEX users_email_idx;
