-- revision: 001
-- down_revision: base
-- message: notes per tenant

CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL);
COMMENT ON TABLE notes IS 'notes of ${schema}';

-- //@UNDO

DROP TABLE notes;
