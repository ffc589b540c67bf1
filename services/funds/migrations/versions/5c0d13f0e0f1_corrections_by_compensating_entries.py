"""corrections by compensating entries; industry support register

Payments, allocations and repayments are never edited: a correction, approved by a second person,
writes a negative entry naming the one it corrects (``corrects_id``) and counts what was taken back
on the original (``reversed``). Existing rows are all originals with nothing reversed.

Revision ID: 5c0d13f0e0f1
Revises: 5c0d11a0e0c3
Create Date: 2026-11-30 14:30:00.000000
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "5c0d13f0e0f1"
down_revision: str | None = "5c0d11a0e0c3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY = sa.Numeric(16, 2)
ENTRIES = ("payments", "allocations", "repayments")


def upgrade() -> None:
    for table in ENTRIES:
        op.add_column(table, sa.Column("corrects_id", sa.Uuid(), nullable=True), schema="funds")
        op.add_column(
            table, sa.Column("reversed", MONEY, server_default=sa.text("0"), nullable=False), schema="funds"
        )
        op.create_foreign_key(
            op.f(f"fk_{table}_corrects_id_{table}"),
            table,
            table,
            ["corrects_id"],
            ["id"],
            source_schema="funds",
            referent_schema="funds",
        )
        op.drop_constraint(op.f(f"ck_{table}_amount_positive"), table, schema="funds", type_="check")
        op.create_check_constraint(
            op.f(f"ck_{table}_negative_only_as_correction"),
            table,
            "(amount > 0) = (corrects_id IS NULL)",
            schema="funds",
        )
    op.drop_constraint(
        op.f("ck_allocations_paid_within_amount"), "allocations", schema="funds", type_="check"
    )
    op.create_check_constraint(
        op.f("ck_allocations_paid_and_reversed_within_amount"),
        "allocations",
        "paid >= 0 AND reversed >= 0 AND paid + reversed <= greatest(amount, 0)",
        schema="funds",
    )
    for table in ("payments", "repayments"):
        op.create_check_constraint(
            op.f(f"ck_{table}_reversed_within_amount"),
            table,
            "reversed >= 0 AND reversed <= greatest(amount, 0)",
            schema="funds",
        )

    kind = postgresql.ENUM("payment", "allocation", "repayment", name="correction_kind", schema="funds")
    status = postgresql.ENUM("pending", "approved", "rejected", name="correction_status", schema="funds")
    op.create_table(
        "corrections",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", kind, nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=True),
        sa.Column("loan_id", sa.Uuid(), nullable=True),
        sa.Column("division_code", sa.String(length=12), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", status, nullable=False),
        sa.Column("requested_by", sa.String(length=100), nullable=False),
        sa.Column("requested_by_name", sa.String(length=100), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_by_name", sa.String(length=100), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("entry_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_corrections_amount_positive")),
        sa.CheckConstraint("length(btrim(reason)) > 0", name=op.f("ck_corrections_reason_given")),
        sa.CheckConstraint(
            "(status = 'pending') = (decided_by IS NULL)", name=op.f("ck_corrections_decided_iff_not_pending")
        ),
        sa.CheckConstraint(
            "decided_by IS NULL OR decided_by <> requested_by",
            name=op.f("ck_corrections_approver_not_requester"),
        ),
        sa.CheckConstraint(
            "(status = 'approved') = (entry_id IS NOT NULL)", name=op.f("ck_corrections_entry_iff_approved")
        ),
        sa.CheckConstraint(
            "(project_id IS NULL) <> (loan_id IS NULL)", name=op.f("ck_corrections_project_or_loan")
        ),
        sa.ForeignKeyConstraint(["loan_id"], ["funds.loans.id"], name=op.f("fk_corrections_loan_id_loans")),
        sa.ForeignKeyConstraint(
            ["project_id"], ["funds.projects.id"], name=op.f("fk_corrections_project_id_projects")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
        schema="funds",
    )
    op.create_index(op.f("ix_corrections_division_code"), "corrections", ["division_code"], schema="funds")
    op.create_index(op.f("ix_corrections_updated_at_id"), "corrections", ["updated_at", "id"], schema="funds")
    op.create_index(
        "uq_corrections_one_pending",
        "corrections",
        ["kind", "target_id"],
        unique=True,
        schema="funds",
        postgresql_where=sa.text("status = 'pending'"),
    )
    _industry_register()
    _sites_and_insurance()


def downgrade() -> None:
    op.drop_table("insurance_policies", schema="funds")
    op.drop_table("project_sites", schema="funds")
    _drop_industry_register()
    op.drop_table("corrections", schema="funds")
    sa.Enum(name="correction_status", schema="funds").drop(op.get_bind())
    sa.Enum(name="correction_kind", schema="funds").drop(op.get_bind())
    for table in ("payments", "repayments"):
        op.drop_constraint(op.f(f"ck_{table}_reversed_within_amount"), table, schema="funds", type_="check")
    op.drop_constraint(
        op.f("ck_allocations_paid_and_reversed_within_amount"), "allocations", schema="funds", type_="check"
    )
    op.create_check_constraint(
        op.f("ck_allocations_paid_within_amount"),
        "allocations",
        "paid >= 0 AND paid <= amount",
        schema="funds",
    )
    for table in ENTRIES:
        op.drop_constraint(
            op.f(f"ck_{table}_negative_only_as_correction"), table, schema="funds", type_="check"
        )
        op.create_check_constraint(op.f(f"ck_{table}_amount_positive"), table, "amount > 0", schema="funds")
        op.drop_constraint(op.f(f"fk_{table}_corrects_id_{table}"), table, schema="funds", type_="foreignkey")
        op.drop_column(table, "reversed", schema="funds")
        op.drop_column(table, "corrects_id", schema="funds")


def _industry_register() -> None:
    """四个一批 industries, their businesses, 联农带农 links, parks and early-warning flags."""
    industry_class = postgresql.ENUM(
        "consolidate", "upgrade", "revive", "adjust", name="industry_class", schema="funds"
    )
    link_kind = postgresql.ENUM("wages", "dividends", "purchase", name="link_kind", schema="funds")
    flag_kind = postgresql.ENUM("business_failing", "link_broken", name="industry_flag_kind", schema="funds")
    op.create_table(
        "industry_parks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("established_year", sa.SmallInteger(), nullable=True),
        _created(),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industry_parks")),
        sa.UniqueConstraint("town_code", "name", name=op.f("uq_industry_parks_town_code_name")),
        sa.UniqueConstraint("id", "town_code", name=op.f("uq_industry_parks_id_town_code")),
        schema="funds",
    )
    op.create_index(op.f("ix_industry_parks_updated_at_id"), "industry_parks", ["updated_at", "id"], schema="funds")
    op.create_table(
        "assistance_industries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("industry_class", industry_class, nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=True),
        sa.Column("year", sa.SmallInteger(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _created(),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "village_code IS NULL OR left(village_code, 9) = town_code",
            name=op.f("ck_assistance_industries_village_in_town"),
        ),
        sa.CheckConstraint("year BETWEEN 2000 AND 2100", name=op.f("ck_assistance_industries_year_range")),
        sa.ForeignKeyConstraint(
            ["park_id", "town_code"],
            ["funds.industry_parks.id", "funds.industry_parks.town_code"],
            name=op.f("fk_assistance_industries_park_id_town_code_industry_parks"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance_industries")),
        schema="funds",
    )
    op.create_index(
        op.f("ix_assistance_industries_town_code_village_code"),
        "assistance_industries",
        ["town_code", "village_code"],
        schema="funds",
    )
    op.create_index(
        op.f("ix_assistance_industries_updated_at_id"), "assistance_industries", ["updated_at", "id"], schema="funds"
    )
    op.create_table(
        "industry_businesses",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("industry_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("failing_since", sa.Date(), nullable=True),
        _created(),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["industry_id"],
            ["funds.assistance_industries.id"],
            name=op.f("fk_industry_businesses_industry_id_assistance_industries"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industry_businesses")),
        sa.UniqueConstraint("industry_id", "name", name=op.f("uq_industry_businesses_industry_id_name")),
        schema="funds",
    )
    op.create_index(
        op.f("ix_industry_businesses_updated_at_id"), "industry_businesses", ["updated_at", "id"], schema="funds"
    )
    op.create_table(
        "industry_links",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("business_id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("kind", link_kind, nullable=False),
        sa.Column("annual_amount", MONEY, nullable=True),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        _created(),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "annual_amount IS NULL OR annual_amount >= 0", name=op.f("ck_industry_links_amount_non_negative")
        ),
        sa.CheckConstraint("ended_on IS NULL OR ended_on >= since", name=op.f("ck_industry_links_ends_after_start")),
        sa.CheckConstraint("left(village_code, 9) = town_code", name=op.f("ck_industry_links_village_in_town")),
        sa.ForeignKeyConstraint(
            ["business_id"], ["funds.industry_businesses.id"], name=op.f("fk_industry_links_business_id_industry_businesses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industry_links")),
        sa.UniqueConstraint(
            "business_id", "household_id", "kind", name=op.f("uq_industry_links_business_id_household_id_kind")
        ),
        schema="funds",
    )
    op.create_index(op.f("ix_industry_links_household_id"), "industry_links", ["household_id"], schema="funds")
    op.create_index(
        op.f("ix_industry_links_town_code_village_code"), "industry_links", ["town_code", "village_code"], schema="funds"
    )
    op.create_index(op.f("ix_industry_links_updated_at_id"), "industry_links", ["updated_at", "id"], schema="funds")
    op.create_table(
        "industry_flags",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", flag_kind, nullable=False),
        sa.Column("business_id", sa.Uuid(), nullable=False),
        sa.Column("link_id", sa.Uuid(), nullable=True),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("households_alerted", sa.Integer(), nullable=False),
        sa.Column("raised_by", sa.String(length=100), nullable=False),
        _created(),
        sa.CheckConstraint(
            "(kind = 'link_broken') = (link_id IS NOT NULL)", name=op.f("ck_industry_flags_link_iff_broken_link")
        ),
        sa.CheckConstraint("households_alerted >= 0", name=op.f("ck_industry_flags_households_non_negative")),
        sa.ForeignKeyConstraint(
            ["business_id"], ["funds.industry_businesses.id"], name=op.f("fk_industry_flags_business_id_industry_businesses")
        ),
        sa.ForeignKeyConstraint(["link_id"], ["funds.industry_links.id"], name=op.f("fk_industry_flags_link_id_industry_links")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industry_flags")),
        schema="funds",
    )
    op.create_index(op.f("ix_industry_flags_business_id"), "industry_flags", ["business_id"], schema="funds")


def _created() -> sa.Column[Any]:
    return sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False)


def _drop_industry_register() -> None:
    for table in ("industry_flags", "industry_links", "industry_businesses", "assistance_industries", "industry_parks"):
        op.drop_table(table, schema="funds")
    for name in ("industry_flag_kind", "link_kind", "industry_class"):
        sa.Enum(name=name, schema="funds").drop(op.get_bind())


def _sites_and_insurance() -> None:
    op.create_table(
        "project_sites",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=True),
        sa.Column("weight", sa.Numeric(12, 2), server_default=sa.text("1"), nullable=False),
        sa.Column("progress_percent", sa.SmallInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("progress_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _created(),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("progress_percent BETWEEN 0 AND 100", name=op.f("ck_project_sites_progress_range")),
        sa.CheckConstraint("weight > 0", name=op.f("ck_project_sites_weight_positive")),
        sa.ForeignKeyConstraint(
            ["project_id"], ["funds.projects.id"], name=op.f("fk_project_sites_project_id_projects"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_sites")),
        sa.UniqueConstraint("project_id", "name", name=op.f("uq_project_sites_project_id_name")),
        schema="funds",
    )
    op.create_index(op.f("ix_project_sites_updated_at_id"), "project_sites", ["updated_at", "id"], schema="funds")
    op.create_table(
        "insurance_policies",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("insurer", sa.String(length=100), nullable=False),
        sa.Column("policy_number", sa.String(length=60), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("premium", MONEY, nullable=False),
        sa.Column("sum_insured", MONEY, nullable=False),
        _created(),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("ends_on > starts_on", name=op.f("ck_insurance_policies_ends_after_start")),
        sa.CheckConstraint("premium >= 0", name=op.f("ck_insurance_policies_premium_non_negative")),
        sa.CheckConstraint("sum_insured > 0", name=op.f("ck_insurance_policies_sum_insured_positive")),
        sa.CheckConstraint("left(village_code, 9) = town_code", name=op.f("ck_insurance_policies_village_in_town")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insurance_policies")),
        sa.UniqueConstraint("insurer", "policy_number", name=op.f("uq_insurance_policies_insurer_policy_number")),
        schema="funds",
    )
    op.create_index(
        op.f("ix_insurance_policies_household_id"), "insurance_policies", ["household_id"], schema="funds"
    )
    op.create_index(
        op.f("ix_insurance_policies_town_code_village_code"),
        "insurance_policies",
        ["town_code", "village_code"],
        schema="funds",
    )
    op.create_index(
        op.f("ix_insurance_policies_updated_at_id"), "insurance_policies", ["updated_at", "id"], schema="funds"
    )
