"""spells floor subsidies posts job support

Spells become their own table (existing workers' jobs are carried over); a statement-level
trigger keeps the employed-count change points in the same transaction as each spell change.

Revision ID: a1be1d558f44
Revises: 0819af2ffac6
Create Date: 2026-11-28 12:42:01.398640
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = 'a1be1d558f44'
down_revision: str | None = '0819af2ffac6'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The type exists since the first revision.
WORK_PLACE = postgresql.ENUM(name='work_place', schema='employment', create_type=False)

# Every change of main spells moves the count: +1 on the first day, -1 the day after the last.
COUNT_FUNCTION = """
CREATE FUNCTION employment.count_spell_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO employment.employment_changes AS c (day, town_code, place, delta)
        SELECT day, town_code, place, -sum(delta) FROM (
            SELECT started_on AS day, town_code, place, 1 AS delta FROM old_spells WHERE is_main
            UNION ALL
            SELECT ended_on + 1, town_code, place, -1 FROM old_spells WHERE is_main AND ended_on IS NOT NULL
        ) moves GROUP BY day, town_code, place ORDER BY day, town_code, place
        ON CONFLICT (day, town_code, place) DO UPDATE SET delta = c.delta + excluded.delta;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO employment.employment_changes AS c (day, town_code, place, delta)
        SELECT day, town_code, place, sum(delta) FROM (
            SELECT started_on AS day, town_code, place, 1 AS delta FROM new_spells WHERE is_main
            UNION ALL
            SELECT ended_on + 1, town_code, place, -1 FROM new_spells WHERE is_main AND ended_on IS NOT NULL
        ) moves GROUP BY day, town_code, place ORDER BY day, town_code, place
        ON CONFLICT (day, town_code, place) DO UPDATE SET delta = c.delta + excluded.delta;
    END IF;
    RETURN NULL;
