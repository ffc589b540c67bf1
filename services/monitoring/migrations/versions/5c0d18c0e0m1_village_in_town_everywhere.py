"""Every table with both ``town_code`` and ``village_code`` ties them: ``CHECK (left(village_code, 9) =
town_code)``, named ``village_in_town`` like the tables that had it
already (``village_code IS NULL OR …`` where a row may have no village: ``projected_funds_projects``).

A town official's scope is checked through ``town_code`` and a village's through ``village_code``; a
row whose town disagrees with its village was visible to, and writable by, the wrong town. The
services copy both codes from one source (the household, the worker, the asset, the event), so no
existing row should disagree. If one does, the upgrade stops before adding anything and says which
table and how many rows (a bare check violation would name neither the count nor the way out): the
rows are to be corrected by hand — which of the two codes is right only a person can tell — and the
upgrade run again.

Revision ID: 5c0d18c0e0m1
Revises: 5c0d18s0e0m1
Create Date: 2026-12-01 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5c0d18c0e0m1"
down_revision: str | None = "5c0d18s0e0m1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "monitoring"
STRICT = "left(village_code, 9) = town_code"
OPTIONAL = f"village_code IS NULL OR {STRICT}"
# table -> the condition (the village is optional only where the column is nullable)
TABLES: dict[str, str] = {
    "alerts": STRICT,
    "visits": STRICT,
    "assistance_plans": STRICT,
    "identification_overdue": STRICT,
    "long_running_decisions": STRICT,
    "risk_resolutions": STRICT,
    "objections": STRICT,
    "coverage_gaps": STRICT,
    "renovation_cases": STRICT,
    "water_checks": STRICT,
    "projected_funds_projects": OPTIONAL,
    "dropout_cases": STRICT,
    "student_aids": STRICT,
    "vocational_students": STRICT,
    "member_insurances": STRICT,
    "medical_expenses": STRICT,
}


def upgrade() -> None:
    connection = op.get_bind()
    disagreeing: dict[str, int] = {}
    for table, condition in TABLES.items():
        # Constant names and conditions only (TABLES above).
        statement = f"SELECT count(*) FROM {SCHEMA}.{table} WHERE NOT ({condition})"  # noqa: S608
        if count := connection.scalar(sa.text(statement)):
            disagreeing[f"{SCHEMA}.{table}"] = count
    if disagreeing:
        listed = ", ".join(f"{table}: {count}" for table, count in disagreeing.items())
        raise RuntimeError(
            "以下表中有行的乡镇代码（town_code）不是其村代码（village_code）的前 9 位，"
            f"请先人工更正这些行再升级（{listed}）。 Rows whose town_code is not the first 9 digits of"
            f" their village_code; correct them by hand, then upgrade again ({listed})."
        )
    for table, condition in TABLES.items():
        op.create_check_constraint(op.f(f"ck_{table}_village_in_town"), table, condition, schema=SCHEMA)


def downgrade() -> None:
    for table in TABLES:
        op.drop_constraint(op.f(f"ck_{table}_village_in_town"), table, schema=SCHEMA, type_="check")
