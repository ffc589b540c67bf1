"""lifecycle, projects, operations, distributions, idle flags

Revision ID: fed923ea9f78
Revises: 443445dee8b4
Create Date: 2026-11-28 12:41:37.112186
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# The type exists since the first revision; this one only adds the later stages of an asset's life.
ASSET_STATUS = postgresql.ENUM(name='asset_status', schema='assets', create_type=False)
NEW_STATUSES = ('ownership_confirmed', 'handed_over', 'in_operation', 'disposed')
NEW_ENUMS = (
    'idle_rule', 'idle_action', 'lifecycle_action', 'disposal_method', 'maintenance_kind',
    'decision_procedure', 'revenue_use',
)

ASSET_CHECKS = {
    'latitude_range': 'latitude BETWEEN -90 AND 90',
    'longitude_range': 'longitude BETWEEN -180 AND 180',
    'coordinates_paired': '(latitude IS NULL) = (longitude IS NULL)',
    'asset_ref_needs_project': 'source_asset_ref IS NULL OR source_project_id IS NOT NULL',
}

# Shares must add up to the distribution's total at commit time (deferred, so a distribution and
# its shares can be written in any order within one transaction).
SHARES_ADD_UP = (
    """
CREATE FUNCTION assets.check_distribution_adds_up() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    target uuid;
    total numeric;
    shared numeric;
BEGIN
    IF TG_TABLE_NAME = 'revenue_distributions' THEN
        target := NEW.id;
    ELSE
        target := COALESCE(NEW.distribution_id, OLD.distribution_id);
    END IF;
    SELECT d.total_amount INTO total FROM assets.revenue_distributions d WHERE d.id = target;
    IF total IS NULL THEN
        RETURN NULL;  -- the distribution itself is gone
    END IF;
    SELECT COALESCE(sum(s.amount), 0) INTO shared FROM assets.distribution_shares s
        WHERE s.distribution_id = target;
    IF shared <> total THEN
        RAISE EXCEPTION 'distribution % shares add up to %, not %', target, shared, total
            USING ERRCODE = 'check_violation', CONSTRAINT = 'distribution_adds_up';
    END IF;
    RETURN NULL;
END $$
""",
    """
CREATE CONSTRAINT TRIGGER distribution_adds_up AFTER INSERT OR UPDATE ON assets.revenue_distributions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION assets.check_distribution_adds_up()
""",
    """
