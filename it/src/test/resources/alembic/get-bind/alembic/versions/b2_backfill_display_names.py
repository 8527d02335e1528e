"""backfill display names

Revision ID: b2
Revises: a1
Create Date: 2025-11-20 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "a1"
branch_labels = None
depends_on = None


def upgrade():
    # decides in Python, from the rows, what to write: this needs a live database
    bind = op.get_bind()
    for row in bind.execute(sa.text("SELECT id FROM teams WHERE name IS NULL")):
        bind.execute(sa.text("UPDATE teams SET name = :n WHERE id = :id"), {"n": "team %d" % row.id, "id": row.id})


def downgrade():
    pass
