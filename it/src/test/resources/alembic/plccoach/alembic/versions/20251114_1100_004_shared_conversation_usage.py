"""shared conversation usage

Revision ID: 004
Revises: 003
Create Date: 2025-11-14 11:00:00.000000

Counts usage per shared conversation, so it needs sharing (002) from the other branch.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "004"
down_revision = "003"
branch_labels = None
depends_on = "002"


def upgrade():
    op.add_column("usage_events", sa.Column("conversation_id", postgresql.UUID(),
                                            sa.ForeignKey("conversations.id", ondelete="SET NULL")))
    op.create_index("ix_usage_events_conversation_id", "usage_events", ["conversation_id"])


def downgrade():
    op.drop_index("ix_usage_events_conversation_id", table_name="usage_events")
    op.drop_column("usage_events", "conversation_id")
