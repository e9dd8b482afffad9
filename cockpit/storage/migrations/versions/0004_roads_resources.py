"""Resources of a street: stations, vehicles and emergency caches, and their stock per item.

Revision ID: 0004_roads_resources
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_roads_resources'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('resources',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('micro_grid_id', sa.String(length=64), nullable=False),
    sa.Column('staff', sa.Integer(), nullable=False),
    sa.Column('hours', sa.JSON(), nullable=False),
    sa.Column('base_id', sa.String(length=64), nullable=True),
    sa.Column('street_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['street_id', 'base_id'], ['resources.street_id', 'resources.id'], name=op.f('fk_resources_street_id_base_id_resources'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['street_id', 'micro_grid_id'], ['micro_grids.street_id', 'micro_grids.id'], name=op.f('fk_resources_street_id_micro_grid_id_micro_grids'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['street_id'], ['streets.id'], name=op.f('fk_resources_street_id_streets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('street_id', 'id', name=op.f('pk_resources'))
    )
    op.create_table('resource_stock',
    sa.Column('street_id', sa.String(length=64), nullable=False),
    sa.Column('resource_id', sa.String(length=64), nullable=False),
    sa.Column('item', sa.String(length=32), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['street_id', 'resource_id'], ['resources.street_id', 'resources.id'], name=op.f('fk_resource_stock_street_id_resource_id_resources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('street_id', 'resource_id', 'item', name=op.f('pk_resource_stock'))
    )


def downgrade() -> None:
    op.drop_table('resource_stock')
    op.drop_table('resources')
