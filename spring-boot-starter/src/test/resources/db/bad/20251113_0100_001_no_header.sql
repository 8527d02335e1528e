-- message: a revision whose header lacks its id

CREATE TABLE users (id bigint PRIMARY KEY);
