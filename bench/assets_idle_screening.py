"""How long do the idle-asset screening and the ledger reports take as the ledger grows?

Starts its own embedded PostgreSQL, migrates the assets schema, generates N operating assets in
operation across the 16 towns (a third idle, a third weak photovoltaic stations, a third healthy,
each of the last two with 12 monthly records), then times: the first screening (flags a third of
the ledger each for two rules), a second screening (nothing changes), and the four reports.
Usage: python bench/assets_idle_screening.py [N]   (default 30,000 assets = 240,000 monthly rows)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from services.assets.idle import repository as idle
from services.assets.reports import repository as reports
from services.assets.settings import AssetsSettings
from shared.db import Database, create_engine
from shared.migrations import upgrade
from xianjie.components import by_name
from xianjie.devstack import EmbeddedPostgres

TOWNS = [f"4190011{n:02d}" for n in range(16)]

GENERATE = [
    """
    INSERT INTO assets.assets (id, name, kind, category, town_code, village_code, value, formed_on,
                               owner_kind, status, version)
    SELECT gen_random_uuid(), '资产' || i, 'operating', (ARRAY['冷库', '光伏电站', '厂房'])[1 + i % 3],
           t.town, t.town || lpad((200 + i % 20)::text, 3, '0'), 100000 + (i % 1000) * 100,
           DATE '2024-06-01', 'village_collective', 'in_operation', 1
    FROM generate_series(1, :n) i
    CROSS JOIN LATERAL (SELECT (CAST(:towns AS text[]))[1 + i % 16] AS town) t
    """,
    """
    INSERT INTO assets.pv_stations (asset_id, capacity_kw, version)
    SELECT id, 100, 1 FROM assets.assets WHERE category = '光伏电站'
    """,
    """
    INSERT INTO assets.monthly_operations (id, asset_id, month, revenue, generation_kwh, utilisation, actor)
    SELECT gen_random_uuid(), a.id, m::date,
           CASE WHEN a.category = '光伏电站' THEN 1200 ELSE 8000 END,
           CASE WHEN a.category = '光伏电站' THEN 3000 END,
           CASE WHEN a.category = '光伏电站' THEN NULL ELSE 0.9 END, 'bench'
    FROM assets.assets a
    CROSS JOIN generate_series(DATE '2025-01-01', DATE '2025-12-01', INTERVAL '1 month') m
    WHERE a.category <> '冷库'
    """,
    "ANALYZE assets.assets; ANALYZE assets.monthly_operations; ANALYZE assets.pv_stations",
]


async def timed(label: str, action: Callable[[], Awaitable[Any]]) -> Any:
    started = time.perf_counter()
    result = await action()
    print(f"{label:<44} {1000 * (time.perf_counter() - started):9.1f} ms   {result}")
    return result


async def run(total: int, database_url: str) -> None:
    db = Database(create_engine(database_url))
    settings = AssetsSettings(database_url=database_url)
    started = time.perf_counter()
    async with db.transaction() as session:
        for statement in GENERATE:
            for part in statement.split(";"):
                if part.strip():
                    await session.execute(text(part), {"n": total, "towns": TOWNS})
    async with db.sessions() as session:
        months = await session.scalar(text("SELECT count(*) FROM assets.monthly_operations"))
    print(
        f"assets: {total:,}   monthly records: {months:,}   "
        f"generated in {time.perf_counter() - started:.1f} s"
    )

    async def screening() -> tuple[int, int, int]:
        async with db.transaction() as session:
            return await idle.screen(session, as_of=date(2026, 1, 10), prefix="", settings=settings)

    async def one_town() -> tuple[int, int, int]:
        async with db.transaction() as session:
            return await idle.screen(session, as_of=date(2026, 1, 10), prefix=TOWNS[0], settings=settings)

    async def report(query: Callable[..., Awaitable[Any]], *args: Any) -> int:
        async with db.sessions() as session:
            return len(await query(session, *args))

    await timed("screening, whole district (first run)", screening)
    await timed("screening, whole district (again, no change)", screening)
    await timed("screening, one town", one_town)
    await timed("report: assets by town/kind/status", lambda: report(reports.by_kind_status_town, None))
    await timed("report: value formed per year", lambda: report(reports.value_by_year, None))
    await timed(
        "report: revenue and distribution 2025", lambda: report(reports.revenue_and_distribution, None, 2025)
    )
    await timed("report: idle list (rows)", lambda: report(reports.idle_list, None))
    await timed("report: idle list, one town (rows)", lambda: report(reports.idle_list, TOWNS[0]))
    await db.dispose()


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 30_000
    with tempfile.TemporaryDirectory(prefix="xj-bench-") as tmp:
        postgres = EmbeddedPostgres(Path(tmp) / "pg")
        database_url = postgres.start()
        try:
            assets = by_name("assets")
            upgrade(assets.migrations, assets.schema, database_url)
            asyncio.run(run(total, database_url))
        finally:
            postgres.stop()


if __name__ == "__main__":
    main()
