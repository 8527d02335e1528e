"""create teams

Revision ID: a1
Revises:
Create Date: 2025-11-19 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))


def downgrade():
    op.drop_table("teams")
