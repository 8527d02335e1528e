-- revision: 008
-- down_revision: 007
-- message: shared conversations index
-- create_date: 2025-12-01 00:00:00
-- transactional: false

CREATE INDEX CONCURRENTLY IF NOT EXISTS conversations_shared_at_idx
    ON conversations (shared_at) WHERE shared_at IS NOT NULL;

-- //@UNDO

SELECT 1;