CREATE CONSTRAINT TRIGGER shares_add_up AFTER INSERT OR UPDATE OR DELETE ON assets.distribution_shares
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION assets.check_distribution_adds_up()
""",
)

revision: str = 'fed923ea9f78'
down_revision: str | None = '443445dee8b4'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for status in NEW_STATUSES:
        op.execute(f"ALTER TYPE assets.asset_status ADD VALUE IF NOT EXISTS '{status}'")
    op.create_table('source_projects',
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=True),
    sa.Column('category', sa.String(length=100), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=False),
    sa.Column('total_investment', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('fund_shares', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('project_id', name=op.f('pk_source_projects')),
    schema='assets'
    )
    op.create_table('idle_flags',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('asset_id', sa.Uuid(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('rule', sa.Enum('no_revenue', 'low_utilisation', name='idle_rule', schema='assets'), nullable=False),
    sa.Column('flagged_on', sa.Date(), nullable=False),
    sa.Column('measure', sa.Numeric(precision=10, scale=4), nullable=False),
    sa.Column('proposed_action', sa.Enum('revitalise', 'change_use', 'dispose', name='idle_action', schema='assets'), nullable=True),
    sa.Column('action_note', sa.Text(), nullable=True),
    sa.Column('cleared_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.assets.id'], name=op.f('fk_idle_flags_asset_id_assets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idle_flags')),
    schema='assets'
    )
    op.create_index(op.f('ix_idle_flags_town_code_village_code'), 'idle_flags', ['town_code', 'village_code'], unique=False, schema='assets')
    op.create_index(op.f('ix_idle_flags_updated_at_id'), 'idle_flags', ['updated_at', 'id'], unique=False, schema='assets')
    op.create_index('uq_idle_flags_open', 'idle_flags', ['asset_id', 'rule'], unique=True, schema='assets', postgresql_where=sa.text('cleared_on IS NULL'))
    op.create_table('lifecycle_steps',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('asset_id', sa.Uuid(), nullable=False),
    sa.Column('action', sa.Enum('register', 'correct', 'confirm_ownership', 'hand_over', 'start_operation', 'dispose', name='lifecycle_action', schema='assets'), nullable=False),
    sa.Column('from_status', ASSET_STATUS, nullable=True),
    sa.Column('to_status', ASSET_STATUS, nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('documents', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('details', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('disposal_method', sa.Enum('transfer', 'auction', 'donation', 'scrap', 'loss', name='disposal_method', schema='assets'), nullable=True),
    sa.Column('approved_by', sa.String(length=200), nullable=True),
    sa.Column('approval_ref', sa.String(length=100), nullable=True),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('actor_role', sa.String(length=40), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("action <> 'dispose' OR (approved_by IS NOT NULL AND approval_ref IS NOT NULL AND approved_on IS NOT NULL AND disposal_method IS NOT NULL AND reason IS NOT NULL)", name=op.f('ck_lifecycle_steps_disposal_approved')),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.assets.id'], name=op.f('fk_lifecycle_steps_asset_id_assets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lifecycle_steps')),
    schema='assets'
    )
    op.create_index(op.f('ix_lifecycle_steps_asset_id_recorded_at'), 'lifecycle_steps', ['asset_id', 'recorded_at'], unique=False, schema='assets')
    op.create_table('maintenance_records',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('asset_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('routine', 'repair', 'incident', name='maintenance_kind', schema='assets'), nullable=False),
    sa.Column('performed_on', sa.Date(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('cost', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('resolved_on', sa.Date(), nullable=True),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('cost >= 0', name=op.f('ck_maintenance_records_cost_non_negative')),
    sa.CheckConstraint('resolved_on IS NULL OR resolved_on >= performed_on', name=op.f('ck_maintenance_records_resolved_after')),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.assets.id'], name=op.f('fk_maintenance_records_asset_id_assets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_maintenance_records')),
    schema='assets'
    )
    op.create_index(op.f('ix_maintenance_records_asset_id_updated_at_id'), 'maintenance_records', ['asset_id', 'updated_at', 'id'], unique=False, schema='assets')
    op.create_table('monthly_operations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('asset_id', sa.Uuid(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('revenue', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('generation_kwh', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('utilisation', sa.Numeric(precision=5, scale=4), nullable=True),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('extract(day from month) = 1', name=op.f('ck_monthly_operations_month_first_day')),
    sa.CheckConstraint('generation_kwh >= 0', name=op.f('ck_monthly_operations_generation_non_negative')),
    sa.CheckConstraint('revenue >= 0', name=op.f('ck_monthly_operations_revenue_non_negative')),
    sa.CheckConstraint('utilisation BETWEEN 0 AND 1', name=op.f('ck_monthly_operations_utilisation_range')),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.assets.id'], name=op.f('fk_monthly_operations_asset_id_assets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_monthly_operations')),
    sa.UniqueConstraint('asset_id', 'month', name=op.f('uq_monthly_operations_asset_id_month')),
    schema='assets'
    )
    op.create_index(op.f('ix_monthly_operations_updated_at_id'), 'monthly_operations', ['updated_at', 'id'], unique=False, schema='assets')
    op.create_table('pv_stations',
    sa.Column('asset_id', sa.Uuid(), nullable=False),
    sa.Column('capacity_kw', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('grid_connected_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('capacity_kw > 0', name=op.f('ck_pv_stations_capacity_positive')),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.assets.id'], name=op.f('fk_pv_stations_asset_id_assets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('asset_id', name=op.f('pk_pv_stations')),
    schema='assets'
    )
    op.create_table('revenue_distributions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('asset_id', sa.Uuid(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('procedure', sa.Enum('four_discussions_two_publications', 'villagers_assembly', 'other', name='decision_procedure', schema='assets'), nullable=False),
    sa.Column('approving_body', sa.String(length=200), nullable=False),
    sa.Column('decision_ref', sa.String(length=100), nullable=True),
    sa.Column('total_amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('total_amount > 0', name=op.f('ck_revenue_distributions_total_positive')),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.assets.id'], name=op.f('fk_revenue_distributions_asset_id_assets'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_revenue_distributions')),
    schema='assets'
    )
    op.create_index(op.f('ix_revenue_distributions_asset_id'), 'revenue_distributions', ['asset_id'], unique=False, schema='assets')
    op.create_index(op.f('ix_revenue_distributions_town_code_village_code'), 'revenue_distributions', ['town_code', 'village_code'], unique=False, schema='assets')
    op.create_index(op.f('ix_revenue_distributions_updated_at_id'), 'revenue_distributions', ['updated_at', 'id'], unique=False, schema='assets')
    op.create_table('distribution_shares',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('distribution_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.SmallInteger(), nullable=False),
    sa.Column('use', sa.Enum('public_welfare_posts', 'small_public_works', 'monitored_household_assistance', 'collective_reinvestment', name='revenue_use', schema='assets'), nullable=False),
    sa.Column('beneficiary', sa.String(length=200), nullable=False),
    sa.Column('beneficiary_count', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_distribution_shares_amount_positive')),
    sa.CheckConstraint('beneficiary_count >= 0', name=op.f('ck_distribution_shares_beneficiary_count_non_negative')),
    sa.ForeignKeyConstraint(['distribution_id'], ['assets.revenue_distributions.id'], name=op.f('fk_distribution_shares_distribution_id_revenue_distributions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_distribution_shares')),
    sa.UniqueConstraint('distribution_id', 'position', name=op.f('uq_distribution_shares_distribution_id_position')),
    schema='assets'
    )
    op.create_index(op.f('ix_distribution_shares_distribution_id'), 'distribution_shares', ['distribution_id'], unique=False, schema='assets')
    # Rows from the first revision get placeholder values; new rows always carry their own.
    op.add_column('assets', sa.Column('category', sa.String(length=100), nullable=False, server_default='未分类'), schema='assets')
    op.alter_column('assets', 'category', server_default=None, schema='assets')
    op.add_column('assets', sa.Column('latitude', sa.Numeric(precision=9, scale=6), nullable=True), schema='assets')
    op.add_column('assets', sa.Column('longitude', sa.Numeric(precision=9, scale=6), nullable=True), schema='assets')
    op.add_column('assets', sa.Column('formed_on', sa.Date(), nullable=False, server_default=sa.text('CURRENT_DATE')), schema='assets')
    op.alter_column('assets', 'formed_on', server_default=None, schema='assets')
    op.add_column('assets', sa.Column('source_asset_ref', sa.String(length=40), nullable=True), schema='assets')
    op.add_column('assets', sa.Column('owner_name', sa.String(length=200), nullable=True), schema='assets')
    op.add_column('assets', sa.Column('manager_name', sa.String(length=200), nullable=True), schema='assets')
    op.create_unique_constraint(op.f('uq_assets_source_project_id_source_asset_ref'), 'assets', ['source_project_id', 'source_asset_ref'], schema='assets')
    op.create_foreign_key(op.f('fk_assets_source_project_id_source_projects'), 'assets', 'source_projects', ['source_project_id'], ['project_id'], source_schema='assets', referent_schema='assets', ondelete='RESTRICT')
    for statement in SHARES_ADD_UP:
        op.execute(statement)
    for name, condition in ASSET_CHECKS.items():
        op.create_check_constraint(op.f(f'ck_assets_{name}'), 'assets', condition, schema='assets')


def downgrade() -> None:
    op.execute("DROP TRIGGER shares_add_up ON assets.distribution_shares")
    op.execute("DROP TRIGGER distribution_adds_up ON assets.revenue_distributions")
    op.execute("DROP FUNCTION assets.check_distribution_adds_up()")
    for name in ASSET_CHECKS:
        op.drop_constraint(op.f(f'ck_assets_{name}'), 'assets', schema='assets', type_='check')
    op.drop_constraint(op.f('fk_assets_source_project_id_source_projects'), 'assets', schema='assets', type_='foreignkey')
    op.drop_constraint(op.f('uq_assets_source_project_id_source_asset_ref'), 'assets', schema='assets', type_='unique')
    op.drop_column('assets', 'manager_name', schema='assets')
    op.drop_column('assets', 'owner_name', schema='assets')
    op.drop_column('assets', 'source_asset_ref', schema='assets')
    op.drop_column('assets', 'formed_on', schema='assets')
    op.drop_column('assets', 'longitude', schema='assets')
    op.drop_column('assets', 'latitude', schema='assets')
    op.drop_column('assets', 'category', schema='assets')
    op.drop_index(op.f('ix_distribution_shares_distribution_id'), table_name='distribution_shares', schema='assets')
    op.drop_table('distribution_shares', schema='assets')
    op.drop_index(op.f('ix_revenue_distributions_updated_at_id'), table_name='revenue_distributions', schema='assets')
    op.drop_index(op.f('ix_revenue_distributions_town_code_village_code'), table_name='revenue_distributions', schema='assets')
    op.drop_index(op.f('ix_revenue_distributions_asset_id'), table_name='revenue_distributions', schema='assets')
    op.drop_table('revenue_distributions', schema='assets')
    op.drop_table('pv_stations', schema='assets')
    op.drop_index(op.f('ix_monthly_operations_updated_at_id'), table_name='monthly_operations', schema='assets')
    op.drop_table('monthly_operations', schema='assets')
    op.drop_index(op.f('ix_maintenance_records_asset_id_updated_at_id'), table_name='maintenance_records', schema='assets')
    op.drop_table('maintenance_records', schema='assets')
    op.drop_index(op.f('ix_lifecycle_steps_asset_id_recorded_at'), table_name='lifecycle_steps', schema='assets')
    op.drop_table('lifecycle_steps', schema='assets')
    op.drop_index('uq_idle_flags_open', table_name='idle_flags', schema='assets', postgresql_where=sa.text('cleared_on IS NULL'))
    op.drop_index(op.f('ix_idle_flags_updated_at_id'), table_name='idle_flags', schema='assets')
    op.drop_index(op.f('ix_idle_flags_town_code_village_code'), table_name='idle_flags', schema='assets')
    op.drop_table('idle_flags', schema='assets')
    op.drop_table('source_projects', schema='assets')
    for name in NEW_ENUMS:
        sa.Enum(name=name, schema='assets').drop(op.get_bind(), checkfirst=True)
    # PostgreSQL cannot drop enum values: rebuild the type with the first revision's one value.
    op.execute("ALTER TABLE assets.assets ALTER COLUMN status TYPE text")
    op.execute("DROP TYPE assets.asset_status")
    op.execute("CREATE TYPE assets.asset_status AS ENUM ('formed')")
    op.execute("ALTER TABLE assets.assets ALTER COLUMN status TYPE assets.asset_status USING status::assets.asset_status")
