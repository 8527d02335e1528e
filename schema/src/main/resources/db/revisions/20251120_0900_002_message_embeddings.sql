-- revision: 002
-- down_revision: 001
-- message: message embeddings
-- create_date: 2025-11-20 09:00:00

-- One embedding per message, apart from messages so that listing a conversation never reads
-- 6 kB vectors, and so that re-embedding with another model rewrites only this table.
CREATE TABLE message_embeddings (
    message_id uuid        PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    model      text        NOT NULL,
    embedding  vector(1536) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE message_embeddings IS 'Embedding of each message for retrieval; the HNSW index comes in revision 003';

-- //@UNDO

DROP TABLE message_embeddings;
