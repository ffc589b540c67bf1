"""monitoring households and members: a reference projection for micro-credit

Revision ID: a6183f3fcb05
Revises: 1659b27e6584
Create Date: 2026-11-30 11:51:58.661027
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'a6183f3fcb05'
down_revision: str | None = '1659b27e6584'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Empty at first: funds' new consumer of monitoring's stream starts from its first event and
    # fills them (or `xianjie projections rebuild funds households`). No foreign keys from loans:
    # a rebuild empties these tables while the loans naming their rows stay.
    op.create_table('projected_households',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('lifted_out', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('subtype', sa.String(length=40), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projected_households')),
    schema='funds'
    )
    op.create_index(op.f('ix_projected_households_town_code_village_code'), 'projected_households', ['town_code', 'village_code'], unique=False, schema='funds')
    op.create_table('projected_members',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('labour', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projected_members')),
    schema='funds'
    )
    op.create_index(op.f('ix_projected_members_household_id'), 'projected_members', ['household_id'], unique=False, schema='funds')


def downgrade() -> None:
    op.drop_index(op.f('ix_projected_members_household_id'), table_name='projected_members', schema='funds')
    op.drop_table('projected_members', schema='funds')
    op.drop_index(op.f('ix_projected_households_town_code_village_code'), table_name='projected_households', schema='funds')
    op.drop_table('projected_households', schema='funds')
