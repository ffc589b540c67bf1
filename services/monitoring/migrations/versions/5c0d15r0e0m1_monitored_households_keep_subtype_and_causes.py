"""The CHECK the model has always declared and no migration created (issue 18, found by
tests/kit/test_guards_migrated.py): a household monitored now or before (included, risk
eliminated, safety net) keeps its category, risk causes and inclusion date.

Added NOT VALID, then validated only when no row breaks it: new writes are held at once, and a
database that somehow holds such a household from before keeps working (the migration says so)
rather than failing to upgrade; `VALIDATE CONSTRAINT` once it is put right.

Revision ID: 5c0d15r0e0m1
Revises: 5c0d15b0e0m1
Create Date: 2026-11-30 17:10:00
"""
from collections.abc import Sequence

from alembic import op


revision: str = "5c0d15r0e0m1"
down_revision: str | None = "5c0d15b0e0m1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONDITION = (
    "status NOT IN ('included', 'risk_eliminated', 'safety_net') "
    "OR (subtype IS NOT NULL AND included_on IS NOT NULL AND cardinality(risk_causes) > 0)"
)


def upgrade() -> None:
    op.execute(
        "ALTER TABLE monitoring.households ADD CONSTRAINT ck_households_monitored_has_subtype_and_causes "
        f"CHECK ({CONDITION}) NOT VALID"
    )
    op.execute(
        f"""
        DO $$
        BEGIN
            IF EXISTS (SELECT 1 FROM monitoring.households WHERE NOT ({CONDITION})) THEN
                RAISE NOTICE 'monitored households without category, causes or inclusion date: '
                    'ck_households_monitored_has_subtype_and_causes left NOT VALID';
            ELSE
                ALTER TABLE monitoring.households
                    VALIDATE CONSTRAINT ck_households_monitored_has_subtype_and_causes;
            END IF;
        END $$
        """
    )


def downgrade() -> None:
    op.execute(
        "ALTER TABLE monitoring.households DROP CONSTRAINT ck_households_monitored_has_subtype_and_causes"
    )
