-- revision: 001
-- down_revision: base
-- message: initial schema
-- create_date: 2025-11-13 01:00:00

-- pgvector, for the embeddings of later revisions; installed on every PLC Coach server.
CREATE EXTENSION IF NOT EXISTS vector;

-- Keeps updated_at honest whatever code path writes a row.
CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TABLE users (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text        NOT NULL,
    display_name  text,
    role          text        NOT NULL DEFAULT 'teacher',
    sso_provider  text,
    sso_subject   text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz,
    CONSTRAINT users_role_check CHECK (role IN ('teacher', 'coach', 'admin')),
    CONSTRAINT users_email_check CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    -- an SSO identity is a pair: a subject means nothing without its provider
    CONSTRAINT users_sso_pair_check CHECK ((sso_provider IS NULL) = (sso_subject IS NULL)),
    CONSTRAINT users_sso_provider_subject_key UNIQUE (sso_provider, sso_subject)
);
-- Case-insensitive uniqueness without citext: Alice@school.org and alice@school.org are one user.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
COMMENT ON TABLE users IS 'Teachers, coaches and administrators who sign in to PLC Coach';
COMMENT ON COLUMN users.role IS 'teacher, coach or admin';

CREATE TABLE sessions (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- SHA-256 of the bearer token, hex: the token itself is never stored
    token_hash  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked     boolean     NOT NULL DEFAULT false,
    revoked_at  timestamptz,
    user_agent  text,
    ip_address  inet,
    CONSTRAINT sessions_token_hash_key UNIQUE (token_hash),
    CONSTRAINT sessions_token_hash_check CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT sessions_expiry_check CHECK (expires_at > created_at),
    CONSTRAINT sessions_revoked_at_check CHECK (revoked OR revoked_at IS NULL)
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
-- The expiry sweep and "active sessions" lookups range over expires_at.
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);
COMMENT ON TABLE sessions IS 'Signed-in sessions; expired or revoked ones are swept by expires_at';

CREATE TABLE conversations (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title       text        NOT NULL DEFAULT 'New conversation',
    visibility  text        NOT NULL DEFAULT 'private',
    share_token text,
    shared_at   timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT conversations_visibility_check CHECK (visibility IN ('private', 'link', 'public')),
    -- a shared conversation is reached through its token; a private one has none
    CONSTRAINT conversations_share_token_check CHECK ((visibility = 'private') = (share_token IS NULL)),
    CONSTRAINT conversations_share_token_key UNIQUE (share_token)
);
-- Leads with the foreign key and serves the "my recent conversations" list.
CREATE INDEX conversations_user_id_idx ON conversations (user_id, updated_at DESC);
CREATE TRIGGER conversations_set_updated_at BEFORE UPDATE ON conversations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
COMMENT ON TABLE conversations IS 'A coaching conversation, private or shared by link';

CREATE TABLE messages (
    id                uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    conversation_id   uuid          NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    role              text          NOT NULL,
    content           text          NOT NULL,
    citations         jsonb         NOT NULL DEFAULT '[]'::jsonb,
    model             text,
    prompt_tokens     integer,
    completion_tokens integer,
    cost_usd          numeric(12,6),
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT messages_role_check CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    CONSTRAINT messages_citations_check CHECK (jsonb_typeof(citations) = 'array'),
    CONSTRAINT messages_prompt_tokens_check CHECK (prompt_tokens >= 0),
    CONSTRAINT messages_completion_tokens_check CHECK (completion_tokens >= 0),
    CONSTRAINT messages_cost_usd_check CHECK (cost_usd >= 0)
);
-- Leads with the foreign key and returns a conversation's messages in order.
CREATE INDEX messages_conversation_id_idx ON messages (conversation_id, created_at);
CREATE TRIGGER messages_set_updated_at BEFORE UPDATE ON messages
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
COMMENT ON TABLE messages IS 'Turns of a conversation, with the citations and the cost of each model answer';
COMMENT ON COLUMN messages.cost_usd IS 'Model cost of this message in US dollars';

-- //@UNDO

DROP TABLE messages;
DROP TABLE conversations;
DROP TABLE sessions;
DROP TABLE users;
DROP FUNCTION set_updated_at();
DROP EXTENSION vector;
