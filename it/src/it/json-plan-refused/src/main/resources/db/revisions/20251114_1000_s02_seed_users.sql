-- revision: s02
-- down_revision: 001
-- message: seed users
-- create_date: 2025-11-14 10:00:00

INSERT INTO users VALUES (1, 'ada@example.com'), (2, 'alan@example.com');

-- //@UNDO

DELETE FROM users;
