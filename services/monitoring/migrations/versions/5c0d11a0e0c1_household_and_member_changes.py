"""household and member changes: death, moving, birth, marriage, split, merge, cancellation (注销)

Revision ID: 5c0d11a0e0c1
Revises: 5c0d11a0e0f1
Create Date: 2026-11-30 14:00:00.000000

- ``household_changes``: the dated, append-only history of every change (a trigger refuses UPDATE
  and DELETE); a member leaves once and arrives once, a household is cancelled once (partial
  unique indexes).
- ``households.formed_on`` / ``cancelled_on`` and ``members.joined_on``: since when a household and
  a member exist in the records, so counts at a date follow the changes. Existing rows take the
  day they were created (nothing earlier is recorded).
- The ID number is unique among *active* members only (``uq_members_active_id_number_hash``): a
  person who married out of or moved away from one household may arrive in another.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "5c0d11a0e0c1"
down_revision: str | None = "5c0d11a0e0f1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANGE_KIND = postgresql.ENUM(
    "death",
    "move_out",
    "marriage_out",
    "birth",
    "move_in",
    "marriage_in",
    "split",
    "merge",
    "cancellation",
    name="change_kind",
    schema="monitoring",
)
DEPARTURES = "kind IN ('death', 'move_out', 'marriage_out')"
ARRIVALS = "kind IN ('birth', 'move_in', 'marriage_in')"
MOVES = "kind IN ('split', 'merge')"

# History is evidence: once written, a change is never edited or removed (corrections are new rows).
APPEND_ONLY = """
CREATE FUNCTION monitoring.household_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'household_changes is append-only'
        USING ERRCODE = 'restrict_violation', CONSTRAINT = 'household_changes_append_only';
END $$
"""
APPEND_ONLY_TRIGGER = """
CREATE TRIGGER household_changes_append_only BEFORE UPDATE OR DELETE ON monitoring.household_changes
FOR EACH ROW EXECUTE FUNCTION monitoring.household_changes_append_only()
"""


def upgrade() -> None:
    op.add_column(
        "households",
        sa.Column("formed_on", sa.Date(), server_default=sa.text("CURRENT_DATE"), nullable=False),
        schema="monitoring",
    )
    op.add_column("households", sa.Column("cancelled_on", sa.Date(), nullable=True), schema="monitoring")
    op.execute("UPDATE monitoring.households SET formed_on = CAST(created_at AS date)")
    op.create_check_constraint(
        op.f("ck_households_cancelled_after_formed"),
        "households",
        "cancelled_on IS NULL OR cancelled_on >= formed_on",
        schema="monitoring",
    )
    op.add_column(
        "members",
        sa.Column("joined_on", sa.Date(), server_default=sa.text("CURRENT_DATE"), nullable=False),
        schema="monitoring",
    )
    op.execute("UPDATE monitoring.members SET joined_on = CAST(created_at AS date)")
    op.execute(
        "UPDATE monitoring.members SET joined_on = left_on WHERE left_on IS NOT NULL AND left_on < joined_on"
    )
    op.create_check_constraint(
        op.f("ck_members_left_after_joined"),
        "members",
        "left_on IS NULL OR left_on >= joined_on",
        schema="monitoring",
    )
    op.create_index(
        "uq_members_active_id_number_hash",
        "members",
        ["id_number_hash"],
        unique=True,
        schema="monitoring",
        postgresql_where=sa.text("left_on IS NULL"),
    )
    op.drop_constraint(op.f("uq_members_id_number_hash"), "members", schema="monitoring", type_="unique")

    op.create_table(
        "household_changes",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=True),
        sa.Column("kind", CHANGE_KIND, nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("other_household_id", sa.Uuid(), nullable=True),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("actor_role", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "kind = 'cancellation' OR member_id IS NOT NULL", name=op.f("ck_household_changes_member_named")
        ),
        sa.CheckConstraint(
            f"CASE WHEN {MOVES} THEN other_household_id IS NOT NULL AND other_household_id <> household_id "
            "WHEN kind = 'cancellation' THEN other_household_id IS DISTINCT FROM household_id "
            "ELSE other_household_id IS NULL END",
            name=op.f("ck_household_changes_other_household_fits"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["monitoring.households.id"],
            name=op.f("fk_household_changes_household_id_households"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["monitoring.members.id"],
            name=op.f("fk_household_changes_member_id_members"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["other_household_id"],
            ["monitoring.households.id"],
            name=op.f("fk_household_changes_other_household_id_households"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_changes")),
        schema="monitoring",
    )
    op.create_index(
        "uq_household_changes_one_departure",
        "household_changes",
        ["member_id"],
        unique=True,
        schema="monitoring",
        postgresql_where=sa.text(DEPARTURES),
    )
    op.create_index(
        "uq_household_changes_one_arrival",
        "household_changes",
        ["member_id"],
        unique=True,
        schema="monitoring",
        postgresql_where=sa.text(ARRIVALS),
    )
    op.create_index(
        "uq_household_changes_one_cancellation",
        "household_changes",
        ["household_id"],
        unique=True,
        schema="monitoring",
        postgresql_where=sa.text("kind = 'cancellation'"),
    )
    op.create_index(
        op.f("ix_household_changes_household_id_id"),
        "household_changes",
        ["household_id", "id"],
        schema="monitoring",
    )
    op.create_index(
        op.f("ix_household_changes_other_household_id"),
        "household_changes",
        ["other_household_id"],
        schema="monitoring",
    )
    op.create_index(
        op.f("ix_household_changes_member_id_effective_on"),
        "household_changes",
        ["member_id", "effective_on"],
        schema="monitoring",
    )
    op.execute(APPEND_ONLY)
    op.execute(APPEND_ONLY_TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER household_changes_append_only ON monitoring.household_changes")
    op.execute("DROP FUNCTION monitoring.household_changes_append_only()")
    op.drop_table("household_changes", schema="monitoring")
    CHANGE_KIND.drop(op.get_bind(), checkfirst=False)
    # A person registered again after leaving would break the old, unconditional uniqueness: the
    # departed rows' numbers must be unique again before it is restored (or the downgrade fails).
    op.create_unique_constraint(
        op.f("uq_members_id_number_hash"), "members", ["id_number_hash"], schema="monitoring"
    )
    op.drop_index("uq_members_active_id_number_hash", table_name="members", schema="monitoring")
    op.drop_constraint(op.f("ck_members_left_after_joined"), "members", schema="monitoring")
    op.drop_column("members", "joined_on", schema="monitoring")
    op.drop_constraint(op.f("ck_households_cancelled_after_formed"), "households", schema="monitoring")
    op.drop_column("households", "cancelled_on", schema="monitoring")
    op.drop_column("households", "formed_on", schema="monitoring")
