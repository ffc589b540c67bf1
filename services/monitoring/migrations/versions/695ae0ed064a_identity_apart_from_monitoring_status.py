"""identity apart from monitoring status; gateway accounts and employment records as projections

Revision ID: 695ae0ed064a
Revises: 3b54b0409aa3
Create Date: 2026-12-02 09:00:00.000000

Issue 11 (contradiction 1): inclusion used to set ``kind = 'monitored'``, erasing the household's
脱贫 identity. ``kind`` is now the identity only (lifted_out / low_income / ordinary); being
monitored is ``status`` with ``subtype``. Existing ``monitored`` rows get back an identity:

- subtype ``unstable`` (脱贫不稳定户) → ``lifted_out``: that category exists only for 脱贫户, so the
  household was one before inclusion erased it;
- any other subtype (边缘易致贫户, 突发严重困难户) or none (registered directly as "monitored",
  never through the workflow) → ``ordinary``: those categories are for households that were never
  lifted out, and nothing recorded says 农村低收入人口, so the identity that claims nothing is kept;
  a town corrects it with PATCH if its ledger says otherwise.

Status, subtype and every other column stay as they were. The enum type is recreated without
``monitored`` (rather than keeping a value no code may write), so the database itself refuses it
from an old writer during a rolling deploy. Downgrading gives ``monitored`` back to every household
ever included (``included_on`` set), which is where the old code had put it.

Also: ``member_employment_records`` loses ``recorded_at`` (the time we happened to learn of it: a
rebuild from employment's stream could not give it back), and ``projected_users`` holds the
gateway's accounts (``user.changed``) so that helpers are real accounts.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "695ae0ed064a"
down_revision: str | None = "3b54b0409aa3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _swap_kind_type(values: tuple[str, ...], using: str) -> None:
    """Replace ``monitoring.household_kind`` by a type of ``values``, each row's new value ``using``."""
    labels = ", ".join(f"'{v}'" for v in values)
    op.execute(f"CREATE TYPE monitoring.household_kind_new AS ENUM ({labels})")
    op.execute(
        "ALTER TABLE monitoring.households ALTER COLUMN kind TYPE monitoring.household_kind_new "
        f"USING ({using})::monitoring.household_kind_new"
    )
    op.execute("DROP TYPE monitoring.household_kind")
    op.execute("ALTER TYPE monitoring.household_kind_new RENAME TO household_kind")


def upgrade() -> None:
    _swap_kind_type(
        ("lifted_out", "low_income", "ordinary"),
        "CASE WHEN kind::text <> 'monitored' THEN kind::text "
        "WHEN subtype IS NOT DISTINCT FROM 'unstable' THEN 'lifted_out' ELSE 'ordinary' END",
    )
    op.drop_column("member_employment_records", "recorded_at", schema="monitoring")
    op.create_table(
        "projected_users",
        sa.Column("user_id", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("division_code", sa.String(length=12), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_projected_users")),
        schema="monitoring",
    )


def downgrade() -> None:
    op.drop_table("projected_users", schema="monitoring")
    op.add_column(
        "member_employment_records",
        sa.Column("recorded_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        schema="monitoring",
    )
    _swap_kind_type(
        ("lifted_out", "monitored", "low_income", "ordinary"),
        "CASE WHEN included_on IS NOT NULL THEN 'monitored' ELSE kind::text END",
    )
