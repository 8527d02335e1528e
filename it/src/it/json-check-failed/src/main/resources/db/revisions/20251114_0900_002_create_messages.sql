-- revision: 002
-- down_revision: 001
-- message: create messages
-- create_date: 2025-11-14 09:00:00

CREATE TABLE messages (id bigint PRIMARY KEY, user_id bigint REFERENCES users, body text);

-- //@UNDO

DROP TABLE messages;
