"""国家系统务工数据 (issue 13, track N): projected members keep the ID-number match hash
monitoring's ``member.changed`` now carries, to match the national work file by ID number
without keeping the number.

Revision ID: 5c0d13n0e0b1
Revises: 5c0d13e0e0e1
Create Date: 2026-11-30 15:45:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "5c0d13n0e0b1"
down_revision: str | None = "5c0d13e0e0e1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "projected_members",
        sa.Column("id_number_match_hash", sa.String(length=64), nullable=True),
        schema="employment",
    )
    op.create_index(
        op.f("ix_projected_members_id_number_match_hash"),
        "projected_members",
        ["id_number_match_hash"],
        unique=False,
        schema="employment",
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_projected_members_id_number_match_hash"), table_name="projected_members", schema="employment"
    )
    op.drop_column("projected_members", "id_number_match_hash", schema="employment")
