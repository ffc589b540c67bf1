"""source_projects becomes a rebuildable reference projection

Revision ID: 292b6adf799f
Revises: fed923ea9f78
Create Date: 2026-11-30 12:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '292b6adf799f'
down_revision: str | None = 'fed923ea9f78'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A rebuild empties the projection while assets keep naming its rows: no foreign key on them.
    op.drop_constraint(
        op.f('fk_assets_source_project_id_source_projects'), 'assets', schema='assets', type_='foreignkey'
    )
    # The row orders announcements by funds' event time (a rebuild gives the same value); the time
    # we happened to receive it differed on every rebuild. Rows kept so far: their receipt time is
    # the best we know of when funds announced them.
    op.add_column(
        'source_projects', sa.Column('announced_at', sa.DateTime(timezone=True), nullable=True), schema='assets'
    )
    op.execute("UPDATE assets.source_projects SET announced_at = received_at")
    op.alter_column('source_projects', 'announced_at', nullable=False, schema='assets')
    op.drop_column('source_projects', 'received_at', schema='assets')


def downgrade() -> None:
    op.add_column(
        'source_projects',
        sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        schema='assets',
    )
    op.execute("UPDATE assets.source_projects SET received_at = announced_at")
    op.drop_column('source_projects', 'announced_at', schema='assets')
    # Fails while an asset names a project the projection does not hold (e.g. mid-rebuild): rebuild
    # it first (xianjie projections rebuild assets) rather than lose the asset's link here.
    op.create_foreign_key(
        op.f('fk_assets_source_project_id_source_projects'), 'assets', 'source_projects',
        ['source_project_id'], ['project_id'], source_schema='assets', referent_schema='assets', ondelete='RESTRICT',
    )
