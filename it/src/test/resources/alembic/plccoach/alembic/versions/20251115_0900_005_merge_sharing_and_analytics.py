"""merge sharing and analytics

Revision ID: 005
Revises: 002, 004
Create Date: 2025-11-15 09:00:00.000000

"""
revision = "005"
down_revision = ("002", "004")
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
