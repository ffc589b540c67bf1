"""cancelled households may not borrow

``projected_households.cancelled_on``: monitoring's ``household.changed`` now carries the day a
household was cancelled (注销: died out, moved away, merged into another); no new loan names it.
Nothing was cancelled before monitoring recorded cancellations, so existing rows stay NULL.

Revision ID: 5c0d11a0e0c3
Revises: a6183f3fcb05
Create Date: 2026-11-30 14:25:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5c0d11a0e0c3"
down_revision: str | None = "a6183f3fcb05"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("projected_households", sa.Column("cancelled_on", sa.Date(), nullable=True), schema="funds")


def downgrade() -> None:
    op.drop_column("projected_households", "cancelled_on", schema="funds")
