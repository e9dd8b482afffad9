"""Drop the telemetry table's index on ``at``.

Nothing reads telemetry by time (the gap counters and a device's history read it by device and
sequence, which the primary key serves), and the index cost every ingested message an insert into
a third B-tree: about 1.5 us of the ingest's 25-40 us per message (docs/mqtt.md).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_telemetry_at', table_name='telemetry')


def downgrade() -> None:
    op.create_index('ix_telemetry_at', 'telemetry', ['at'], unique=False)
