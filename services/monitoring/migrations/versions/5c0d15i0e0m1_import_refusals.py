"""The refused rows of ledger imports, kept a few days for download as XLSX (issue 15).

Revision ID: 5c0d15i0e0m1
Revises: 5c0d13n0e0a1
Create Date: 2026-11-30 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql


revision: str = "5c0d15i0e0m1"
down_revision: str | None = "5c0d13n0e0a1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_refusals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("actor_role", sa.String(length=40), nullable=False),
        sa.Column("division_code", sa.String(length=12), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("header", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("rows", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_refusals")),
        schema="monitoring",
    )
    op.create_index(
        "ix_import_refusals_created_at", "import_refusals", ["created_at"], unique=False, schema="monitoring"
    )


def downgrade() -> None:
    op.drop_index("ix_import_refusals_created_at", table_name="import_refusals", schema="monitoring")
    op.drop_table("import_refusals", schema="monitoring")
