"""subsidy reversals, tax incentives, wage history, post allowances

``subsidy_kind`` gains 税收优惠 (``tax_incentive``; not used in this transaction, so ADD VALUE
suffices). A subsidy paid in error is reversed by a compensating row in ``subsidy_reversals``; the
grant keeps its amount and only its ``reversed`` flag frees the period for the correct grant, so the
exclusion constraint now applies to grants not reversed. ``spell_wages`` keeps a spell's monthly
wage changes, ``post_allowance_payments`` the allowances paid to the holders of public-welfare posts;
``craftsmen`` and ``craftsman_nominations`` the 乡村工匠 and their 名师 nominations,
``labour_brands`` and ``labour_brand_workers`` the 劳务品牌 and whom they employ.

Revision ID: 5c0d13e0e0e1
Revises: 5c0d11a0e0c2
Create Date: 2026-11-30 14:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

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


    craft_level = postgresql.ENUM(
        "craftsman", "provincial_master", "national_master", name="craft_level", schema="employment"
    )
    tier = postgresql.ENUM("provincial", "national", name="nomination_tier", schema="employment")
    status = postgresql.ENUM(
        "nominated", "recognised", "rejected", name="nomination_status", schema="employment"
    )
    op.create_table(
        "craftsmen",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("worker_id", sa.Uuid(), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("craft", sa.String(length=100), nullable=False),
        sa.Column("level", craft_level, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("length(btrim(craft)) > 0", name=op.f("ck_craftsmen_craft_given")),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["employment.workers.id"], name=op.f("fk_craftsmen_worker_id_workers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_craftsmen")),
        sa.UniqueConstraint("worker_id", name=op.f("uq_craftsmen_worker_id")),
        schema="employment",
    )
    op.create_index(op.f("ix_craftsmen_town_code_level"), "craftsmen", ["town_code", "level"], schema="employment")
    op.create_index(op.f("ix_craftsmen_updated_at_id"), "craftsmen", ["updated_at", "id"], schema="employment")
    op.create_table(
        "craftsman_nominations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("craftsman_id", sa.Uuid(), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("tier", tier, nullable=False),
        sa.Column("batch", sa.SmallInteger(), nullable=True),
        sa.Column("nominated_on", sa.Date(), nullable=False),
        sa.Column("status", status, nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "tier <> 'provincial' OR coalesce(batch, 0) >= 1", name=op.f("ck_craftsman_nominations_provincial_has_batch")
        ),
        sa.CheckConstraint(
            "(status = 'nominated') = (decided_on IS NULL)",
            name=op.f("ck_craftsman_nominations_decided_when_not_open"),
        ),
        sa.CheckConstraint(
            "decided_on IS NULL OR decided_on >= nominated_on",
            name=op.f("ck_craftsman_nominations_decided_after_nominated"),
        ),
        sa.ForeignKeyConstraint(
            ["craftsman_id"],
            ["employment.craftsmen.id"],
            name=op.f("fk_craftsman_nominations_craftsman_id_craftsmen"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_craftsman_nominations")),
        schema="employment",
    )
    op.create_index(
        op.f("ix_craftsman_nominations_town_code_status"),
        "craftsman_nominations",
        ["town_code", "status"],
        schema="employment",
    )
    op.create_index(
        "uq_craftsman_nominations_live",
        "craftsman_nominations",
        ["craftsman_id", "tier"],
        unique=True,
        schema="employment",
        postgresql_where=sa.text("status <> 'rejected'"),
    )
    op.create_table(
        "labour_brands",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("trade", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("length(btrim(name)) > 0", name=op.f("ck_labour_brands_name_given")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_labour_brands")),
        sa.UniqueConstraint("name", name=op.f("uq_labour_brands_name")),
        schema="employment",
    )
    op.create_index(
        op.f("ix_labour_brands_updated_at_id"), "labour_brands", ["updated_at", "id"], schema="employment"
    )
    op.create_table(
        "labour_brand_workers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("brand_id", sa.Uuid(), nullable=False),
        sa.Column("worker_id", sa.Uuid(), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["brand_id"],
            ["employment.labour_brands.id"],
            name=op.f("fk_labour_brand_workers_brand_id_labour_brands"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"],
            ["employment.workers.id"],
            name=op.f("fk_labour_brand_workers_worker_id_workers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_labour_brand_workers")),
        sa.UniqueConstraint("brand_id", "worker_id", name=op.f("uq_labour_brand_workers_brand_id_worker_id")),
        schema="employment",
    )
    op.create_index(
        op.f("ix_labour_brand_workers_town_code"), "labour_brand_workers", ["town_code"], schema="employment"
    )


def downgrade() -> None:
    op.drop_table("labour_brand_workers", schema="employment")
    op.drop_table("labour_brands", schema="employment")
    op.drop_table("craftsman_nominations", schema="employment")
    op.drop_table("craftsmen", schema="employment")
    for name in ("craft_level", "nomination_tier", "nomination_status"):
        op.execute(f"DROP TYPE employment.{name}")
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


