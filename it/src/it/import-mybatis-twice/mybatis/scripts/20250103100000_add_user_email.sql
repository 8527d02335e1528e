-- // add user email
-- Migration SQL that makes the change goes here.

ALTER TABLE ${users_table} ADD COLUMN email text;

-- //@UNDO
-- SQL to undo the change goes here.

ALTER TABLE ${users_table} DROP COLUMN email;
