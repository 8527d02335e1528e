"""add conversation sharing

Revision ID: 002
Revises: 001
Create Date: 2025-11-14 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "002"
down_revision = "001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("conversations", sa.Column("shared_with", postgresql.ARRAY(postgresql.UUID()),
                                             server_default=sa.text("'{}'"), nullable=False))


def downgrade():
    op.drop_column("conversations", "shared_with")
