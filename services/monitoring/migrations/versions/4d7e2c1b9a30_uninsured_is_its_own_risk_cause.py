"""uninsured is its own risk cause, not 因病

Revision ID: 4d7e2c1b9a30
Revises: 6f2a2da85c61
Create Date: 2026-11-30 13:40:00.000000

Screening filed a member without basic medical insurance as 因病 (illness); it is a gap in the
three guarantees (三保障), like an unsafe house, and may concern a healthy household. The new cause
``medical_insurance`` takes it; the catalogue's 分类资助参保 (insurance subsidy) addresses it, so
suggestions for such a household still find that policy. Alerts already raised keep the causes they
were raised with (they record what was decided then).

The enum type is recreated rather than extended: a value added with ``ALTER TYPE ... ADD VALUE``
cannot be used in the transaction that adds it, and the policy must be tagged in this one.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "4d7e2c1b9a30"
down_revision: str | None = "6f2a2da85c61"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = [
    "illness",
    "disability",
    "schooling",
    "disaster",
    "accident",
    "business_failure",
    "unstable_work",
    "lack_of_labour",
    "housing",
    "drinking_water",
    "other",
]
AFTER = [*BEFORE[:-1], "medical_insurance", "other"]
# (table, whether its column defaults to an empty array)
COLUMNS = [("households", True), ("alerts", True), ("visits", True), ("policies", False)]


def _recreate(values: list[str]) -> None:
    labels = ", ".join(f"'{v}'" for v in values)
    op.execute("ALTER TYPE monitoring.risk_cause RENAME TO risk_cause_old")
    op.execute(f"CREATE TYPE monitoring.risk_cause AS ENUM ({labels})")
    for table, defaulted in COLUMNS:
        column = f"monitoring.{table}"
        if defaulted:
            op.execute(f"ALTER TABLE {column} ALTER COLUMN risk_causes DROP DEFAULT")
        op.execute(
            f"ALTER TABLE {column} ALTER COLUMN risk_causes TYPE monitoring.risk_cause[] "
            "USING risk_causes::text[]::monitoring.risk_cause[]"
        )
        if defaulted:
            op.execute(f"ALTER TABLE {column} ALTER COLUMN risk_causes SET DEFAULT '{{}}'")
    op.execute("DROP TYPE monitoring.risk_cause_old")


def upgrade() -> None:
    _recreate(AFTER)
    op.execute(
        "UPDATE monitoring.policies SET risk_causes = array_append(risk_causes, 'medical_insurance'), "
        "version = version + 1 "
        "WHERE code = 'insurance_subsidy' AND NOT 'medical_insurance' = ANY(risk_causes)"
    )


def downgrade() -> None:
    # Rows naming the new cause name 因病 again, as the earlier code did.
    for table, _ in COLUMNS:
        op.execute(
            f"UPDATE monitoring.{table} SET risk_causes = array_replace(risk_causes, 'medical_insurance', 'illness')"
        )
    _recreate(BEFORE)
