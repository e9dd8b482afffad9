"""Keep the first resolution and the reopen moment of reopened cases.

The incident log format carries first_resolved_at and reopened_at so that a reopened case can be
replayed; the cases table mirrors them, and keeps the first acceptance and arrival on reopen.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases') as batch:
        batch.add_column(sa.Column('first_resolved_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('reopened_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('cases') as batch:
        batch.drop_column('reopened_at')
        batch.drop_column('first_resolved_at')
