"""A village's household list page walks its own (village_code, updated_at, id) index (issue 16):
`(town_code, village_code)` is not in list order, so a village filter read and sorted all of the
village's households for every page (24–76 ms at 1M households, bench/BULK.md "Lists at 1M").

Revision ID: 5c0d16s0e0m1
Revises: 5c0d15r0e0m1
Create Date: 2026-11-30 21:10:00
"""

from collections.abc import Sequence

from alembic import op


revision: str = "5c0d16s0e0m1"
down_revision: str | None = "5c0d15r0e0m1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_households_village_code_updated_at_id"),
        "households",
        ["village_code", "updated_at", "id"],
        unique=False,
        schema="monitoring",
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_households_village_code_updated_at_id"), table_name="households", schema="monitoring"
    )
