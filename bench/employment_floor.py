"""How fast are the employed count, its monthly series and the monthly bulk update?

Starts its own embedded PostgreSQL, migrates the employment schema, generates N workers in 16
towns with 12 months of spell history (starts spread over the year, a fifth of the jobs ended,
half of those followed by a new job), then times:

- the count at a date (district total; by town and place) and the 12-month series, read from the
  change-point table the spell trigger maintains — against a direct scan of spells for reference;
- a monthly bulk update of N rows (parse + stage + set-based apply), then the same file again.

Usage: python bench/employment_floor.py [N]   (default 20 000; the issue's size is 100 000)
"""

from __future__ import annotations

import asyncio
import csv
import io
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

from services.employment.floor import repository as floor
from services.employment.spells import repository as spells
from services.employment.spells.service import COLUMNS, parse_row
from shared.db import Database, create_engine
from shared.migrations import upgrade
from shared.tabular import read_rows
from xianjie.components import by_name
from xianjie.devstack import EmbeddedPostgres

TODAY = date.today()
YEAR_AGO = TODAY - timedelta(days=365)

_WORKERS = text("""
    INSERT INTO employment.workers
        (id, household_id, member_id, town_code, village_code, status, version)
    SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), t.code, t.code || '201', 'unemployed', 1
    FROM generate_series(1, :n) i
    JOIN (SELECT code, row_number() OVER () - 1 AS k FROM unnest(CAST(:towns AS text[])) code) t
        ON t.k = i % 16
""")
# Year-long history: first jobs start over the past year; 20 % ended; half of those took a new job.
_HISTORY = text("""
    WITH w AS (SELECT id, town_code, random() AS r, (CAST(:year_ago AS date) + (random() * 300)::int) AS s
               FROM employment.workers)
    INSERT INTO employment.spells
        (id, worker_id, town_code, employer, place, monthly_wage, started_on, ended_on)
    SELECT gen_random_uuid(), id, town_code, '企业' || (r * 500)::int,
           (ARRAY['in_county', 'in_province', 'out_of_province'])[1 + (r * 1000)::int % 3]
               ::employment.work_place,
           2500 + (r * 3000)::int, s,
           CASE WHEN r < 0.2 THEN least(s + 30 + (r * 100)::int, :last_end) END
    FROM w
    UNION ALL
    SELECT gen_random_uuid(), id, town_code, '新企业', 'in_county', 3000,
           least(s + 40 + (r * 100)::int, :last_end) + 1, NULL
    FROM w WHERE r < 0.1
""")
_SNAPSHOT = text("""
    UPDATE employment.workers w SET status = 'employed', place = s.place, employer = s.employer,
        employed_since = s.started_on
    FROM employment.spells s WHERE s.worker_id = w.id AND s.ended_on IS NULL
""")
_SCAN = text("""
    SELECT count(*) FROM employment.spells
    WHERE is_main AND started_on <= :d AND (ended_on IS NULL OR ended_on >= :d)
""")


def timed_ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.2f} ms (min {min(samples) * 1000:.2f})"


