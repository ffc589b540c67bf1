"""Monitoring at provincial scale: bulk import, system screening and filtered list pages.

Starts its own embedded PostgreSQL, runs the monitoring migrations, then for each size:

1. imports ``--import-rows`` ledger rows through the service's import path (ID numbers hashed and
   encrypted in Python, COPY into a staging table, one INSERT ... SELECT) and prints rows/s;
2. tops the tables up to the size with set-based SQL (3 members per household, 2025 incomes,
   a mix of statuses, risk causes, helpers and unsafe houses);
3. times one full screening pass (the service's single statement, alerts and their outbox events);
4. times list pages (the service's own queries, at the database, 200 runs each) and prints p50/p95;
5. times the helper-coverage report (helpers checked against the projection of gateway accounts)
   and the data migration that announces every existing household and member once.

Usage: python bench/monitoring_scale.py [--households 100000,1000000] [--import-rows 50000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import event, text

from services.monitoring.alerts import repository as alerts
from services.monitoring.households import repository as households
from services.monitoring.households.id_numbers import check_char, mask, vault_for
from services.monitoring.households.service import announce_imported
from services.monitoring.models import Household, HouseholdStatus, RiskCause
from services.monitoring.reports import repository as reports
from shared.auth import Principal, Role
from shared.db import Database, create_engine
from shared.divisions import DivisionRegistry
from shared.events.outbox import ordered_uuids
from shared.migrations import alembic_config, upgrade
from shared.pagination import keyset_page
from xianjie.components import by_name
from xianjie.devstack import EmbeddedPostgres

VAULT = vault_for("bench-only-id-number-key")
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
    "余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = "建国华明军平志伟秀英丽红兰芳玉梅桂春海林东波勇强刚辉军山水河福贵生富有安庆德成文武发兴旺"


def name_of(serial: int) -> str:
    """Plausible, mostly distinct three-character names (as the search sees real ones)."""
    s, g = len(SURNAMES), len(GIVEN)
    return SURNAMES[serial % s] + GIVEN[serial // s % g] + GIVEN[serial // (s * g) % g]


def ledger_records(count: int, villages: list[str], offset: int) -> list[households.ImportRecord]:
    records = []
    ids = ordered_uuids(2 * count)
    for n in range(count):
        serial = offset + n
        birth = date(1950, 1, 1) + timedelta(days=serial % 20000)
        first17 = f"41{serial // 1000 % 10000:04d}{birth:%Y%m%d}{serial % 1000:03d}"
        number = first17 + check_char(first17)
        village = villages[serial % len(villages)]
        records.append(
            households.ImportRecord(
                n + 2,
                village[:9],
                village,
                f"户主{serial}",
                f"第{serial % 12}组",
                "lifted_out",
                3,
                VAULT.digest(number),
                VAULT.seal(number),
                mask(number),
                birth,
                "healthy",
                "ordinary",
                "not_applicable",
                True,
                VAULT.digest(number).hex(),  # stands in for the match hash
                ids[2 * n],
                ids[2 * n + 1],
            )
        )
    return records


async def bulk_import(db: Database, rows: int, villages: list[str], offset: int) -> None:
    started = time.perf_counter()
    records = ledger_records(rows, villages, offset)
    prepared = time.perf_counter() - started
    started = time.perf_counter()
    async with db.transaction() as session:
        outcome = await households.import_households(session, records)
        inserted = time.perf_counter() - started
        # The same transaction announces them (registered, household.changed, member.changed).
        await announce_imported(session)
    loaded = time.perf_counter() - started
    accepted = sum(1 for result in outcome.values() if result.status == "accepted")
    print(
        f"  import of {rows:,} ledger rows: validate+hash+encrypt {rows / prepared:,.0f} rows/s; "
        f"COPY + set-based insert + 3 events a row {rows / loaded:,.0f} rows/s ({accepted:,} households, "
        f"{loaded:.2f} s, of which events {loaded - inserted:.2f} s); "
        f"end to end {rows / (prepared + loaded):,.0f} rows/s"
    )


async def top_up(db: Database, total: int, villages: list[str]) -> None:
    started = time.perf_counter()
    async with db.transaction() as session:
        have = await session.scalar(text("SELECT count(*) FROM monitoring.households"))
        missing = total - int(have or 0)
        if missing > 0:
            await session.execute(
                text("""
            INSERT INTO monitoring.households
                (id, town_code, village_code, head_name, address, kind, member_count, helper_user_id, status,
                 subtype, risk_causes, housing_safe, water_safe, included_on, case_started_on, version)
            SELECT gen_random_uuid(), left(v.code, 9), v.code,
                   substr(:surnames, 1 + g % :s, 1) || substr(:given, 1 + g / :s % :g, 1)
                       || substr(:given, 1 + g / (:s * :g) % :g, 1),
                   '第' || (g % 12) || '组',
                   (ARRAY['lifted_out','low_income','ordinary'])[1 + g % 3]::monitoring.household_kind,
                   3, CASE WHEN g % 3 = 0 THEN 'helper-' || (g % 5000) END,
                   CASE WHEN g % 10 = 0 THEN 'included' ELSE 'not_monitored' END::monitoring.household_status,
                   -- the category fits the identity: 脱贫不稳定户 for 脱贫户 only
                   CASE WHEN g % 10 = 0 THEN (CASE WHEN g % 3 = 0 THEN 'unstable' ELSE 'marginal' END)
                        ::monitoring.household_subtype END,
                   CASE WHEN g % 10 = 0 THEN ARRAY[(ARRAY['illness','disability','schooling','unstable_work'])
                        [1 + g % 4]]::monitoring.risk_cause[] ELSE '{}' END,
                   g % 97 <> 0, g % 89 <> 0,
                   CASE WHEN g % 10 = 0 THEN DATE '2024-01-01' + (g % 600) END,
                   CASE WHEN g % 10 = 0 THEN DATE '2023-12-01' + (g % 600) END, 1
            FROM generate_series(1, :missing) AS g
            JOIN LATERAL (SELECT code FROM unnest(CAST(:villages AS text[])) WITH ORDINALITY AS u(code, i)
                          WHERE i = 1 + g % cardinality(CAST(:villages AS text[]))) v ON true
            """),
                {
                    "missing": missing,
                    "villages": villages,
                    "surnames": SURNAMES,
                    "given": GIVEN,
                    "s": len(SURNAMES),
                    "g": len(GIVEN),
                },
            )
        # Three members each (the import gave its households their head already).
        await session.execute(
            text("""
            INSERT INTO monitoring.members
                (id, household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date,
                 relation,
                 health, labour, schooling, medical_insured, version)
            SELECT gen_random_uuid(), h.id, '成员', sha256(convert_to(h.id::text || r, 'UTF8')), '\\x00',
                   '419001********0000', DATE '1950-01-01' + (abs(hashtext(h.id::text || r)) % 25000),
                   (ARRAY['head','spouse','child'])[r]::monitoring.member_relation, 'healthy',
                   (ARRAY['ordinary','weak','skilled'])[r]::monitoring.labour_capacity,
                   CASE WHEN abs(hashtext(h.id::text)) % 500 = 0 AND r = 3 THEN 'out_of_school'
                        ELSE 'not_applicable' END::monitoring.schooling_status,
                   abs(hashtext(h.id::text || r)) % 300 <> 0, 1
            FROM monitoring.households h CROSS JOIN generate_series(1, 3) AS r
            WHERE NOT EXISTS (SELECT 1 FROM monitoring.members m WHERE m.household_id = h.id)
            """)
        )
        # The gateway's accounts as monitoring projects them: the bench's helpers, one in ten inactive.
        await session.execute(
            text("""
            INSERT INTO monitoring.projected_users (user_id, role, division_code, active, version)
            SELECT 'helper-' || n, 'helper', NULL, n % 10 <> 0, 1 FROM generate_series(0, 4999) AS n
            ON CONFLICT DO NOTHING
            """)
        )
        await session.execute(
            text("""
            INSERT INTO monitoring.incomes
                (id, household_id, year, wages, business, property, transfers, business_costs, rigid_expenses,
                 version)
            SELECT gen_random_uuid(), h.id, 2025,
                   CASE WHEN abs(hashtext(h.id::text)) % 40 = 0 THEN 9000
                        ELSE 24000 + abs(hashtext(h.id::text)) % 60000 END, 3000, 200, 1500,
                   1000, (abs(hashtext(h.id::text)) % 7) * 1000, 1
            FROM monitoring.households h
            WHERE NOT EXISTS (
                SELECT 1 FROM monitoring.incomes i WHERE i.household_id = h.id AND i.year = 2025)
            """)
        )
    async with db.engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("VACUUM ANALYZE monitoring.households"))
        await conn.execute(text("VACUUM ANALYZE monitoring.members"))
        await conn.execute(text("VACUUM ANALYZE monitoring.incomes"))
        await conn.execute(text("VACUUM ANALYZE monitoring.alerts"))
    print(
        f"  generated up to {total:,} households / {3 * total:,} members with SQL in "
        f"{time.perf_counter() - started:.1f} s"
    )


async def screening(db: Database) -> None:
    """The service's screening beside its own statement run bare (the same SQL and parameters sent
    straight through asyncpg, no SQLAlchemy): each in a transaction rolled back, so both raise the
    same alerts; then once for real, and once again with nothing new to raise."""
    today = date.today()
    arguments: dict[str, Any] = {
        "year": 2025,
        "line": Decimal("8600.00"),
        "school_born_after": today.replace(year=today.year - 16),
        "school_born_by": today.replace(year=today.year - 6),
        "division_prefix": None,
        "medical_share": Decimal("0.4"),  # the setting's default
    }
    captured: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if "INSERT INTO" in statement and "outbox" in statement:
            captured.append((statement, parameters))

    async def service_run() -> tuple[float, int]:
        async with db.sessions() as session, session.begin():
            started = time.perf_counter()
            raised = await alerts.screen(session, **arguments)
            took = time.perf_counter() - started
            await session.rollback()
        return took, raised

    async def bare_run(statement: str, parameters: Any) -> float:
        async with db.sessions() as session, session.begin():
            raw = await (await session.connection()).get_raw_connection()
            started = time.perf_counter()
            await raw.driver_connection.execute(statement, *parameters)  # type: ignore[union-attr]
            took = time.perf_counter() - started
            await session.rollback()
        return took

    # A first service run warms the caches and captures the statement; then bare, service, bare:
    # the figure is the warm service run, the reference the faster of the two bare runs around it.
    event.listen(db.engine.sync_engine, "before_cursor_execute", capture)
    await service_run()
    event.remove(db.engine.sync_engine, "before_cursor_execute", capture)
    statement, parameters = captured[-1]
    bare_before = await bare_run(statement, parameters)
    service_took, raised = await service_run()
    bare_took = min(bare_before, await bare_run(statement, parameters))
    print(
        f"  screening (every household, one statement, alerts + outbox events): {service_took:.2f} s, "
        f"{raised:,} raised; the same statement bare {bare_took:.2f} s"
    )
    emit_row(
        "monitoring.screening",
        service_took,
        bare_took,
        1.5,
        "s",
        f"alerts.screen over every household ({raised:,} raised) vs its own SQL sent bare through asyncpg; "
        "goal: within 1.5x",
    )
    async with db.transaction() as session:
        await alerts.screen(session, **arguments)
    started = time.perf_counter()
    async with db.transaction() as session:
        again = await alerts.screen(session, **arguments)
    print(
        f"  screening again (nothing new to raise): {time.perf_counter() - started:.2f} s, {again:,} raised"
    )


def emit_row(name: str, figure: float, reference: float | None, goal: Any, unit: str, note: str) -> None:
    """One JSON line (name, figure, reference, ratio, goal) for the bench runner."""
    row = {
        "name": name,
        "figure": round(figure, 3),
        "reference": round(reference, 3) if reference is not None else None,
        "ratio": round(figure / reference, 3) if reference else None,
        "goal": goal,
        "unit": unit,
        "note": note,
    }
    print(
        json.dumps(row, ensure_ascii=False), file=sys.stderr if os.environ.get("BENCH_TEXT") else sys.stdout
    )


async def list_queries(db: Database, towns: list[str], runs: int, total: int = 0) -> None:
    async with db.transaction() as session:
        since = await session.scalar(
            text(
                "SELECT percentile_disc(0.999) WITHIN GROUP (ORDER BY updated_at) FROM monitoring.households"
            )
        )
    admin = Principal(subject="bench", username="bench", role=Role.DISTRICT_ADMIN)
    cases: dict[str, Any] = {
        "town official, first page": lambda i: (
            Principal(
                subject="b", username="b", role=Role.TOWN_OFFICIAL, division_code=towns[i % len(towns)]
            ),
            {},
        ),
        "status=included": lambda i: (admin, {"status": HouseholdStatus.INCLUDED}),
        "town + risk cause": lambda i: (
            admin,
            {"town_code": towns[i % len(towns)], "risk_cause": RiskCause.ILLNESS},
        ),
        "helper's households": lambda i: (admin, {"helper_user_id": f"helper-{i % 5000}"}),
        "text search, 3-char name": lambda i: (admin, {"q": name_of(1000 + i * 37)}),
        "text search, 2-char name": lambda i: (admin, {"q": name_of(1000 + i * 37)[:2]}),
        "text search, 1-char (surname)": lambda i: (admin, {"q": name_of(1000 + i * 37)[0]}),
        "text search, 1-char (given)": lambda i: (admin, {"q": name_of(1000 + i * 37)[2]}),
        "updated_since (delta sync)": lambda i: (admin, {"updated_since": since}),
    }
    for label, make in cases.items():
        timings = []
        for i in range(runs):
            principal, filters = make(i)
            params = {"town_code": None, "village_code": None, "kind": None, "updated_since": None, **filters}
            async with db.transaction() as session:
                started = time.perf_counter()
                query = households.filtered(principal, **params)
                _, cursor = await keyset_page(
                    session, query, (Household.updated_at, Household.id), cursor=None, limit=50
                )
                if cursor:  # the second page too, as a scrolling user would
                    await keyset_page(
                        session, query, (Household.updated_at, Household.id), cursor=cursor, limit=50
                    )
                timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"  list {label:<28} p50 {statistics.median(timings):6.1f} ms   p95 {p95:6.1f} ms"
            "  (2 pages of 50)"
        )
        emit_row(
            f"monitoring.list.{label}",
            p95,
            None,
            10,
            "ms p95",
            f"{total:,} households, the service's query at the database, 2 pages of 50, {runs} runs",
        )


async def helper_coverage(db: Database) -> None:
    started = time.perf_counter()
    async with db.transaction() as session:
        rows = await reports.helper_coverage(session, date(date.today().year, 1, 1), prefix=None, town=None)
    print(
        f"  helper-coverage report (real helpers only): {time.perf_counter() - started:.2f} s, "
        f"{sum(r['with_helper'] for r in rows):,} of {sum(r['households'] for r in rows):,} households"
    )


async def announce_existing(db: Database, database_url: str) -> None:
    """The migration that announces every household and member once, run again on this data."""
    monitoring = by_name("monitoring")
    config = alembic_config(monitoring.migrations, monitoring.schema, database_url)
    await asyncio.to_thread(command.downgrade, config, "695ae0ed064a")  # its downgrade is a no-op
    async with db.engine.connect() as conn:
        before = int(await conn.scalar(text("SELECT count(*) FROM monitoring.outbox")) or 0)
    started = time.perf_counter()
    await asyncio.to_thread(command.upgrade, config, "6f2a2da85c61")
    took = time.perf_counter() - started
    async with db.engine.connect() as conn:
        after = int(await conn.scalar(text("SELECT count(*) FROM monitoring.outbox")) or 0)
    # Back to the head: the downgrade went through every later migration, and a next size needs them.
    await asyncio.to_thread(command.upgrade, config, "head")
    print(
        f"  announcing every household and member (migration 6f2a2da85c61): {took:.1f} s, "
        f"{after - before:,} events"
    )


async def run(sizes: list[int], import_rows: int, runs: int, database_url: str) -> None:
    db = Database(create_engine(database_url, pool_size=2))
    registry = DivisionRegistry.load()
    villages = sorted(d.code for d in registry.by_code.values() if len(d.code) == 12)
    towns = sorted({v[:9] for v in villages})
    for number, size in enumerate(sizes):
        print(f"\n== {size:,} households ==")
        await bulk_import(db, min(import_rows, size), villages, offset=number * 1_000_000)
        await top_up(db, size, villages)
        await screening(db)
        await list_queries(db, towns, runs, size)
        await helper_coverage(db)
        await announce_existing(db, database_url)
    await db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", default="100000", help="comma-separated sizes, e.g. 100000,1000000")
    parser.add_argument("--import-rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.households.split(","))
    with tempfile.TemporaryDirectory(prefix="xj-bench-monitoring-") as tmp:
        postgres = EmbeddedPostgres(Path(tmp) / "pg")
        database_url = postgres.start()
        try:
            monitoring = by_name("monitoring")
            upgrade(monitoring.migrations, monitoring.schema, database_url)
            asyncio.run(run(sizes, args.import_rows, args.runs, database_url))
        finally:
            postgres.stop()


if __name__ == "__main__":
    main()
