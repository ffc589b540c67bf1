"""subsidy reversals, tax incentives, wage history, post allowances

``subsidy_kind`` gains 税收优惠 (``tax_incentive``; not used in this transaction, so ADD VALUE
suffices). A subsidy paid in error is reversed by a compensating row in ``subsidy_reversals``; the
grant keeps its amount and only its ``reversed`` flag frees the period for the correct grant, so the
exclusion constraint now applies to grants not reversed. ``spell_wages`` keeps a spell's monthly
wage changes, ``post_allowance_payments`` the allowances paid to the holders of public-welfare posts.

Revision ID: 5c0d13e0e0e1
Revises: 5c0d11a0e0c2
Create Date: 2026-11-30 14:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5c0d13e0e0e1"
down_revision: str | None = "5c0d11a0e0c2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_DOUBLE_SUBSIDY = (
    "ALTER TABLE employment.subsidies ADD CONSTRAINT no_double_subsidy EXCLUDE USING gist"
    " (worker_id WITH =, kind WITH =, daterange(period_start, period_end, '[]') WITH &&)"
)


def upgrade() -> None:
    op.execute("ALTER TYPE employment.subsidy_kind ADD VALUE IF NOT EXISTS 'tax_incentive'")
    op.add_column(
        "subsidies",
        sa.Column("reversed", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        schema="employment",
    )
    op.drop_constraint("no_double_subsidy", "subsidies", schema="employment")
    op.execute(NO_DOUBLE_SUBSIDY + " WHERE (NOT reversed)")
    op.create_table(
        "subsidy_reversals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("subsidy_id", sa.Uuid(), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("amount", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("reversed_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_subsidy_reversals_amount_positive")),
        sa.CheckConstraint("length(btrim(reason)) > 0", name=op.f("ck_subsidy_reversals_reason_given")),
        sa.ForeignKeyConstraint(
            ["subsidy_id"],
            ["employment.subsidies.id"],
            name=op.f("fk_subsidy_reversals_subsidy_id_subsidies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subsidy_reversals")),
        sa.UniqueConstraint("subsidy_id", name=op.f("uq_subsidy_reversals_subsidy_id")),
        schema="employment",
    )
    op.create_index(
        op.f("ix_subsidy_reversals_town_code_reversed_on"),
        "subsidy_reversals",
        ["town_code", "reversed_on"],
        schema="employment",
    )
    op.create_table(
        "spell_wages",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("spell_id", sa.Uuid(), nullable=False),
        sa.Column("worker_id", sa.Uuid(), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("monthly_wage", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("monthly_wage >= 0", name=op.f("ck_spell_wages_monthly_wage_non_negative")),
        sa.CheckConstraint("extract(day FROM month) = 1", name=op.f("ck_spell_wages_month_first_day")),
        sa.ForeignKeyConstraint(
            ["spell_id"], ["employment.spells.id"], name=op.f("fk_spell_wages_spell_id_spells"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"],
            ["employment.workers.id"],
            name=op.f("fk_spell_wages_worker_id_workers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spell_wages")),
        sa.UniqueConstraint("spell_id", "month", name=op.f("uq_spell_wages_spell_id_month")),
        schema="employment",
    )
    op.create_index(op.f("ix_spell_wages_worker_id_month"), "spell_wages", ["worker_id", "month"], schema="employment")
    op.create_table(
        "post_allowance_payments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("holding_id", sa.Uuid(), nullable=False),
        sa.Column("post_id", sa.Uuid(), nullable=False),
        sa.Column("worker_id", sa.Uuid(), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_post_allowance_payments_amount_positive")),
        sa.CheckConstraint("extract(day FROM month) = 1", name=op.f("ck_post_allowance_payments_month_first_day")),
        sa.ForeignKeyConstraint(
            ["holding_id"],
            ["employment.post_holdings.id"],
            name=op.f("fk_post_allowance_payments_holding_id_post_holdings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["employment.posts.id"],
            name=op.f("fk_post_allowance_payments_post_id_posts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"],
            ["employment.workers.id"],
            name=op.f("fk_post_allowance_payments_worker_id_workers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_allowance_payments")),
        sa.UniqueConstraint("holding_id", "month", name=op.f("uq_post_allowance_payments_holding_id_month")),
        schema="employment",
    )
    op.create_index(
        op.f("ix_post_allowance_payments_town_code_month"),
        "post_allowance_payments",
        ["town_code", "month"],
        schema="employment",
    )


def downgrade() -> None:
    op.drop_table("post_allowance_payments", schema="employment")
    op.drop_table("spell_wages", schema="employment")
    op.drop_table("subsidy_reversals", schema="employment")
    op.drop_constraint("no_double_subsidy", "subsidies", schema="employment")
    op.execute("DELETE FROM employment.subsidies WHERE kind = 'tax_incentive' OR reversed")
    op.execute(NO_DOUBLE_SUBSIDY)
    op.drop_column("subsidies", "reversed", schema="employment")
    # A value cannot be dropped from a Postgres enum: recreate the type without it.
    op.execute("ALTER TYPE employment.subsidy_kind RENAME TO subsidy_kind_old")
    op.execute("CREATE TYPE employment.subsidy_kind AS ENUM ('transport', 'training', 'social_security')")
    op.execute(
        "ALTER TABLE employment.subsidies ALTER COLUMN kind TYPE employment.subsidy_kind"
        " USING kind::text::employment.subsidy_kind"
    )
    op.execute("DROP TYPE employment.subsidy_kind_old")


