"""assistance plans: amendments with history, delivery details, person-level measures

Revision ID: 5c0d11a0e0b1
Revises: 5c0d11a0e0c1
Create Date: 2026-11-30 13:40:00.000000

- ``measures``: who recorded the delivery and the note (``delivered_by``, ``delivery_note``); an
  end (``ended_on`` + ``end_reason``, together) within the term and not before delivery; the
  measure replaced (``replaces_id``, once). An index on ``member_id`` for the person-level report.
- ``plan_amendments``: one row per change of a plan (create, add, end, replace, deliver). Every
  measure that already exists gets its ``create`` row (actor ``migration:5c0d11a0e0b1``, at the
  plan's creation), so the history is whole and those measures, like new ones, cannot be deleted.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5c0d11a0e0b1"
down_revision: str | None = "5c0d11a0e0c1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MEASURE_CHECKS = {
    "ended_with_reason": "(ended_on IS NULL) = (end_reason IS NULL)",
    "ended_within_term": "ended_on IS NULL OR ended_on <= ends_on",
    "ended_after_delivery": "ended_on IS NULL OR delivered_on IS NULL OR ended_on >= delivered_on",
    "replaces_another": "replaces_id <> id",
}


def upgrade() -> None:
    op.create_table(
        "plan_amendments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column(
            "action",
            sa.Enum("create", "add", "end", "replace", "deliver", name="plan_action", schema="monitoring"),
            nullable=False,
        ),
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column("successor_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("actor_role", sa.String(length=40), nullable=False),
        sa.Column("actor_department", sa.String(length=100), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "(action = 'replace') = (successor_id IS NOT NULL)",
            name=op.f("ck_plan_amendments_successor_only_on_replace"),
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"], ["monitoring.measures.id"], name=op.f("fk_plan_amendments_measure_id_measures")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["monitoring.assistance_plans.id"],
            name=op.f("fk_plan_amendments_plan_id_assistance_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["successor_id"], ["monitoring.measures.id"], name=op.f("fk_plan_amendments_successor_id_measures")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_amendments")),
        schema="monitoring",
    )
    op.create_index(
        op.f("ix_plan_amendments_measure_id"), "plan_amendments", ["measure_id"], schema="monitoring"
    )
    op.create_index(
        op.f("ix_plan_amendments_plan_id_id"), "plan_amendments", ["plan_id", "id"], schema="monitoring"
    )
    op.create_index(
        op.f("ix_plan_amendments_successor_id"), "plan_amendments", ["successor_id"], schema="monitoring"
    )
    op.add_column("measures", sa.Column("delivered_by", sa.String(length=100), nullable=True), schema="monitoring")
    op.add_column("measures", sa.Column("delivery_note", sa.Text(), nullable=True), schema="monitoring")
    op.add_column("measures", sa.Column("ended_on", sa.Date(), nullable=True), schema="monitoring")
    op.add_column("measures", sa.Column("end_reason", sa.Text(), nullable=True), schema="monitoring")
    op.add_column("measures", sa.Column("replaces_id", sa.Uuid(), nullable=True), schema="monitoring")
    op.create_index(op.f("ix_measures_member_id"), "measures", ["member_id"], schema="monitoring")
    op.create_unique_constraint(op.f("uq_measures_replaces_id"), "measures", ["replaces_id"], schema="monitoring")
    op.create_foreign_key(
        op.f("fk_measures_replaces_id_measures"),
        "measures",
        "measures",
        ["replaces_id"],
        ["id"],
        source_schema="monitoring",
        referent_schema="monitoring",
        ondelete="RESTRICT",
    )
    for name, condition in MEASURE_CHECKS.items():
        op.create_check_constraint(op.f(f"ck_measures_{name}"), "measures", condition, schema="monitoring")
    op.execute(
        "INSERT INTO monitoring.plan_amendments (plan_id, action, measure_id, reason, actor, actor_role, at) "
        "SELECT m.plan_id, 'create', m.id, '制定计划（调整记录启用前）', 'migration:5c0d11a0e0b1', 'system', "
        "p.created_at FROM monitoring.measures m JOIN monitoring.assistance_plans p ON p.id = m.plan_id "
        "ORDER BY p.created_at, m.starts_on, m.id"
    )


def downgrade() -> None:
    for name in MEASURE_CHECKS:
        op.drop_constraint(op.f(f"ck_measures_{name}"), "measures", schema="monitoring")
    op.drop_constraint(op.f("fk_measures_replaces_id_measures"), "measures", schema="monitoring", type_="foreignkey")
    op.drop_constraint(op.f("uq_measures_replaces_id"), "measures", schema="monitoring", type_="unique")
    op.drop_index(op.f("ix_measures_member_id"), table_name="measures", schema="monitoring")
    op.drop_column("measures", "replaces_id", schema="monitoring")
    op.drop_column("measures", "end_reason", schema="monitoring")
    op.drop_column("measures", "ended_on", schema="monitoring")
    op.drop_column("measures", "delivery_note", schema="monitoring")
    op.drop_column("measures", "delivered_by", schema="monitoring")
    op.drop_index(op.f("ix_plan_amendments_successor_id"), table_name="plan_amendments", schema="monitoring")
    op.drop_index(op.f("ix_plan_amendments_plan_id_id"), table_name="plan_amendments", schema="monitoring")
    op.drop_index(op.f("ix_plan_amendments_measure_id"), table_name="plan_amendments", schema="monitoring")
    op.drop_table("plan_amendments", schema="monitoring")
    op.execute("DROP TYPE monitoring.plan_action")
