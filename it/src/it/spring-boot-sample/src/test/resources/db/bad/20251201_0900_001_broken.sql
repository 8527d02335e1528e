-- message: a revision without its id line

CREATE TABLE should_never_exist (id int);
