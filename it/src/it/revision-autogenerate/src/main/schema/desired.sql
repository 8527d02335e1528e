-- PLC Coach's schema as it should be: autogenerate writes the revision that gets there
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, display_name text);

CREATE INDEX users_email_idx ON users (email);

CREATE TABLE messages (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users, body text);
