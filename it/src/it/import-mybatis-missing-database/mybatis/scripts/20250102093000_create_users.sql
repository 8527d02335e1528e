-- // create users
-- Migration SQL that makes the change goes here.

CREATE TABLE ${users_table} (
  id bigint PRIMARY KEY,
  name text NOT NULL
);

-- //@UNDO
-- SQL to undo the change goes here.

DROP TABLE ${users_table};