async def run(n: int, database_url: str) -> None:
    db = Database(create_engine(database_url))
    towns = [f"4190011{i:02d}" for i in range(16)]
    started = time.perf_counter()
    async with db.transaction() as session:
        await session.execute(_WORKERS, {"n": n, "towns": towns})
        await session.execute(_HISTORY, {"year_ago": YEAR_AGO, "last_end": TODAY - timedelta(days=2)})
        await session.execute(_SNAPSHOT)
    async with db.engine.connect() as conn:
        await conn.execute(text("ANALYZE employment.spells"))
        points = await conn.scalar(text("SELECT count(*) FROM employment.employment_changes"))
        n_spells = await conn.scalar(text("SELECT count(*) FROM employment.spells"))
    print(
        f"workers: {n:,}; spells: {n_spells:,}; change points: {points:,}; "
        f"generated (trigger included) in {time.perf_counter() - started:.1f} s"
    )

    async def measure(label: str, call, repeat: int = 30) -> object:  # type: ignore[no-untyped-def]
        samples = []
        result = None
        for _ in range(repeat):
            async with db.sessions() as session:
                t0 = time.perf_counter()
                result = await call(session)
                samples.append(time.perf_counter() - t0)
        print(f"{label}: {timed_ms(samples)}")
        return result

    mid = TODAY - timedelta(days=120)
    total = await measure("count at a date (district)", lambda s: floor.total_at(s, mid))
    await measure("count at a date by town and place", lambda s: floor.counts_at(s, mid, None))
    await measure(
        "12-month series by place",
        lambda s: floor.monthly_series(s, YEAR_AGO.replace(day=1), TODAY.replace(day=1), TODAY, None),
    )
    scanned = await measure(
        "reference: the same count by scanning spells", lambda s: s.scalar(_SCAN, {"d": mid}), repeat=5
    )
    assert total == scanned, (total, scanned)

    # Monthly update: everyone's current state, 5 % of them changing job and 5 % losing it.
    async with db.engine.connect() as conn:
        rows = (
            await conn.execute(
                text(
                    "SELECT w.id, s.employer, s.place, s.monthly_wage, s.started_on"
                    " FROM employment.workers w LEFT JOIN employment.spells s"
                    " ON s.worker_id = w.id AND s.ended_on IS NULL ORDER BY w.id"
                )
            )
        ).all()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            COLUMNS[c]
            for c in ("worker_id", "status", "employer", "place", "started_on", "ended_on", "monthly_wage")
        ]
    )
    for i, (worker_id, employer, place, wage, started_on) in enumerate(rows):
        if employer is None:
            writer.writerow([worker_id, "未就业", "", "", "", (TODAY - timedelta(days=3)).isoformat(), ""])
        elif i % 20 == 0:
            writer.writerow([worker_id, "未就业", "", "", "", (TODAY - timedelta(days=1)).isoformat(), ""])
        elif i % 20 == 1:
            writer.writerow([worker_id, "务工", "换岗企业", "省外", TODAY.isoformat(), "", "4800.00"])
        else:
            writer.writerow([worker_id, "务工", employer, place, started_on.isoformat(), "", f"{wage:.2f}"])
    content = buffer.getvalue().encode()
    print(f"monthly update file: {len(rows):,} rows, {len(content) / 1e6:.1f} MB CSV")
    for attempt in ("first import", "same file again"):
        t0 = time.perf_counter()
        records = [(r.number, *parse_row(r.values, TODAY)) for r in read_rows(content, "u.csv")]
        parsed = time.perf_counter() - t0
        async with db.transaction() as session:
            outcome, lost = await spells.apply_updates(
                session,
                records,
                scope="%",
                collected_on=TODAY,
                audit={"actor": "bench", "role": "district_admin", "request_id": None},
                reasons={"lost": "动态采集：未就业", "changed": "更换工作"},
            )
        total_s = time.perf_counter() - t0
        changed = sum(1 for _, _, a in outcome if a in spells.CHANGED)
        print(
            f"{attempt}: {total_s:.2f} s (parse {parsed:.2f} s, database {total_s - parsed:.2f} s); "
            f"changed {changed:,}, job losses {len(lost):,}"
        )
    async with db.sessions() as session:
        print(
            f"employed today after the update: {await floor.total_at(session, TODAY):,} "
            f"(scan: {await session.scalar(_SCAN, {'d': TODAY}):,})"
        )
    await db.dispose()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory(prefix="xj-bench-") as tmp:
        postgres = EmbeddedPostgres(Path(tmp) / "pg")
        database_url = postgres.start()
        try:
            employment = by_name("employment")
            upgrade(employment.migrations, employment.schema, database_url)
            asyncio.run(run(n, database_url))
        finally:
            postgres.stop()


if __name__ == "__main__":
    main()
