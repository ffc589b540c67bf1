"""Batch rows in the outbox (issue 16, ADR 0014): a bulk announcement stores many events in one
row — their CloudEvent JSON lines in ``batch``, their ids in ``batch_ids`` — instead of a row (heap
tuple, three index entries) each; the relay still publishes each event as its own message.

Revision ID: 5c0d17o0e0e1
Revises: 5c0d15i0e0e1
Create Date: 2026-12-01 06:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "5c0d17o0e0e1"
down_revision: str | None = "5c0d15i0e0e1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("batch", sa.Text(), nullable=True), schema="employment")
    op.add_column("outbox", sa.Column("batch_ids", postgresql.ARRAY(sa.Uuid()), nullable=True), schema="employment")
    op.create_check_constraint(
        op.f("ck_outbox_batch_line_per_id"),
        "outbox",
        "(batch IS NULL) = (batch_ids IS NULL) AND (batch IS NULL OR cardinality(batch_ids) = "
        "length(batch) - length(replace(batch, E'\\n', '')) + 1)",
        schema="employment",
    )


def downgrade() -> None:
    op.drop_constraint(op.f("ck_outbox_batch_line_per_id"), "outbox", schema="employment", type_="check")
    op.drop_column("outbox", "batch_ids", schema="employment")
    op.drop_column("outbox", "batch", schema="employment")
