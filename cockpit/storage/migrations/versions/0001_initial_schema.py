"""Initial schema: the street, cases and their history, streams, audit and users.

Hand-checked against cockpit.storage.models; tests/core/test_storage_migrations.py proves that
autogenerate finds no difference.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('alarms',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('risk', sa.String(length=16), nullable=False),
    sa.Column('sensor_id', sa.String(length=64), nullable=True),
    sa.Column('rule_id', sa.String(length=64), nullable=True),
    sa.Column('case_id', sa.String(length=64), nullable=True),
    sa.Column('area_id', sa.String(length=64), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('raised_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_by', sa.String(length=200), nullable=True),
    sa.Column('cleared_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('repeats', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alarms'))
    )
    op.create_index(op.f('ix_alarms_sensor_id'), 'alarms', ['sensor_id'], unique=False)
    op.create_index(op.f('ix_alarms_state'), 'alarms', ['state'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=100), nullable=False),
    sa.Column('target', sa.String(length=200), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_log_hash'))
    )
    op.create_table('cases',
    sa.Column('case_id', sa.String(length=64), nullable=False),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('category', sa.String(length=64), nullable=False),
    sa.Column('risk_level', sa.String(length=16), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('community', sa.String(length=64), nullable=False),
    sa.Column('general_grid', sa.String(length=64), nullable=False),
    sa.Column('micro_grid', sa.String(length=64), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('triaged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('dispatched_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('on_scene_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('feedback_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('assignee', sa.String(length=64), nullable=True),
    sa.Column('eta_minutes', sa.Float(), nullable=True),
    sa.Column('owner_level', sa.String(length=16), nullable=False),
    sa.Column('escalations', sa.Integer(), nullable=False),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('fixed', sa.Boolean(), nullable=True),
    sa.Column('reopened', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('merged_into', sa.String(length=64), nullable=True),
    sa.Column('alarm_id', sa.String(length=64), nullable=True),
    sa.Column('reporter', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('case_id', name=op.f('pk_cases'))
    )
    op.create_index(op.f('ix_cases_community'), 'cases', ['community'], unique=False)
    op.create_index(op.f('ix_cases_reported_at'), 'cases', ['reported_at'], unique=False)
    op.create_index(op.f('ix_cases_status'), 'cases', ['status'], unique=False)

    op.create_table('dead_letters',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('topic', sa.Text(), nullable=False),
    sa.Column('reason_code', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('payload_sha256', sa.String(length=64), nullable=False),
    sa.Column('payload_size', sa.Integer(), nullable=False),
    sa.Column('payload_excerpt', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dead_letters'))
    )
    op.create_index(op.f('ix_dead_letters_reason_code'), 'dead_letters', ['reason_code'], unique=False)
    op.create_index(op.f('ix_dead_letters_received_at'), 'dead_letters', ['received_at'], unique=False)

    op.create_table('event_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('type', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_log'))
    )
    op.create_index(op.f('ix_event_log_at'), 'event_log', ['at'], unique=False)

    op.create_table('streets',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('epsg', sa.Integer(), nullable=False),
    sa.Column('boundary_wkb', sa.LargeBinary(), nullable=False),
    sa.Column('seed', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_streets'))
    )
    op.create_table('telemetry',
    sa.Column('sensor_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('values', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('sensor_id', 'seq', name=op.f('pk_telemetry'))
    )
    op.create_index(op.f('ix_telemetry_at'), 'telemetry', ['at'], unique=False)

    op.create_table('users',
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('scope_area', sa.String(length=64), nullable=True),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_users'))
    )
    op.create_table('case_transitions',
    sa.Column('case_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=True),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('event_type', sa.String(length=64), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.case_id'], name=op.f('fk_case_transitions_case_id_cases'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('case_id', 'seq', name=op.f('pk_case_transitions'))
    )
    op.create_table('communities',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('polygon_wkb', sa.LargeBinary(), nullable=False),
    sa.Column('households', sa.Integer(), nullable=False),
    sa.Column('residents', sa.Integer(), nullable=False),
    sa.Column('street_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['street_id'], ['streets.id'], name=op.f('fk_communities_street_id_streets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('street_id', 'id', name=op.f('pk_communities'))
    )
    op.create_table('dispatches',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('case_id', sa.String(length=64), nullable=False),
    sa.Column('assignee', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('eta_minutes', sa.Float(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.case_id'], name=op.f('fk_dispatches_case_id_cases'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispatches'))
    )
    op.create_index(op.f('ix_dispatches_assignee'), 'dispatches', ['assignee'], unique=False)
    op.create_index(op.f('ix_dispatches_case_id'), 'dispatches', ['case_id'], unique=False)

    op.create_table('roads',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('line_wkb', sa.LargeBinary(), nullable=False),
    sa.Column('street_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['street_id'], ['streets.id'], name=op.f('fk_roads_street_id_streets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('street_id', 'id', name=op.f('pk_roads'))
    )
    op.create_table('shifts',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('starts', sa.Time(), nullable=False),
    sa.Column('ends', sa.Time(), nullable=False),
    sa.Column('street_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['street_id'], ['streets.id'], name=op.f('fk_shifts_street_id_streets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('street_id', 'id', name=op.f('pk_shifts'))
    )
    op.create_table('dedicated_grids',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('polygon_wkb', sa.LargeBinary(), nullable=False),
    sa.Column('community_id', sa.String(length=64), nullable=True),
    sa.Column('street_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['street_id', 'community_id'], ['communities.street_id', 'communities.id'], name=op.f('fk_dedicated_grids_street_id_community_id_communities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['street_id'], ['streets.id'], name=op.f('fk_dedicated_grids_street_id_streets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('street_id', 'id', name=op.f('pk_dedicated_grids'))
    )
    op.create_table('general_grids',
    sa.Column('community_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('polygon_wkb', sa.LargeBinary(), nullable=False),
    sa.Column('households', sa.Integer(), nullable=False),
    sa.Column('residents', sa.Integer(), nullable=False),
    sa.Column('street_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['street_id', 'community_id'], ['communities.street_id', 'communities.id'], name=op.f('fk_general_grids_street_id_community_id_communities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['street_id'], ['streets.id'], name=op.f('fk_general_grids_street_id_streets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('street_id', 'id', name=op.f('pk_general_grids'))
    )
    op.create_table('micro_grids',
    sa.Column('general_grid_id', sa.String(length=64), nullable=False),
    sa.Column('community_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('polygon_wkb', sa.LargeBinary(), nullable=False),
    sa.Column('households', sa.Integer(), nullable=False),
    sa.Column('residents', sa.Integer(), nullable=False),
    sa.Column('elderly_alone', sa.Integer(), nullable=False),
    sa.Column('disabled', sa.Integer(), nullable=False),
    sa.Column('children_left_behind', sa.Integer(), nullable=False),
    sa.Column('street_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['street_id', 'community_id'], ['communities.street_id', 'communities.id'], name=op.f('fk_micro_grids_street_id_community_id_communities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['street_id', 'general_grid_id'], ['general_grids.street_id', 'general_grids.id'], name=op.f('fk_micro_grids_street_id_general_grid_id_general_grids'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['street_id'], ['streets.id'], name=op.f('fk_micro_grids_street_id_streets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('street_id', 'id', name=op.f('pk_micro_grids'))
    )
    op.create_table('residents',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('street_id', sa.String(length=64), nullable=False),
    sa.Column('micro_grid_id', sa.String(length=64), nullable=False),
    sa.Column('name_enc', sa.LargeBinary(), nullable=False),
    sa.Column('id_number_enc', sa.LargeBinary(), nullable=True),
    sa.Column('phone_enc', sa.LargeBinary(), nullable=True),
    sa.Column('address_enc', sa.LargeBinary(), nullable=True),
    sa.Column('health_flags_enc', sa.LargeBinary(), nullable=True),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['street_id', 'micro_grid_id'], ['micro_grids.street_id', 'micro_grids.id'], name=op.f('fk_residents_street_id_micro_grid_id_micro_grids'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['street_id'], ['streets.id'], name=op.f('fk_residents_street_id_streets'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_residents'))
    )
    op.create_index(op.f('ix_residents_stored_at'), 'residents', ['stored_at'], unique=False)

    op.create_table('sensors',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('micro_grid_id', sa.String(length=64), nullable=False),
    sa.Column('interval_s', sa.Integer(), nullable=False),
    sa.Column('elderly_alone', sa.Boolean(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('street_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['street_id', 'micro_grid_id'], ['micro_grids.street_id', 'micro_grids.id'], name=op.f('fk_sensors_street_id_micro_grid_id_micro_grids'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['street_id'], ['streets.id'], name=op.f('fk_sensors_street_id_streets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('street_id', 'id', name=op.f('pk_sensors'))
    )
    op.create_table('staff',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('shift_id', sa.String(length=64), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('home_community_id', sa.String(length=64), nullable=True),
    sa.Column('home_general_grid_id', sa.String(length=64), nullable=True),
    sa.Column('home_micro_grid_id', sa.String(length=64), nullable=True),
    sa.Column('department', sa.String(length=32), nullable=True),
    sa.Column('street_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['street_id', 'home_community_id'], ['communities.street_id', 'communities.id'], name=op.f('fk_staff_street_id_home_community_id_communities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['street_id', 'home_general_grid_id'], ['general_grids.street_id', 'general_grids.id'], name=op.f('fk_staff_street_id_home_general_grid_id_general_grids'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['street_id', 'home_micro_grid_id'], ['micro_grids.street_id', 'micro_grids.id'], name=op.f('fk_staff_street_id_home_micro_grid_id_micro_grids'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['street_id', 'shift_id'], ['shifts.street_id', 'shifts.id'], name=op.f('fk_staff_street_id_shift_id_shifts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['street_id'], ['streets.id'], name=op.f('fk_staff_street_id_streets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('street_id', 'id', name=op.f('pk_staff'))
    )


def downgrade() -> None:
    op.drop_table('staff')
    op.drop_table('sensors')
    op.drop_index(op.f('ix_residents_stored_at'), table_name='residents')

    op.drop_table('residents')
    op.drop_table('micro_grids')
    op.drop_table('general_grids')
    op.drop_table('dedicated_grids')
    op.drop_table('shifts')
    op.drop_table('roads')
    op.drop_index(op.f('ix_dispatches_case_id'), table_name='dispatches')
    op.drop_index(op.f('ix_dispatches_assignee'), table_name='dispatches')

    op.drop_table('dispatches')
    op.drop_table('communities')
    op.drop_table('case_transitions')
    op.drop_table('users')
    op.drop_index(op.f('ix_telemetry_at'), table_name='telemetry')

    op.drop_table('telemetry')
    op.drop_table('streets')
    op.drop_index(op.f('ix_event_log_at'), table_name='event_log')

    op.drop_table('event_log')
    op.drop_index(op.f('ix_dead_letters_received_at'), table_name='dead_letters')
    op.drop_index(op.f('ix_dead_letters_reason_code'), table_name='dead_letters')

    op.drop_table('dead_letters')
    op.drop_index(op.f('ix_cases_status'), table_name='cases')
    op.drop_index(op.f('ix_cases_reported_at'), table_name='cases')
    op.drop_index(op.f('ix_cases_community'), table_name='cases')

    op.drop_table('cases')
    op.drop_table('audit_log')
    op.drop_index(op.f('ix_alarms_state'), table_name='alarms')
    op.drop_index(op.f('ix_alarms_sensor_id'), table_name='alarms')

    op.drop_table('alarms')
