-- revision: 004
-- down_revision: 003
-- message: message feedback
-- create_date: 2025-11-24 14:00:00

-- Thumbs up or down on an answer, with an optional comment: what coaches found useful.
CREATE TABLE message_feedback (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id uuid        NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    -- feedback outlives the account that gave it: it still says something about the answer
    user_id    uuid        REFERENCES users (id) ON DELETE SET NULL,
    rating     smallint    NOT NULL,
    comment    text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT message_feedback_rating_check CHECK (rating IN (-1, 1)),
    CONSTRAINT message_feedback_message_id_user_id_key UNIQUE (message_id, user_id)
);
-- message_id is covered by the unique constraint's index, which leads with it.
CREATE INDEX message_feedback_user_id_idx ON message_feedback (user_id);
COMMENT ON TABLE message_feedback IS 'Ratings of answers: 1 helpful, -1 not helpful';

-- //@UNDO

DROP TABLE message_feedback;
