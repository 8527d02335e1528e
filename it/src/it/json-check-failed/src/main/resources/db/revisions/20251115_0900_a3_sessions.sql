-- revision: a3
-- down_revision: 002
-- message: sessions
-- create_date: 2025-11-15 09:00:00

CREATE TABLE sessions (id bigint PRIMARY KEY);

-- //@UNDO

DROP TABLE sessions;
