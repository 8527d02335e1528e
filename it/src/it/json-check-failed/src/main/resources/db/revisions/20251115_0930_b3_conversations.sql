-- revision: b3
-- down_revision: 002
-- message: conversations
-- create_date: 2025-11-15 09:30:00

CREATE TABLE conversations (id bigint PRIMARY KEY);

-- //@UNDO

DROP TABLE conversations;