END $$
"""
# Transition tables allow one event per trigger, hence three triggers on one function.
COUNT_TRIGGERS = [
    f"CREATE TRIGGER spells_counted_{event.lower()} AFTER {event} ON employment.spells REFERENCING {tables}"
    " FOR EACH STATEMENT EXECUTE FUNCTION employment.count_spell_changes()"
    for event, tables in (
        ("INSERT", "NEW TABLE AS new_spells"),
        ("UPDATE", "OLD TABLE AS old_spells NEW TABLE AS new_spells"),
        ("DELETE", "OLD TABLE AS old_spells"),
    )
]


def upgrade() -> None:
    # Exclusion constraints on (uuid =, daterange &&) need GiST support for equality.
    op.execute('CREATE EXTENSION IF NOT EXISTS btree_gist')
    op.create_table('employment_changes',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('place', WORK_PLACE, nullable=False),
    sa.Column('delta', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', 'town_code', 'place', name=op.f('pk_employment_changes')),
    schema='employment'
    )
    op.create_table('floor_status',
    sa.Column('id', sa.SmallInteger(), nullable=False),
    sa.Column('state', sa.Enum('ok', 'warning', 'breached', name='floor_state', schema='employment'), nullable=False),
    sa.Column('employed', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_floor_status_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_floor_status')),
    schema='employment'
    )
    op.create_table('job_support',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('subtype', sa.String(length=60), nullable=False),
    sa.Column('risk_causes', sa.ARRAY(sa.String(length=60)), nullable=False),
    sa.Column('included_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_support')),
    sa.UniqueConstraint('member_id', name=op.f('uq_job_support_member_id')),
    schema='employment'
    )
    op.create_index(op.f('ix_job_support_household_id'), 'job_support', ['household_id'], unique=False, schema='employment')
    op.create_index(op.f('ix_job_support_town_code_village_code'), 'job_support', ['town_code', 'village_code'], unique=False, schema='employment')
    op.create_index(op.f('ix_job_support_updated_at_id'), 'job_support', ['updated_at', 'id'], unique=False, schema='employment')
    op.create_table('posts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('monthly_allowance', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('left(village_code, 9) = town_code', name=op.f('ck_posts_village_in_town')),
    sa.CheckConstraint('monthly_allowance >= 0', name=op.f('ck_posts_allowance_non_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posts')),
    schema='employment'
    )
    op.create_index(op.f('ix_posts_updated_at_id'), 'posts', ['updated_at', 'id'], unique=False, schema='employment')
    op.create_table('post_holdings',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('post_id', sa.Uuid(), nullable=False),
    sa.Column('worker_id', sa.Uuid(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('ended_on IS NULL OR ended_on >= started_on', name=op.f('ck_post_holdings_ended_after_started')),
    sa.ForeignKeyConstraint(['post_id'], ['employment.posts.id'], name=op.f('fk_post_holdings_post_id_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['worker_id'], ['employment.workers.id'], name=op.f('fk_post_holdings_worker_id_workers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_holdings')),
    schema='employment'
    )
    op.create_index(op.f('ix_post_holdings_town_code_started_on'), 'post_holdings', ['town_code', 'started_on'], unique=False, schema='employment')
    op.create_index('uq_post_holdings_open_post', 'post_holdings', ['post_id'], unique=True, schema='employment', postgresql_where=sa.text('ended_on IS NULL'))
    op.create_index('uq_post_holdings_open_worker', 'post_holdings', ['worker_id'], unique=True, schema='employment', postgresql_where=sa.text('ended_on IS NULL'))
    op.create_table('spells',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('worker_id', sa.Uuid(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('is_main', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('employer', sa.String(length=200), nullable=False),
    sa.Column('place', WORK_PLACE, nullable=False),
    sa.Column('sector', sa.String(length=100), nullable=True),
    sa.Column('channel', sa.Enum('self_found', 'organised', 'assistance_workshop', 'public_welfare_post', 'self_employed', 'other', name='channel', schema='employment'), nullable=True),
    sa.Column('monthly_wage', sa.Numeric(precision=16, scale=2), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    postgresql.ExcludeConstraint((sa.column('worker_id'), '='), (sa.text("daterange(started_on, ended_on, '[]')"), '&&'), where=sa.text('is_main'), using='gist', name='no_overlapping_main_spells'),
    sa.CheckConstraint('ended_on IS NULL OR ended_on >= started_on', name=op.f('ck_spells_ended_after_started')),
    sa.CheckConstraint('monthly_wage >= 0', name=op.f('ck_spells_monthly_wage_non_negative')),
    sa.ForeignKeyConstraint(['worker_id'], ['employment.workers.id'], name=op.f('fk_spells_worker_id_workers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spells')),
    schema='employment'
    )
    op.create_index(op.f('ix_spells_worker_id_started_on'), 'spells', ['worker_id', 'started_on'], unique=False, schema='employment')
    op.create_index('uq_spells_one_open_main', 'spells', ['worker_id'], unique=True, schema='employment', postgresql_where=sa.text('is_main AND ended_on IS NULL'))
    op.create_table('subsidies',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('worker_id', sa.Uuid(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.Enum('transport', 'training', 'social_security', name='subsidy_kind', schema='employment'), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('granted_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    postgresql.ExcludeConstraint((sa.column('worker_id'), '='), (sa.column('kind'), '='), (sa.text("daterange(period_start, period_end, '[]')"), '&&'), using='gist', name='no_double_subsidy'),
    sa.CheckConstraint('amount > 0', name=op.f('ck_subsidies_amount_positive')),
    sa.CheckConstraint('period_end >= period_start', name=op.f('ck_subsidies_period_ordered')),
    sa.ForeignKeyConstraint(['worker_id'], ['employment.workers.id'], name=op.f('fk_subsidies_worker_id_workers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subsidies')),
    schema='employment'
    )
    op.create_index(op.f('ix_subsidies_town_code_granted_on'), 'subsidies', ['town_code', 'granted_on'], unique=False, schema='employment')
    op.create_index(op.f('ix_subsidies_updated_at_id'), 'subsidies', ['updated_at', 'id'], unique=False, schema='employment')
    op.create_table('trainings',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('worker_id', sa.Uuid(), nullable=False),
    sa.Column('program', sa.Enum('yulu_plus', 'touyan', 'high_quality_farmer', 'skills', name='training_program', schema='employment'), nullable=False),
    sa.Column('course', sa.String(length=200), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('certificate', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('completed_on IS NULL OR completed_on >= started_on', name=op.f('ck_trainings_completed_after_started')),
    sa.ForeignKeyConstraint(['worker_id'], ['employment.workers.id'], name=op.f('fk_trainings_worker_id_workers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trainings')),
    sa.UniqueConstraint('worker_id', 'program', 'course', 'started_on', name=op.f('uq_trainings_worker_id_program_course_started_on')),
    schema='employment'
    )
    op.add_column('workers', sa.Column('skills', sa.ARRAY(sa.String(length=100)), server_default=sa.text("'{}'"), nullable=False), schema='employment')
    op.add_column('workers', sa.Column('verified_on', sa.Date(), server_default=sa.text('CURRENT_DATE'), nullable=False), schema='employment')
    op.create_index(op.f('ix_workers_town_code_verified_on'), 'workers', ['town_code', 'verified_on'], unique=False, schema='employment')
    op.execute(COUNT_FUNCTION)
    for trigger in COUNT_TRIGGERS:
        op.execute(trigger)
    op.execute("""
        INSERT INTO employment.spells (id, worker_id, town_code, employer, place, monthly_wage, started_on,
                                       ended_on, end_reason)
        SELECT gen_random_uuid(), id, town_code, coalesce(employer, '（未填写）'), place, monthly_wage,
               coalesce(employed_since, created_at::date), ended_on, end_reason
        FROM employment.workers WHERE place IS NOT NULL AND (status = 'employed' OR ended_on IS NOT NULL)
    """)


def downgrade() -> None:
    op.execute('DROP FUNCTION employment.count_spell_changes() CASCADE')
    op.drop_index(op.f('ix_workers_town_code_verified_on'), table_name='workers', schema='employment')
    op.drop_column('workers', 'verified_on', schema='employment')
    op.drop_column('workers', 'skills', schema='employment')
    op.drop_table('trainings', schema='employment')
    op.drop_index(op.f('ix_subsidies_updated_at_id'), table_name='subsidies', schema='employment')
    op.drop_index(op.f('ix_subsidies_town_code_granted_on'), table_name='subsidies', schema='employment')
    op.drop_table('subsidies', schema='employment')
    op.drop_index('uq_spells_one_open_main', table_name='spells', schema='employment', postgresql_where=sa.text('is_main AND ended_on IS NULL'))
    op.drop_index(op.f('ix_spells_worker_id_started_on'), table_name='spells', schema='employment')
    op.drop_table('spells', schema='employment')
    op.drop_index('uq_post_holdings_open_worker', table_name='post_holdings', schema='employment', postgresql_where=sa.text('ended_on IS NULL'))
    op.drop_index('uq_post_holdings_open_post', table_name='post_holdings', schema='employment', postgresql_where=sa.text('ended_on IS NULL'))
    op.drop_index(op.f('ix_post_holdings_town_code_started_on'), table_name='post_holdings', schema='employment')
    op.drop_table('post_holdings', schema='employment')
    op.drop_index(op.f('ix_posts_updated_at_id'), table_name='posts', schema='employment')
    op.drop_table('posts', schema='employment')
    op.drop_index(op.f('ix_job_support_updated_at_id'), table_name='job_support', schema='employment')
    op.drop_index(op.f('ix_job_support_town_code_village_code'), table_name='job_support', schema='employment')
    op.drop_index(op.f('ix_job_support_household_id'), table_name='job_support', schema='employment')
    op.drop_table('job_support', schema='employment')
    op.drop_table('floor_status', schema='employment')
    op.drop_table('employment_changes', schema='employment')
    for name in ('floor_state', 'channel', 'subsidy_kind', 'training_program'):
        sa.Enum(name=name, schema='employment').drop(op.get_bind(), checkfirst=True)
