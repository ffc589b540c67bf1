"""The lacking-developmental report at district and provincial scale.

Starts its own embedded PostgreSQL, runs the monitoring migrations, fills households and members the
way ``monitoring_scale.py`` does (3 members each: 普通, 弱, 技能 labour; a third 脱贫户, a tenth
monitored), gives every 脱贫户 and monitored household this year's plan with a current developmental
measure for two of its three people, then times the report's query (people lacking measures and
village subtotals, one statement) for the district and for one town.

Usage: PYTHONPATH=. python bench/monitoring_developmental.py [--households 100000,1000000]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from shared import clock

sys.path.insert(0, str(Path(__file__).parent))

from monitoring_scale import top_up  # a sibling script, not a package

from services.monitoring.dates import years_before
from services.monitoring.reports import repository as reports
from shared.db import Database, create_engine
from shared.divisions import DivisionRegistry
from shared.migrations import upgrade
from xianjie.components import by_name
from xianjie.devstack import EmbeddedPostgres

PLANS = """
    INSERT INTO monitoring.assistance_plans (id, household_id, town_code, village_code, year, goal, version)
    SELECT gen_random_uuid(), h.id, h.town_code, h.village_code, :year, 'bench', 1
    FROM monitoring.households h
    WHERE (h.kind = 'lifted_out' OR h.status = 'included')
      AND NOT EXISTS (SELECT 1 FROM monitoring.assistance_plans p
                      WHERE p.household_id = h.id AND p.year = :year)
"""
# Two of each household's three people get a current developmental measure (the 技能 one does not).
MEASURES = """
    INSERT INTO monitoring.measures
        (id, plan_id, household_id, kind, description, owner, starts_on, ends_on, member_id)
    SELECT gen_random_uuid(), p.id, p.household_id, 'developmental', 'bench', 'bench',
           make_date(:year, 1, 1), make_date(:year, 12, 31), m.id
    FROM monitoring.assistance_plans p
    JOIN monitoring.members m ON m.household_id = p.household_id AND m.labour <> 'skilled'
    WHERE p.year = :year AND NOT EXISTS (SELECT 1 FROM monitoring.measures x WHERE x.plan_id = p.id)
"""


async def plans_and_measures(db: Database) -> None:
    started = time.perf_counter()
    year = clock.today().year
    async with db.transaction() as session:
        await session.execute(text(PLANS), {"year": year})
        await session.execute(text(MEASURES), {"year": year})
    async with db.engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("VACUUM ANALYZE monitoring.assistance_plans"))
        await conn.execute(text("VACUUM ANALYZE monitoring.measures"))
        measures = int(await conn.scalar(text("SELECT count(*) FROM monitoring.measures")) or 0)
    print(f"  plans and {measures:,} person-level measures with SQL in {time.perf_counter() - started:.1f} s")


async def report(db: Database, label: str, town: str | None) -> None:
    today = clock.today()
    born_after, born_by = years_before(today, 60), years_before(today, 16)
    scope = {"prefix": None, "town": town}
    async with db.transaction() as session:
        started = time.perf_counter()
        rows = await reports.lacking_developmental(session, today, born_after, born_by, 1, **scope)
        took = time.perf_counter() - started
    villages = [r for r in rows if r["row_type"] == "village_total"]
    print(
        f"  lacking-developmental, {label}: {took:.2f} s, {len(rows) - len(villages):,} people lacking of "
        f"{sum(v['people'] for v in villages):,} owed, {len(villages):,} villages"
    )


async def run(sizes: list[int], database_url: str) -> None:
    db = Database(create_engine(database_url, pool_size=2))
    registry = DivisionRegistry.load()
    villages = sorted(d.code for d in registry.by_code.values() if len(d.code) == 12)
    for size in sizes:
        print(f"\n== {size:,} households ==")
        await top_up(db, size, villages)
        await plans_and_measures(db)
        await report(db, "district", None)
        await report(db, "one town", villages[0][:9])
    await db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--households", default="100000", help="comma-separated sizes, e.g. 100000,1000000")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.households.split(","))
    with tempfile.TemporaryDirectory(prefix="xj-bench-developmental-") as tmp:
        postgres = EmbeddedPostgres(Path(tmp) / "pg")
        database_url = postgres.start()
        try:
            monitoring = by_name("monitoring")
            upgrade(monitoring.migrations, monitoring.schema, database_url)
            asyncio.run(run(sizes, database_url))
        finally:
            postgres.stop()


if __name__ == "__main__":
    main()
