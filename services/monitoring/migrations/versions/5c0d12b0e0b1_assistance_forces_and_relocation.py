"""assistance forces and relocation follow-up

Revision ID: 5c0d12b0e0b1
Revises: 5c0d11a0e0a1
Create Date: 2026-11-30 14:18:31.143038

Issue 12, seed §三(九) 帮扶力量 and §三(七) 易地搬迁后续扶持 (track H):
- ``force_villages``: the 脱贫村 flag per village (the division files have codes and names only);
- ``support_assignments`` (包抓/包扶/帮建), ``work_teams`` and ``work_team_members`` (驻村工作队,
  第一书记, rotation kept as history) with terms; exclusion constraints keep one of each per village
  (and one first secretary per team) on any day — hence ``btree_gist``;
- ``cadre_trainings``, ``social_forces``, ``consumption_purchases`` (amounts NUMERIC(16,2));
- ``coverage_gaps``: gaps already announced (once per gap);
- ``resettlement_sites``, ``household_relocations`` (one per household), ``relocation_measures``;
- ``visits.work_team_id``: a 昼访夜谈 visit names its team. Existing visits have none.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '5c0d12b0e0b1'
down_revision: str | None = "5c0d11a0e0a1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Exclusion constraints compare codes and enums with "=" beside date ranges.
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    op.create_table('consumption_purchases',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('purchasing_unit', sa.String(length=100), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('product', sa.String(length=100), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('purchased_on', sa.Date(), nullable=False),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_consumption_purchases_amount_positive')),
    sa.CheckConstraint('left(village_code, 9) = town_code', name=op.f('ck_consumption_purchases_village_in_town')),
    sa.CheckConstraint('length(purchasing_unit) > 0', name=op.f('ck_consumption_purchases_unit_named')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consumption_purchases')),
    schema='monitoring'
    )
    op.create_index(op.f('ix_consumption_purchases_purchasing_unit_purchased_on'), 'consumption_purchases', ['purchasing_unit', 'purchased_on'], unique=False, schema='monitoring')
    op.create_index(op.f('ix_consumption_purchases_updated_at_id'), 'consumption_purchases', ['updated_at', 'id'], unique=False, schema='monitoring')
    op.create_table('coverage_gaps',
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('requirement', sa.String(length=20), nullable=False),
    sa.Column('gap_from', sa.Date(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('found_on', sa.Date(), nullable=False),
    sa.CheckConstraint("requirement IN ('leader', 'department', 'work_team')", name=op.f('ck_coverage_gaps_requirement_known')),
    sa.PrimaryKeyConstraint('village_code', 'requirement', 'gap_from', name=op.f('pk_coverage_gaps')),
    schema='monitoring'
    )
    op.create_table('force_villages',
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('lifted_out_village', sa.Boolean(), nullable=False),
    sa.Column('since', sa.Date(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('left(village_code, 9) = town_code', name=op.f('ck_force_villages_village_in_town')),
    sa.PrimaryKeyConstraint('village_code', name=op.f('pk_force_villages')),
    schema='monitoring'
    )
    op.create_index(op.f('ix_force_villages_updated_at_village_code'), 'force_villages', ['updated_at', 'village_code'], unique=False, schema='monitoring')
    op.create_table('resettlement_sites',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('planned_households', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('left(village_code, 9) = town_code', name=op.f('ck_resettlement_sites_village_in_town')),
    sa.CheckConstraint('planned_households >= 0', name=op.f('ck_resettlement_sites_planned_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resettlement_sites')),
    sa.UniqueConstraint('village_code', 'name', name='uq_resettlement_sites_name_in_village'),
    schema='monitoring'
    )
    op.create_index(op.f('ix_resettlement_sites_updated_at_id'), 'resettlement_sites', ['updated_at', 'id'], unique=False, schema='monitoring')
    op.create_table('social_forces',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('enterprise', 'social_organisation', 'tech_commissioner', 'industry_adviser', name='social_force_kind', schema='monitoring'), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('user_id', sa.String(length=100), nullable=True),
    sa.Column('contribution', sa.Text(), server_default='', nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('left(village_code, 9) = town_code', name=op.f('ck_social_forces_village_in_town')),
    sa.CheckConstraint('length(name) > 0', name=op.f('ck_social_forces_name_given')),
    sa.CheckConstraint('valid_to IS NULL OR valid_to >= valid_from', name=op.f('ck_social_forces_term_in_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_social_forces')),
    schema='monitoring'
    )
    op.create_index(op.f('ix_social_forces_updated_at_id'), 'social_forces', ['updated_at', 'id'], unique=False, schema='monitoring')
    op.create_table('support_assignments',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('leader', 'department', 'enterprise', name='support_kind', schema='monitoring'), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('responsible', sa.String(length=100), nullable=False),
    sa.Column('user_id', sa.String(length=100), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    postgresql.ExcludeConstraint((sa.column('village_code'), '='), (sa.column('kind'), '='), (sa.text("daterange(valid_from, valid_to, '[]')"), '&&'), using='gist', name='one_of_each_kind_at_a_time'),
    sa.CheckConstraint('left(village_code, 9) = town_code', name=op.f('ck_support_assignments_village_in_town')),
    sa.CheckConstraint('length(responsible) > 0', name=op.f('ck_support_assignments_responsible_named')),
    sa.CheckConstraint('valid_to IS NULL OR valid_to >= valid_from', name=op.f('ck_support_assignments_term_in_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_assignments')),
    schema='monitoring'
    )
    op.create_index(op.f('ix_support_assignments_updated_at_id'), 'support_assignments', ['updated_at', 'id'], unique=False, schema='monitoring')
    op.create_table('work_teams',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('sending_unit', sa.String(length=100), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('predecessor_id', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    postgresql.ExcludeConstraint((sa.column('village_code'), '='), (sa.text("daterange(valid_from, valid_to, '[]')"), '&&'), using='gist', name='one_team_at_a_time'),
    sa.CheckConstraint('left(village_code, 9) = town_code', name=op.f('ck_work_teams_village_in_town')),
    sa.CheckConstraint('length(sending_unit) > 0', name=op.f('ck_work_teams_sending_unit_named')),
    sa.CheckConstraint('valid_to IS NULL OR valid_to >= valid_from', name=op.f('ck_work_teams_term_in_order')),
    sa.ForeignKeyConstraint(['predecessor_id'], ['monitoring.work_teams.id'], name=op.f('fk_work_teams_predecessor_id_work_teams'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_teams')),
    sa.UniqueConstraint('predecessor_id', name='uq_work_teams_one_successor'),
    schema='monitoring'
    )
    op.create_index(op.f('ix_work_teams_updated_at_id'), 'work_teams', ['updated_at', 'id'], unique=False, schema='monitoring')
    op.create_table('household_relocations',
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('moved_on', sa.Date(), nullable=False),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['monitoring.households.id'], name=op.f('fk_household_relocations_household_id_households'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['site_id'], ['monitoring.resettlement_sites.id'], name=op.f('fk_household_relocations_site_id_resettlement_sites'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('household_id', name=op.f('pk_household_relocations')),
    schema='monitoring'
    )
    op.create_index(op.f('ix_household_relocations_site_id'), 'household_relocations', ['site_id'], unique=False, schema='monitoring')
    op.create_table('relocation_measures',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('employment', 'industry', 'community', name='relocation_measure_kind', schema='monitoring'), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('household_ids', postgresql.ARRAY(sa.Uuid()), server_default=sa.text("'{}'"), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('ends_on IS NULL OR ends_on >= starts_on', name=op.f('ck_relocation_measures_term_in_order')),
    sa.CheckConstraint('length(title) > 0', name=op.f('ck_relocation_measures_title_given')),
    sa.ForeignKeyConstraint(['site_id'], ['monitoring.resettlement_sites.id'], name=op.f('fk_relocation_measures_site_id_resettlement_sites'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relocation_measures')),
    schema='monitoring'
    )
    op.create_index(op.f('ix_relocation_measures_site_id'), 'relocation_measures', ['site_id'], unique=False, schema='monitoring')
    op.create_index(op.f('ix_relocation_measures_updated_at_id'), 'relocation_measures', ['updated_at', 'id'], unique=False, schema='monitoring')
    op.create_table('work_team_members',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('team_id', sa.Uuid(), nullable=False),
    sa.Column('role', sa.Enum('first_secretary', 'member', name='team_role', schema='monitoring'), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('user_id', sa.String(length=100), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    postgresql.ExcludeConstraint((sa.column('team_id'), '='), (sa.text("daterange(valid_from, valid_to, '[]')"), '&&'), where=sa.text("role = 'first_secretary'"), using='gist', name='one_first_secretary_at_a_time'),
    sa.CheckConstraint('length(name) > 0', name=op.f('ck_work_team_members_name_given')),
    sa.CheckConstraint('valid_to IS NULL OR valid_to >= valid_from', name=op.f('ck_work_team_members_term_in_order')),
    sa.ForeignKeyConstraint(['team_id'], ['monitoring.work_teams.id'], name=op.f('fk_work_team_members_team_id_work_teams'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_team_members')),
    sa.UniqueConstraint('id', 'team_id', name='uq_work_team_members_id_team_id'),
    schema='monitoring'
    )
    op.create_index(op.f('ix_work_team_members_team_id'), 'work_team_members', ['team_id'], unique=False, schema='monitoring')
    op.create_index(op.f('ix_work_team_members_user_id'), 'work_team_members', ['user_id'], unique=False, schema='monitoring')
    op.create_table('cadre_trainings',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('team_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('organiser', sa.String(length=100), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('hours', sa.Numeric(precision=5, scale=1), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('hours > 0', name=op.f('ck_cadre_trainings_hours_positive')),
    sa.CheckConstraint('length(topic) > 0', name=op.f('ck_cadre_trainings_topic_given')),
    sa.ForeignKeyConstraint(['member_id', 'team_id'], ['monitoring.work_team_members.id', 'monitoring.work_team_members.team_id'], name='fk_cadre_trainings_member_of_team', ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cadre_trainings')),
    schema='monitoring'
    )
    op.create_index(op.f('ix_cadre_trainings_updated_at_id'), 'cadre_trainings', ['updated_at', 'id'], unique=False, schema='monitoring')
    op.add_column('visits', sa.Column('work_team_id', sa.Uuid(), nullable=True), schema='monitoring')
    op.create_foreign_key(op.f('fk_visits_work_team_id_work_teams'), 'visits', 'work_teams', ['work_team_id'], ['id'], source_schema='monitoring', referent_schema='monitoring', ondelete='RESTRICT')


def downgrade() -> None:
    op.drop_constraint(op.f('fk_visits_work_team_id_work_teams'), 'visits', schema='monitoring', type_='foreignkey')
    op.drop_column('visits', 'work_team_id', schema='monitoring')
    op.drop_index(op.f('ix_cadre_trainings_updated_at_id'), table_name='cadre_trainings', schema='monitoring')
    op.drop_table('cadre_trainings', schema='monitoring')
    op.drop_index(op.f('ix_work_team_members_user_id'), table_name='work_team_members', schema='monitoring')
    op.drop_index(op.f('ix_work_team_members_team_id'), table_name='work_team_members', schema='monitoring')
    op.drop_table('work_team_members', schema='monitoring')
    op.drop_index(op.f('ix_relocation_measures_updated_at_id'), table_name='relocation_measures', schema='monitoring')
    op.drop_index(op.f('ix_relocation_measures_site_id'), table_name='relocation_measures', schema='monitoring')
    op.drop_table('relocation_measures', schema='monitoring')
    op.drop_index(op.f('ix_household_relocations_site_id'), table_name='household_relocations', schema='monitoring')
    op.drop_table('household_relocations', schema='monitoring')
    op.drop_index(op.f('ix_work_teams_updated_at_id'), table_name='work_teams', schema='monitoring')
    op.drop_table('work_teams', schema='monitoring')
    op.drop_index(op.f('ix_support_assignments_updated_at_id'), table_name='support_assignments', schema='monitoring')
    op.drop_table('support_assignments', schema='monitoring')
    op.drop_index(op.f('ix_social_forces_updated_at_id'), table_name='social_forces', schema='monitoring')
    op.drop_table('social_forces', schema='monitoring')
    op.drop_index(op.f('ix_resettlement_sites_updated_at_id'), table_name='resettlement_sites', schema='monitoring')
    op.drop_table('resettlement_sites', schema='monitoring')
    op.drop_index(op.f('ix_force_villages_updated_at_village_code'), table_name='force_villages', schema='monitoring')
    op.drop_table('force_villages', schema='monitoring')
    op.drop_table('coverage_gaps', schema='monitoring')
    op.drop_index(op.f('ix_consumption_purchases_updated_at_id'), table_name='consumption_purchases', schema='monitoring')
    op.drop_index(op.f('ix_consumption_purchases_purchasing_unit_purchased_on'), table_name='consumption_purchases', schema='monitoring')
    op.drop_table('consumption_purchases', schema='monitoring')
    for name in ("social_force_kind", "support_kind", "relocation_measure_kind", "team_role"):
        op.execute(f"DROP TYPE monitoring.{name}")
