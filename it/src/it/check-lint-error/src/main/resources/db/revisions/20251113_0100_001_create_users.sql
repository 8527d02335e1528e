-- revision: 001
-- down_revision: base
-- message: create users
-- create_date: 2025-11-13 01:00:00

CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
INSERT INTO users SELECT i, 'user' || i || '@school.org' FROM generate_series(1, 1000) i;
ANALYZE users;

-- //@UNDO

DROP TABLE users;
