-- revision: 001
-- down_revision: base
-- message: create users
-- create_date: 2025-11-13 01:00:00

CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);

-- //@UNDO

DROP TABLE users;
