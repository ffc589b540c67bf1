"""what the policy-true workflow needs from the records: 兜底 basis, delivery, departures

Revision ID: 5c0d11a0e001
Revises: 4d7e2c1b9a30
Create Date: 2026-11-30 13:50:00.000000

- ``policies.qualifies_safety_net``: only 低保 and 特困人员救助供养, fully in place, make a household a
  兜底保障户 (seed §一(一)); housing, water, school or insurance aid do not. The catalogue gains
  特困人员救助供养, which it lacked.
- ``measures.delivered_on``: a measure counts as delivered (落实) from this date, not when planned;
  ``measures.member_id``: a developmental measure is for a person (seed §二(五): every able-bodied
  脱贫 person), so it may name one.
- ``members.left_on``: the day a member left the household (death, moving out, marriage out, split);
  a member with it set no longer counts.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5c0d11a0e001"
down_revision: str | None = "4d7e2c1b9a30"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "policies",
        sa.Column("qualifies_safety_net", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        schema="monitoring",
    )
    op.execute("UPDATE monitoring.policies SET qualifies_safety_net = true WHERE code = 'dibao'")
    op.execute(
        "INSERT INTO monitoring.policies (id, code, name, category, measure_kind, risk_causes, "
        "responsible_unit, description, qualifies_safety_net) VALUES (gen_random_uuid(), 'tekun', "
        "'特困人员救助供养', 'social_assistance', 'safety_net', "
        "ARRAY['lack_of_labour', 'illness', 'disability']::monitoring.risk_cause[], '民政局', "
        "'无劳动能力、无生活来源、无法定赡养抚养扶养义务人的，纳入特困人员救助供养', true) "
        "ON CONFLICT (code) DO NOTHING"
    )
    op.add_column("measures", sa.Column("delivered_on", sa.Date(), nullable=True), schema="monitoring")
    op.add_column("measures", sa.Column("member_id", sa.Uuid(), nullable=True), schema="monitoring")
    op.create_foreign_key(
        op.f("fk_measures_member_id_members"),
        "measures",
        "members",
        ["member_id"],
        ["id"],
        source_schema="monitoring",
        referent_schema="monitoring",
        ondelete="RESTRICT",
    )
    op.create_check_constraint(
        op.f("ck_measures_delivered_within_term"), "measures", "delivered_on IS NULL OR delivered_on >= starts_on", schema="monitoring"
    )
    op.add_column("members", sa.Column("left_on", sa.Date(), nullable=True), schema="monitoring")


def downgrade() -> None:
    op.drop_column("members", "left_on", schema="monitoring")
    op.drop_constraint(op.f("ck_measures_delivered_within_term"), "measures", schema="monitoring")
    op.drop_constraint(op.f("fk_measures_member_id_members"), "measures", schema="monitoring")
    op.drop_column("measures", "member_id", schema="monitoring")
    op.drop_column("measures", "delivered_on", schema="monitoring")
    op.execute("DELETE FROM monitoring.policies WHERE code = 'tekun'")
    op.drop_column("policies", "qualifies_safety_net", schema="monitoring")
