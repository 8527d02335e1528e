-- revision: 003
-- down_revision: 002
-- message: message embeddings hnsw index
-- create_date: 2025-11-20 09:05:00
-- transactional: false

-- CONCURRENTLY: building an HNSW index over millions of vectors takes minutes, and a plain
-- CREATE INDEX would block every insert of an embedding for that long.
CREATE INDEX CONCURRENTLY IF NOT EXISTS message_embeddings_embedding_hnsw_idx
    ON message_embeddings USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);

-- //@UNDO

DROP INDEX CONCURRENTLY IF EXISTS message_embeddings_embedding_hnsw_idx;
