-- revision: 005
-- down_revision: 004
-- message: user usage quotas
-- create_date: 2025-11-25 10:00:00

-- A monthly token allowance per user; NULL means unlimited (administrators, pilots).
ALTER TABLE users ADD COLUMN monthly_token_quota integer;
-- plccoach:allow constraint-missing-not-valid: every row holds NULL in the column added above, and users has a row per teacher, so the scan under the lock takes milliseconds
ALTER TABLE users ADD CONSTRAINT users_monthly_token_quota_check CHECK (monthly_token_quota > 0);

-- What each user spent this calendar month (UTC), for the quota check and the usage page.
CREATE VIEW user_monthly_usage AS
SELECT u.id AS user_id,
       u.monthly_token_quota,
       coalesce(sum(coalesce(m.prompt_tokens, 0) + coalesce(m.completion_tokens, 0)), 0)::bigint AS tokens_used,
       coalesce(sum(m.cost_usd), 0)::numeric(14,6) AS cost_usd
  FROM users u
  LEFT JOIN conversations c ON c.user_id = u.id
  LEFT JOIN messages m ON m.conversation_id = c.id
                      AND m.created_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
 GROUP BY u.id, u.monthly_token_quota;
COMMENT ON VIEW user_monthly_usage IS 'Tokens and cost per user in the current UTC month, against their quota';

-- //@UNDO

DROP VIEW user_monthly_usage;
ALTER TABLE users DROP COLUMN monthly_token_quota;
