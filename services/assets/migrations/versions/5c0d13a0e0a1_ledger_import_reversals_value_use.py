"""ledger import (origin), distributions within revenue and their reversals, book value, use status

Revision ID: 5c0d13a0e0a1
Revises: 292b6adf799f
Create Date: 2026-11-30 14:30:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '5c0d13a0e0a1'
down_revision: str | None = '292b6adf799f'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORIGIN = postgresql.ENUM('project', 'registered', 'imported', name='asset_origin', schema='assets', create_type=False)
USE_STATUS = postgresql.ENUM('in_use', 'idle', 'damaged', name='use_status', schema='assets', create_type=False)
VALUATION = postgresql.ENUM('depreciation', 'revaluation', name='valuation_kind', schema='assets', create_type=False)

ASSET_CHECKS = {
    'legacy_ref_iff_imported': "(origin = 'imported') = (legacy_ref IS NOT NULL)",
    'legacy_project_only_imported': "legacy_project_name IS NULL OR origin = 'imported'",
    'project_origin_has_ref': "(origin = 'project') = (source_asset_ref IS NOT NULL)",
    'use_status_public_welfare': "(kind = 'public_welfare') = (use_status IS NOT NULL)",
    'use_status_dated': "(use_status IS NULL) = (use_status_since IS NULL)",
}

# A distribution may not share out more than the revenue recorded for the asset in its year, net of
# reversed distributions. The asset row is locked first, so two concurrent decisions on one asset
# run one after the other and the second sees the first (READ COMMITTED: each statement of the
# function takes a fresh snapshot after the lock is granted).
WITHIN_REVENUE = """
CREATE FUNCTION assets.check_distribution_within_revenue() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    earned numeric;
    shared numeric;
BEGIN
    PERFORM 1 FROM assets.assets WHERE id = NEW.asset_id FOR UPDATE;
    SELECT COALESCE(sum(m.revenue), 0) INTO earned FROM assets.monthly_operations m
     WHERE m.asset_id = NEW.asset_id
       AND m.month >= make_date(NEW.revenue_year, 1, 1) AND m.month < make_date(NEW.revenue_year + 1, 1, 1);
    SELECT COALESCE(sum(d.total_amount), 0) INTO shared FROM assets.revenue_distributions d
     WHERE d.asset_id = NEW.asset_id AND d.revenue_year = NEW.revenue_year
       AND NOT EXISTS (SELECT 1 FROM assets.distribution_reversals r WHERE r.distribution_id = d.id);
    IF shared > earned THEN
        RAISE EXCEPTION 'distributions of % exceed the recorded revenue of % for %', shared, earned, NEW.revenue_year
            USING ERRCODE = '23514', CONSTRAINT = 'distribution_within_revenue',
                  TABLE = 'revenue_distributions', SCHEMA = 'assets';
    END IF;
    RETURN NULL;
END $$
"""
WITHIN_REVENUE_TRIGGER = """
CREATE CONSTRAINT TRIGGER distribution_within_revenue
    AFTER INSERT OR UPDATE OF total_amount, revenue_year, asset_id ON assets.revenue_distributions
    FOR EACH ROW EXECUTE FUNCTION assets.check_distribution_within_revenue()
