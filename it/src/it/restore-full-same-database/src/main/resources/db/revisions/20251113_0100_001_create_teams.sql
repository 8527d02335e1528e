-- revision: 001
-- down_revision: base
-- message: create teams
-- create_date: 2025-11-13 01:00:00

CREATE TABLE teams (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO teams VALUES (1, 'plc one');

-- //@UNDO

DROP TABLE teams;
