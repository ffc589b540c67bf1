"""risk elimination earned, 兜底 only with 低保/特困, objections as records

Revision ID: 5c0d11a0e0a1
Revises: 5c0d11a0e0e1
Create Date: 2026-11-30 13:38:25.621450

- ``households.elimination_stage``: the stage of the 风险消除 procedure (household check → village
  review → public notice → town review → district approval) while the household stays ``included``
  (checked: only an included household has one); ``transitions.from_stage``/``to_stage`` keep it in
  the history. Existing rows have none: nothing was ever in that procedure.
- ``risk_resolutions``: one record per recorded risk cause resolved, per inclusion.
- ``objections``: 公示异议 lodged, handled and closed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "5c0d11a0e0a1"
down_revision: str | None = "5c0d11a0e0e1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STAGES = ("household_check", "village_review", "public_notice", "town_review", "district_approval")


def _enum(name: str, *values: str) -> postgresql.ENUM:
    return postgresql.ENUM(*values, name=name, schema="monitoring", create_type=False)


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
    ]


def upgrade() -> None:
    bind = op.get_bind()
    for name, values in (
        ("elimination_stage", STAGES),
        ("notice_procedure", ("inclusion", "elimination")),
        ("objection_status", ("open", "upheld", "dismissed")),
    ):
        postgresql.ENUM(*values, name=name, schema="monitoring").create(bind)
    stage = _enum("elimination_stage", *STAGES)

    op.add_column("households", sa.Column("elimination_stage", stage, nullable=True), schema="monitoring")
    op.create_check_constraint(
        op.f("ck_households_elimination_only_while_included"),
        "households",
        "elimination_stage IS NULL OR status = 'included'",
        schema="monitoring",
    )
    op.add_column("transitions", sa.Column("from_stage", stage, nullable=True), schema="monitoring")
    op.add_column("transitions", sa.Column("to_stage", stage, nullable=True), schema="monitoring")

    op.create_table(
        "risk_resolutions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("cause", _enum("risk_cause"), nullable=False),
        sa.Column("case_included_on", sa.Date(), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=False),
        sa.Column("how", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_by_role", sa.String(length=40), nullable=False),
        *_stamps(),
        sa.CheckConstraint("length(how) > 0", name=op.f("ck_risk_resolutions_how_stated")),
        sa.CheckConstraint(
            "resolved_on >= case_included_on", name=op.f("ck_risk_resolutions_resolved_after_inclusion")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["monitoring.households.id"],
            name=op.f("fk_risk_resolutions_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_resolutions")),
        sa.UniqueConstraint(
            "household_id", "cause", "case_included_on", name="uq_risk_resolutions_once_per_case"
        ),
        schema="monitoring",
    )
    op.create_index(
        op.f("ix_risk_resolutions_updated_at_id"),
        "risk_resolutions",
        ["updated_at", "id"],
        unique=False,
        schema="monitoring",
    )

    op.create_table(
        "objections",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("procedure", _enum("notice_procedure"), nullable=False),
        sa.Column("notice_posted_on", sa.Date(), nullable=False),
        sa.Column("objector_name", sa.String(length=50), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("lodged_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_by_role", sa.String(length=40), nullable=False),
        sa.Column("status", _enum("objection_status"), server_default="open", nullable=False),
        sa.Column("finding", sa.Text(), nullable=True),
        sa.Column("handled_by", sa.String(length=100), nullable=True),
        sa.Column("handled_by_role", sa.String(length=40), nullable=True),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        *_stamps(),
        sa.CheckConstraint(
            "(status = 'open') = (finding IS NULL AND handled_by IS NULL AND handled_at IS NULL)",
            name=op.f("ck_objections_closed_with_finding"),
        ),
        sa.CheckConstraint("length(content) > 0", name=op.f("ck_objections_content_stated")),
        sa.CheckConstraint("lodged_on >= notice_posted_on", name=op.f("ck_objections_lodged_during_notice")),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["monitoring.households.id"],
            name=op.f("fk_objections_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objections")),
        schema="monitoring",
    )
    op.create_index(
        op.f("ix_objections_household_id_status"),
        "objections",
        ["household_id", "status"],
        unique=False,
        schema="monitoring",
    )
    op.create_index(
        op.f("ix_objections_updated_at_id"), "objections", ["updated_at", "id"], unique=False, schema="monitoring"
    )


def downgrade() -> None:
    op.drop_table("objections", schema="monitoring")
    op.drop_table("risk_resolutions", schema="monitoring")
    op.drop_column("transitions", "to_stage", schema="monitoring")
    op.drop_column("transitions", "from_stage", schema="monitoring")
    op.drop_constraint(
        op.f("ck_households_elimination_only_while_included"), "households", schema="monitoring"
    )
    op.drop_column("households", "elimination_stage", schema="monitoring")
    for name in ("objection_status", "notice_procedure", "elimination_stage"):
        op.execute(f"DROP TYPE monitoring.{name}")