"""


def upgrade() -> None:
    op.execute("ALTER TYPE assets.idle_rule ADD VALUE IF NOT EXISTS 'not_in_use'")
    for enum in (ORIGIN, USE_STATUS, VALUATION):
        enum.create(op.get_bind())
    op.add_column('assets', sa.Column('origin', ORIGIN, server_default='registered', nullable=False), schema='assets')
    op.add_column('assets', sa.Column('legacy_ref', sa.String(length=60), nullable=True), schema='assets')
    op.add_column('assets', sa.Column('legacy_project_name', sa.String(length=200), nullable=True), schema='assets')
    op.add_column('assets', sa.Column('use_status', USE_STATUS, nullable=True), schema='assets')
    op.add_column('assets', sa.Column('use_status_since', sa.Date(), nullable=True), schema='assets')
    # Lines opened from an accepted project carry its asset line; public-welfare assets were in use
    # as far as anyone recorded (since they were formed).
    op.execute("UPDATE assets.assets SET origin = 'project' WHERE source_asset_ref IS NOT NULL")
    op.execute(
        "UPDATE assets.assets SET use_status = 'in_use', use_status_since = formed_on"
        " WHERE kind = 'public_welfare'"
    )
    for name, condition in ASSET_CHECKS.items():
        op.create_check_constraint(op.f(f'ck_assets_{name}'), 'assets', condition, schema='assets')
    op.create_unique_constraint(
        op.f('uq_assets_village_code_legacy_ref'), 'assets', ['village_code', 'legacy_ref'], schema='assets'
    )

    op.add_column('revenue_distributions', sa.Column('revenue_year', sa.SmallInteger(), nullable=True), schema='assets')
    op.execute("UPDATE assets.revenue_distributions SET revenue_year = extract(year FROM decided_on)")
    op.alter_column('revenue_distributions', 'revenue_year', nullable=False, schema='assets')
    op.create_check_constraint(
        op.f('ck_revenue_distributions_revenue_year_range'),
        'revenue_distributions',
        'revenue_year BETWEEN 2000 AND 2100',
        schema='assets',
    )

    op.create_table('distribution_reversals',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('distribution_id', sa.Uuid(), nullable=False),
    sa.Column('reversed_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('approved_by', sa.String(length=200), nullable=False),
    sa.Column('approval_ref', sa.String(length=100), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('approved_on <= reversed_on', name=op.f('ck_distribution_reversals_approved_before')),
    sa.CheckConstraint('length(reason) > 0', name=op.f('ck_distribution_reversals_reason_given')),
    sa.ForeignKeyConstraint(['distribution_id'], ['assets.revenue_distributions.id'], name=op.f('fk_distribution_reversals_distribution_id_revenue_distributions'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_distribution_reversals')),
    sa.UniqueConstraint('distribution_id', name=op.f('uq_distribution_reversals_distribution_id')),
    schema='assets'
    )
    op.create_table('asset_valuations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('asset_id', sa.Uuid(), nullable=False),
    sa.Column('kind', VALUATION, nullable=False),
    sa.Column('valued_on', sa.Date(), nullable=False),
    sa.Column('book_value_before', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('book_value', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('basis', sa.Text(), nullable=False),
    sa.Column('appraisal_ref', sa.String(length=100), nullable=True),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('book_value >= 0', name=op.f('ck_asset_valuations_book_value_non_negative')),
    sa.CheckConstraint("kind <> 'depreciation' OR book_value <= book_value_before", name=op.f('ck_asset_valuations_depreciation_lowers')),
    sa.CheckConstraint("kind <> 'revaluation' OR appraisal_ref IS NOT NULL", name=op.f('ck_asset_valuations_revaluation_appraised')),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.assets.id'], name=op.f('fk_asset_valuations_asset_id_assets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_asset_valuations')),
    sa.UniqueConstraint('asset_id', 'valued_on', name=op.f('uq_asset_valuations_asset_id_valued_on')),
    schema='assets'
    )
    op.create_table('use_checks',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('asset_id', sa.Uuid(), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=False),
    sa.Column('use_status', USE_STATUS, nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.assets.id'], name=op.f('fk_use_checks_asset_id_assets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_use_checks')),
    schema='assets'
    )
    op.create_index(op.f('ix_use_checks_asset_id_checked_on'), 'use_checks', ['asset_id', 'checked_on'], unique=False, schema='assets')
    op.execute(WITHIN_REVENUE)
    op.execute(WITHIN_REVENUE_TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER distribution_within_revenue ON assets.revenue_distributions")
    op.execute("DROP FUNCTION assets.check_distribution_within_revenue()")
    op.drop_index(op.f('ix_use_checks_asset_id_checked_on'), table_name='use_checks', schema='assets')
    op.drop_table('use_checks', schema='assets')
    op.drop_table('asset_valuations', schema='assets')
    op.drop_table('distribution_reversals', schema='assets')
    op.drop_constraint(op.f('ck_revenue_distributions_revenue_year_range'), 'revenue_distributions', schema='assets', type_='check')
    op.drop_column('revenue_distributions', 'revenue_year', schema='assets')
    op.drop_constraint(op.f('uq_assets_village_code_legacy_ref'), 'assets', schema='assets', type_='unique')
    for name in ASSET_CHECKS:
        op.drop_constraint(op.f(f'ck_assets_{name}'), 'assets', schema='assets', type_='check')
    for column in ('use_status_since', 'use_status', 'legacy_project_name', 'legacy_ref', 'origin'):
        op.drop_column('assets', column, schema='assets')
    for enum in (VALUATION, USE_STATUS, ORIGIN):
        enum.drop(op.get_bind())
    # 'not_in_use' stays in assets.idle_rule: PostgreSQL cannot drop an enum value.
