"""Hardening from the outside audit (issue 14): receipt keys of their own for people's messages,
and the failed logins that lock an account.

``sender_receipts`` keys the messages of staff phones and app accounts by (space, sender, seq),
apart from the sensors' ``telemetry``: a report whose device named a sensor used to take that
sensor's key and make its real reading a "duplicate". Receipts already stored stay where they are.
``sealed_texts`` keeps, encrypted, the originals of free text (reports, notes) that quoted personal
data; the events hold it scrubbed. ``users.failed_logins`` counts wrong passwords in a row;
``users.locked_until`` ends a lockout.

Revision ID: 0005_hard_hardening
Revises: 0004_roads_resources
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005_hard_hardening'
down_revision = '0004_roads_resources'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sender_receipts',
    sa.Column('space', sa.String(length=16), nullable=False),
    sa.Column('sender', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('space', 'sender', 'seq', name=op.f('pk_sender_receipts'))
    )
    op.create_table('sealed_texts',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('case_id', sa.String(length=100), nullable=False),
    sa.Column('message', sa.String(length=200), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=False),
    sa.Column('community_id', sa.String(length=64), nullable=True),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('text_enc', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sealed_texts')),
    sa.UniqueConstraint('message', 'field', name=op.f('uq_sealed_texts_message_field'))
    )
    op.create_index(op.f('ix_sealed_texts_case_id'), 'sealed_texts', ['case_id'], unique=False)
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('failed_logins', sa.Integer(), server_default='0', nullable=False))
        batch.add_column(sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.drop_column('locked_until')
        batch.drop_column('failed_logins')
    op.drop_index(op.f('ix_sealed_texts_case_id'), table_name='sealed_texts')
    op.drop_table('sealed_texts')
    op.drop_table('sender_receipts')
