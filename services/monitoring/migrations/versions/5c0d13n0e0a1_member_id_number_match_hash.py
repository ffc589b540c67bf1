"""国家系统务工数据 (issue 13, track N): members keep the suite-wide ID-number match hash that
``member.changed`` carries (employment matches the national work file on it). Rows registered
before stay NULL until ``xianjie monitoring backfill-match-hashes`` fills them (a migration has no
key to decrypt with).

Revision ID: 5c0d13n0e0a1
Revises: 5c0d12a0e0a1
Create Date: 2026-11-30 15:45:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "5c0d13n0e0a1"
down_revision: str | None = "5c0d12a0e0a1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "members", sa.Column("id_number_match_hash", sa.String(length=64), nullable=True), schema="monitoring"
    )


def downgrade() -> None:
    op.drop_column("members", "id_number_match_hash", schema="monitoring")
