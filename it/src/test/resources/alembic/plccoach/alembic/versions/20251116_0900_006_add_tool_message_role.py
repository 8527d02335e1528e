"""add tool message role

Revision ID: 006
Revises: 005
Create Date: 2025-11-16 09:00:00.000000

"""
from alembic import op

revision = "006"
down_revision = "005"
branch_labels = None
depends_on = None


def upgrade():
    # ALTER TYPE ... ADD VALUE cannot be used in the transaction that adds it
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE message_role ADD VALUE 'tool'")


def downgrade():
    op.execute("ALTER TYPE message_role RENAME TO message_role_old")
    op.execute("CREATE TYPE message_role AS ENUM ('user', 'assistant', 'system')")
    op.execute("ALTER TABLE messages ALTER COLUMN role TYPE message_role USING role::text::message_role")
    op.execute("DROP TYPE message_role_old")
