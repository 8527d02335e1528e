-- revision: 002
-- down_revision: 001
-- message: create big with 1,000 rows
-- create_date: 2025-11-14 09:00:00

CREATE TABLE big (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, team_id int NOT NULL REFERENCES teams, note text);
CREATE INDEX big_note ON big (note);
INSERT INTO big (team_id, note) SELECT 1, 'note ' || g FROM generate_series(1, 1000) g;

-- //@UNDO

DROP TABLE big;
