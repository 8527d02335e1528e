-- revision: d03
-- down_revision: s02
-- message: drop users
-- create_date: 2025-11-14 11:00:00

DROP TABLE users;

-- //@UNDO

CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
