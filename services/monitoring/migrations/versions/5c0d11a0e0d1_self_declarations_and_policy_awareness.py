"""a channel of the farmer's own (农户自主申报) and policy awareness (明白纸, 知晓率)

Revision ID: 5c0d11a0e0d1
Revises: 5c0d11a0e001
Create Date: 2026-11-30 14:05:00.000000

- ``self_declarations``: declarations from the public channel; an alert once they name a household,
  else waiting in the village's inbox (or dismissed with a reason). ID number and phone as keyed
  hash, ciphertext and masked form.
- ``public_rate_counters``: hits per caller and fixed window, shared by every replica.
- ``policy_explanations``: the policies explained during a visit and whether the household knew them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "5c0d11a0e0d1"
down_revision: str | None = "5c0d11a0e001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RISK_CAUSE = postgresql.ENUM(name="risk_cause", schema="monitoring", create_type=False)
DECLARATION_STATUS = postgresql.ENUM(
    "waiting", "alerted", "dismissed", name="declaration_status", schema="monitoring"
)


def upgrade() -> None:
    op.create_table(
        "public_rate_counters",
        sa.Column("bucket", sa.String(length=100), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.CheckConstraint("hits >= 1", name=op.f("ck_public_rate_counters_hits_positive")),
        sa.PrimaryKeyConstraint("bucket", "window_start", name=op.f("pk_public_rate_counters")),
        schema="monitoring",
    )
    op.create_index(
        op.f("ix_public_rate_counters_window_start"),
        "public_rate_counters",
        ["window_start"],
        unique=False,
        schema="monitoring",
    )
    DECLARATION_STATUS.create(op.get_bind())
    op.create_table(
        "self_declarations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tracking_code", sa.String(length=16), nullable=False),
        sa.Column("town_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("applicant_name", sa.String(length=50), nullable=False),
        sa.Column("id_number_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("id_number_cipher", sa.LargeBinary(), nullable=False),
        sa.Column("id_number_masked", sa.String(length=18), nullable=False),
        sa.Column("phone_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("phone_cipher", sa.LargeBinary(), nullable=False),
        sa.Column("phone_masked", sa.String(length=11), nullable=False),
        sa.Column("account", sa.Text(), nullable=False),
        sa.Column("risk_causes", postgresql.ARRAY(RISK_CAUSE), server_default=sa.text("'{}'"), nullable=False),
        sa.Column(
            "status",
            postgresql.ENUM(name="declaration_status", schema="monitoring", create_type=False),
            nullable=False,
        ),
        sa.Column("household_id", sa.Uuid(), nullable=True),
        sa.Column("alert_id", sa.Uuid(), nullable=True),
        sa.Column("dismissal_reason", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "(status = 'alerted' AND alert_id IS NOT NULL AND household_id IS NOT NULL) "
            "OR (status = 'waiting' AND alert_id IS NULL AND household_id IS NULL) "
            "OR (status = 'dismissed' AND alert_id IS NULL AND dismissal_reason IS NOT NULL)",
            name=op.f("ck_self_declarations_status_matches_links"),
        ),
        sa.CheckConstraint(
            "char_length(account) BETWEEN 1 AND 2000", name=op.f("ck_self_declarations_account_bounded")
        ),
        sa.CheckConstraint(
            "left(village_code, 9) = town_code", name=op.f("ck_self_declarations_village_in_town")
        ),
        sa.ForeignKeyConstraint(
            ["alert_id"],
            ["monitoring.alerts.id"],
            name=op.f("fk_self_declarations_alert_id_alerts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["monitoring.households.id"],
            name=op.f("fk_self_declarations_household_id_households"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_declarations")),
        sa.UniqueConstraint("alert_id", name=op.f("uq_self_declarations_alert_id")),
        sa.UniqueConstraint("tracking_code", name=op.f("uq_self_declarations_tracking_code")),
        schema="monitoring",
    )
    op.create_index(
        op.f("ix_self_declarations_updated_at_id"),
        "self_declarations",
        ["updated_at", "id"],
        unique=False,
        schema="monitoring",
    )
    op.create_index(
        op.f("ix_self_declarations_village_code_status"),
        "self_declarations",
        ["village_code", "status"],
        unique=False,
        schema="monitoring",
    )
    op.create_table(
        "policy_explanations",
        sa.Column("visit_id", sa.Uuid(), nullable=False),
        sa.Column("policy_id", sa.Uuid(), nullable=False),
        sa.Column("already_known", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["policy_id"],
            ["monitoring.policies.id"],
            name=op.f("fk_policy_explanations_policy_id_policies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["monitoring.visits.id"],
            name=op.f("fk_policy_explanations_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("visit_id", "policy_id", name=op.f("pk_policy_explanations")),
        schema="monitoring",
    )
    op.create_index(
        op.f("ix_policy_explanations_policy_id"),
        "policy_explanations",
        ["policy_id"],
        unique=False,
        schema="monitoring",
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_policy_explanations_policy_id"), table_name="policy_explanations", schema="monitoring")
    op.drop_table("policy_explanations", schema="monitoring")
    op.drop_index(
        op.f("ix_self_declarations_village_code_status"), table_name="self_declarations", schema="monitoring"
    )
    op.drop_index(op.f("ix_self_declarations_updated_at_id"), table_name="self_declarations", schema="monitoring")
    op.drop_table("self_declarations", schema="monitoring")
    DECLARATION_STATUS.drop(op.get_bind())
    op.drop_index(
        op.f("ix_public_rate_counters_window_start"), table_name="public_rate_counters", schema="monitoring"
    )
    op.drop_table("public_rate_counters", schema="monitoring")
