-- revision: 002
-- down_revision: 001
-- message: create messages

CREATE TABLE messages (id bigint PRIMARY KEY, body text);

-- //@UNDO

DROP TABLE messages;
