"""funds, allocations, payments, project workflow, micro-credit

Revision ID: 1659b27e6584
Revises: 341619a73245
Create Date: 2026-11-28 12:41:47.635512
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '1659b27e6584'
down_revision: str | None = '341619a73245'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


STATUSES = (
    "proposed", "in_review", "rejected", "in_library", "planned", "approved", "in_progress",
    "completed", "accepted", "handed_over",
)
ENTERED = "('in_library','planned','approved','in_progress','completed','accepted','handed_over')"
ACCEPTED = "('accepted','handed_over')"
NEW_ENUMS = ("fund_source", "borrower_kind", "announcement_kind", "indicator_kind", "asset_kind", "owner_kind")


def _swap_status_type(values: Sequence[str], using: str) -> None:
    # ALTER TYPE ... ADD VALUE cannot be used by CHECKs in the same transaction: swap the type.
    op.execute("ALTER TYPE funds.project_status RENAME TO project_status_old")
    postgresql.ENUM(*values, name="project_status", schema="funds").create(op.get_bind())
    op.execute(f"ALTER TABLE funds.projects ALTER COLUMN status TYPE funds.project_status USING {using}")
    op.execute("DROP TYPE funds.project_status_old")


def upgrade() -> None:
    _swap_status_type(STATUSES, "status::text::funds.project_status")
    op.create_table('checkpoint_assessments',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.SmallInteger(), nullable=False),
    sa.Column('month', sa.SmallInteger(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('target_ratio', sa.Numeric(precision=5, scale=4), nullable=False),
    sa.Column('allocated', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('paid', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('projects_total', sa.Integer(), nullable=False),
    sa.Column('projects_behind', sa.Integer(), nullable=False),
    sa.Column('assessed_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('month BETWEEN 1 AND 12', name=op.f('ck_checkpoint_assessments_month_range')),
    sa.CheckConstraint('paid >= 0 AND allocated >= 0', name=op.f('ck_checkpoint_assessments_totals_non_negative')),
    sa.CheckConstraint('target_ratio BETWEEN 0 AND 1', name=op.f('ck_checkpoint_assessments_target_ratio_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkpoint_assessments')),
    schema='funds'
    )
    op.create_index(op.f('ix_checkpoint_assessments_updated_at_id'), 'checkpoint_assessments', ['updated_at', 'id'], unique=False, schema='funds')
    op.create_index(op.f('ix_checkpoint_assessments_year_month'), 'checkpoint_assessments', ['year', 'month'], unique=False, schema='funds')
    op.create_table('funds',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.SmallInteger(), nullable=False),
    sa.Column('source', sa.Enum('central', 'provincial', 'district', 'central_lottery', name='fund_source', schema='funds'), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('allocated', sa.Numeric(precision=16, scale=2), server_default=sa.text('0'), nullable=False),
    sa.Column('paid', sa.Numeric(precision=16, scale=2), server_default=sa.text('0'), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('allocated >= 0 AND allocated <= amount', name=op.f('ck_funds_allocated_within_amount')),
    sa.CheckConstraint('amount > 0', name=op.f('ck_funds_amount_positive')),
    sa.CheckConstraint('paid >= 0 AND paid <= allocated', name=op.f('ck_funds_paid_within_allocated')),
    sa.CheckConstraint('year BETWEEN 2000 AND 2100', name=op.f('ck_funds_year_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funds')),
    schema='funds'
    )
    op.create_index(op.f('ix_funds_updated_at_id'), 'funds', ['updated_at', 'id'], unique=False, schema='funds')
    op.create_index(op.f('ix_funds_year_source'), 'funds', ['year', 'source'], unique=False, schema='funds')
    op.create_table('loans',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('borrower_kind', sa.Enum('lifted_out', 'monitored', name='borrower_kind', schema='funds'), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('lender', sa.String(length=100), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('term_months', sa.SmallInteger(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('repaid', sa.Numeric(precision=16, scale=2), server_default=sa.text('0'), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_loans_amount_positive')),
    sa.CheckConstraint('due_on > issued_on', name=op.f('ck_loans_due_after_issue')),
    sa.CheckConstraint('left(village_code, 9) = town_code', name=op.f('ck_loans_village_in_town')),
    sa.CheckConstraint('repaid >= 0 AND repaid <= amount', name=op.f('ck_loans_repaid_within_amount')),
    sa.CheckConstraint('term_months > 0', name=op.f('ck_loans_term_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loans')),
    schema='funds'
    )
    op.create_index(op.f('ix_loans_household_id'), 'loans', ['household_id'], unique=False, schema='funds')
    op.create_index(op.f('ix_loans_town_code_village_code'), 'loans', ['town_code', 'village_code'], unique=False, schema='funds')
    op.create_index(op.f('ix_loans_updated_at_id'), 'loans', ['updated_at', 'id'], unique=False, schema='funds')
    op.create_table('allocations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('fund_id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('paid', sa.Numeric(precision=16, scale=2), server_default=sa.text('0'), nullable=False),
    sa.Column('industry_share_flagged', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_allocations_amount_positive')),
    sa.CheckConstraint('paid >= 0 AND paid <= amount', name=op.f('ck_allocations_paid_within_amount')),
    sa.ForeignKeyConstraint(['fund_id'], ['funds.funds.id'], name=op.f('fk_allocations_fund_id_funds')),
    sa.ForeignKeyConstraint(['project_id'], ['funds.projects.id'], name=op.f('fk_allocations_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allocations')),
    schema='funds'
    )
    op.create_index(op.f('ix_allocations_fund_id'), 'allocations', ['fund_id'], unique=False, schema='funds')
    op.create_index(op.f('ix_allocations_project_id'), 'allocations', ['project_id'], unique=False, schema='funds')
    op.create_index(op.f('ix_allocations_updated_at_id'), 'allocations', ['updated_at', 'id'], unique=False, schema='funds')
    op.create_table('announcements',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('plan', 'result', name='announcement_kind', schema='funds'), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_announcements_period_ordered')),
    sa.ForeignKeyConstraint(['project_id'], ['funds.projects.id'], name=op.f('fk_announcements_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_announcements')),
    sa.UniqueConstraint('project_id', 'kind', 'starts_on', name=op.f('uq_announcements_project_id_kind_starts_on')),
    schema='funds'
    )
    op.create_index(op.f('ix_announcements_updated_at_id'), 'announcements', ['updated_at', 'id'], unique=False, schema='funds')
    op.create_table('performance_indicators',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('output', 'benefit', 'satisfaction', name='indicator_kind', schema='funds'), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('target', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('actual', sa.Numeric(precision=16, scale=2), nullable=True),
    sa.CheckConstraint('actual IS NULL OR actual >= 0', name=op.f('ck_performance_indicators_actual_non_negative')),
    sa.CheckConstraint('target >= 0', name=op.f('ck_performance_indicators_target_non_negative')),
    sa.ForeignKeyConstraint(['project_id'], ['funds.projects.id'], name=op.f('fk_performance_indicators_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_performance_indicators')),
    sa.UniqueConstraint('project_id', 'kind', 'name', name=op.f('uq_performance_indicators_project_id_kind_name')),
    schema='funds'
    )
    op.create_table('project_assets',
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('asset_ref', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('operating', 'public_welfare', 'household', name='asset_kind', schema='funds'), nullable=False),
    sa.Column('category', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('owner_kind', sa.Enum('village_collective', 'household', 'other', name='owner_kind', schema='funds'), nullable=False),
    sa.CheckConstraint('left(village_code, 9) = town_code', name=op.f('ck_project_assets_village_in_town')),
    sa.CheckConstraint('value > 0', name=op.f('ck_project_assets_value_positive')),
    sa.ForeignKeyConstraint(['project_id'], ['funds.projects.id'], name=op.f('fk_project_assets_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'asset_ref', name=op.f('pk_project_assets')),
    schema='funds'
    )
    op.create_table('project_steps',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('from_status', postgresql.ENUM(*STATUSES, name='project_status', schema='funds', create_type=False), nullable=True),
    sa.Column('to_status', postgresql.ENUM(*STATUSES, name='project_status', schema='funds', create_type=False), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('actor_role', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('documents', postgresql.ARRAY(sa.String(length=300)), server_default='{}', nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['funds.projects.id'], name=op.f('fk_project_steps_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_steps')),
    schema='funds'
    )
    op.create_index(op.f('ix_project_steps_project_id_id'), 'project_steps', ['project_id', 'id'], unique=False, schema='funds')
    op.create_table('repayments',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('loan_id', sa.Uuid(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('repaid_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_repayments_amount_positive')),
    sa.ForeignKeyConstraint(['loan_id'], ['funds.loans.id'], name=op.f('fk_repayments_loan_id_loans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repayments')),
    schema='funds'
    )
    op.create_index(op.f('ix_repayments_loan_id'), 'repayments', ['loan_id'], unique=False, schema='funds')
    op.create_table('asset_links',
    sa.Column('asset_id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('asset_ref', sa.String(length=20), nullable=True),
    sa.Column('linked_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['project_id', 'asset_ref'], ['funds.project_assets.project_id', 'funds.project_assets.asset_ref'], name=op.f('fk_asset_links_project_id_asset_ref_project_assets')),
    sa.ForeignKeyConstraint(['project_id'], ['funds.projects.id'], name=op.f('fk_asset_links_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('asset_id', name=op.f('pk_asset_links')),
    sa.UniqueConstraint('project_id', 'asset_ref', name=op.f('uq_asset_links_project_id_asset_ref')),
    schema='funds'
    )
    op.create_table('payments',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('allocation_id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('fund_id', sa.Uuid(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('voucher', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_payments_amount_positive')),
    sa.ForeignKeyConstraint(['allocation_id'], ['funds.allocations.id'], name=op.f('fk_payments_allocation_id_allocations')),
    sa.ForeignKeyConstraint(['fund_id'], ['funds.funds.id'], name=op.f('fk_payments_fund_id_funds')),
    sa.ForeignKeyConstraint(['project_id'], ['funds.projects.id'], name=op.f('fk_payments_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments')),
    schema='funds'
    )
    op.create_index(op.f('ix_payments_fund_id_paid_on'), 'payments', ['fund_id', 'paid_on'], unique=False, schema='funds')
    op.create_index(op.f('ix_payments_project_id_paid_on'), 'payments', ['project_id', 'paid_on'], unique=False, schema='funds')
    op.create_index(op.f('ix_payments_updated_at_id'), 'payments', ['updated_at', 'id'], unique=False, schema='funds')
    op.add_column('projects', sa.Column('elevated_review_on', sa.Date(), nullable=True), schema='funds')
    op.add_column('projects', sa.Column('elevated_review_document', sa.String(length=300), nullable=True), schema='funds')
    op.add_column('projects', sa.Column('allocated', sa.Numeric(precision=16, scale=2), server_default=sa.text('0'), nullable=False), schema='funds')
    op.add_column('projects', sa.Column('paid', sa.Numeric(precision=16, scale=2), server_default=sa.text('0'), nullable=False), schema='funds')
    op.add_column('projects', sa.Column('evaluated_on', sa.Date(), nullable=True), schema='funds')
    op.add_column('projects', sa.Column('evaluation_conclusion', sa.Text(), nullable=True), schema='funds')
    op.add_column('projects', sa.Column('accepted_on', sa.Date(), nullable=True), schema='funds')
    checks = {
        "allocated_within_plan": "allocated >= 0 AND allocated <= planned_amount",
        "paid_within_allocated": "paid >= 0 AND paid <= allocated",
        "elevated_review_before_entry": (
            f"NOT requires_elevated_review OR status NOT IN {ENTERED} OR elevated_review_on IS NOT NULL"
        ),
        "evaluated_before_acceptance": (
            f"status NOT IN {ACCEPTED} OR (evaluated_on IS NOT NULL AND accepted_on IS NOT NULL)"
        ),
    }
    for name, condition in checks.items():
        op.create_check_constraint(op.f(f"ck_projects_{name}"), "projects", condition, schema="funds")


def downgrade() -> None:
    for name in ("evaluated_before_acceptance", "elevated_review_before_entry", "paid_within_allocated",
                 "allocated_within_plan"):
        op.drop_constraint(op.f(f"ck_projects_{name}"), "projects", type_="check", schema="funds")
    op.drop_column('projects', 'accepted_on', schema='funds')
    op.drop_column('projects', 'evaluation_conclusion', schema='funds')
    op.drop_column('projects', 'evaluated_on', schema='funds')
    op.drop_column('projects', 'paid', schema='funds')
    op.drop_column('projects', 'allocated', schema='funds')
    op.drop_column('projects', 'elevated_review_document', schema='funds')
    op.drop_column('projects', 'elevated_review_on', schema='funds')
    op.drop_index(op.f('ix_payments_updated_at_id'), table_name='payments', schema='funds')
    op.drop_index(op.f('ix_payments_project_id_paid_on'), table_name='payments', schema='funds')
    op.drop_index(op.f('ix_payments_fund_id_paid_on'), table_name='payments', schema='funds')
    op.drop_table('payments', schema='funds')
    op.drop_table('asset_links', schema='funds')
    op.drop_index(op.f('ix_repayments_loan_id'), table_name='repayments', schema='funds')
    op.drop_table('repayments', schema='funds')
    op.drop_index(op.f('ix_project_steps_project_id_id'), table_name='project_steps', schema='funds')
    op.drop_table('project_steps', schema='funds')
    op.drop_table('project_assets', schema='funds')
    op.drop_table('performance_indicators', schema='funds')
    op.drop_index(op.f('ix_announcements_updated_at_id'), table_name='announcements', schema='funds')
    op.drop_table('announcements', schema='funds')
    op.drop_index(op.f('ix_allocations_updated_at_id'), table_name='allocations', schema='funds')
    op.drop_index(op.f('ix_allocations_project_id'), table_name='allocations', schema='funds')
    op.drop_index(op.f('ix_allocations_fund_id'), table_name='allocations', schema='funds')
    op.drop_table('allocations', schema='funds')
    op.drop_index(op.f('ix_loans_updated_at_id'), table_name='loans', schema='funds')
    op.drop_index(op.f('ix_loans_town_code_village_code'), table_name='loans', schema='funds')
    op.drop_index(op.f('ix_loans_household_id'), table_name='loans', schema='funds')
    op.drop_table('loans', schema='funds')
    op.drop_index(op.f('ix_funds_year_source'), table_name='funds', schema='funds')
    op.drop_index(op.f('ix_funds_updated_at_id'), table_name='funds', schema='funds')
    op.drop_table('funds', schema='funds')
    op.drop_index(op.f('ix_checkpoint_assessments_year_month'), table_name='checkpoint_assessments', schema='funds')
    op.drop_index(op.f('ix_checkpoint_assessments_updated_at_id'), table_name='checkpoint_assessments', schema='funds')
    op.drop_table('checkpoint_assessments', schema='funds')
    for name in NEW_ENUMS:
        sa.Enum(name=name, schema='funds').drop(op.get_bind(), checkfirst=True)
    # Lossy by nature: the first revision knew only proposals.
    _swap_status_type(("proposed",), "'proposed'::funds.project_status")
