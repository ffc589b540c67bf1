"""Workers' verifications in a table of their own (issue 16, ADR 0016): ``verified_on`` moves from
``workers`` to ``worker_verifications`` (one row a worker, made by a trigger with the worker). A
month's file confirming 46k unchanged workers wrote 46k new worker tuples (``verified_on`` and
``updated_at`` are indexed, so none of them HOT) and bumped their version; it now writes 46k narrow
tuples, and a confirmation leaves the worker's version (ETag) and ``updated_at`` (delta sync) alone.

Revision ID: 5c0d18o0e0e1
Revises: 5c0d17o0e0e1
Create Date: 2026-12-01 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5c0d18o0e0e1"
down_revision: str | None = "5c0d17o0e0e1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every worker has its row from its first moment, however it was inserted (the service, a restore,
# a bench): registering is a confirmation. One statement-level trigger: a bulk insert is one INSERT.
VERIFIED_AT_REGISTRATION = """
CREATE FUNCTION employment.verified_at_registration() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO employment.worker_verifications (worker_id, verified_on)
    SELECT id, current_date FROM new_rows;
    RETURN NULL;
END $$
"""
TRIGGER = (
    "CREATE TRIGGER workers_verified_at_registration AFTER INSERT ON employment.workers"
    " REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT"
    " EXECUTE FUNCTION employment.verified_at_registration()"
)


def upgrade() -> None:
    op.create_table(
        "worker_verifications",
        sa.Column("worker_id", sa.Uuid(), nullable=False),
        sa.Column("verified_on", sa.Date(), server_default=sa.text("CURRENT_DATE"), nullable=False),
        sa.ForeignKeyConstraint(
            ["worker_id"],
            ["employment.workers.id"],
            name=op.f("fk_worker_verifications_worker_id_workers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("worker_id", name=op.f("pk_worker_verifications")),
        schema="employment",
    )
    op.execute(
        "INSERT INTO employment.worker_verifications (worker_id, verified_on)"
        " SELECT id, verified_on FROM employment.workers"
    )
    op.create_index(
        op.f("ix_worker_verifications_verified_on"),
        "worker_verifications",
        ["verified_on"],
        unique=False,
        schema="employment",
    )
    op.execute(VERIFIED_AT_REGISTRATION)
    op.execute(TRIGGER)
    op.drop_index(op.f("ix_workers_town_code_verified_on"), table_name="workers", schema="employment")
    op.drop_column("workers", "verified_on", schema="employment")


def downgrade() -> None:
    op.add_column(
        "workers",
        sa.Column("verified_on", sa.Date(), server_default=sa.text("CURRENT_DATE"), nullable=False),
        schema="employment",
    )
    op.execute(
        "UPDATE employment.workers w SET verified_on = v.verified_on"
        " FROM employment.worker_verifications v WHERE v.worker_id = w.id"
    )
    op.create_index(
        op.f("ix_workers_town_code_verified_on"),
        "workers",
        ["town_code", "verified_on"],
        unique=False,
        schema="employment",
    )
    op.execute("DROP TRIGGER workers_verified_at_registration ON employment.workers")
    op.execute("DROP FUNCTION employment.verified_at_registration()")
    op.drop_table("worker_verifications", schema="employment")
