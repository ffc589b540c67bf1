"""Employment's monthly national work file import end to end, beside a raw COPY of the same records.

Starts its own embedded PostgreSQL, migrates employment, and puts ``--workers`` workers in it as
monitoring's events and registrations would have left them: each member projected with the match
hash of a real-looking ID number, four in five at work (one open spell each), the others not, each
record last verified by last month's file. Then writes the national system's monthly file for all
of them in the district's layout (ID number, name, status, place, employer, …: most rows
unchanged, 5 % a new job, 5 % the job lost) and runs the service's own
``national.service.import_work_file`` on it: read the file, hash each ID number, find the workers
and their open jobs, count the rows repeating the open job as unchanged, translate and check the
others, stage, plan and apply the changes set-based with their history and audit rows, verify the
unchanged workers' records, announce the job losses, the per-row report.

Reference, in the same run: a raw ``COPY`` of every row of the file as a staging record (what the
monthly update stages for a row it plans) into a plain table of the same columns (the database's
own speed for those rows, nothing checked).

Prints one JSON line per figure and the step breakdown on stderr.
Usage: python bench/employment_monthly.py [--workers 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import gc
import io
import json
import sys
import tempfile
import time
import types
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.rows import Row, info
from services.employment import models as employment_models
from services.employment.national import service as national
from services.employment.national.layout import load_layout
from services.employment.spells import service as spells
from services.employment.spells.repository import UPDATE_COLUMNS
from services.monitoring.households.id_numbers import check_char
from shared import clock
from shared.auth import Principal, Role
from shared.db import Database, create_engine
from shared.divisions import DivisionRegistry
from shared.events.outbox import Outbox
from shared.id_number_match import id_number_match_hash
from shared.migrations import upgrade
from shared.tabular import read_rows
from xianjie.components import by_name
from xianjie.devstack import EmbeddedPostgres

MATCH_KEY = "bench-only-match-key"
TODAY = clock.today()
PLACES = ("in_county", "in_province", "out_of_province")

_PEOPLE = text("""
    INSERT INTO employment.projected_households
        (id, town_code, village_code, lifted_out, status, subtype, version, updated_at)
    SELECT h, left(v, 9), v, true, 'not_monitored', NULL, 1, now()
    FROM unnest(CAST(:households AS uuid[]), CAST(:villages AS text[])) AS t(h, v);
""")
_MEMBERS = text("""
    INSERT INTO employment.projected_members (id, household_id, labour, active, version, id_number_match_hash)
    SELECT m, h, 'ordinary', true, 1, x
    FROM unnest(CAST(:members AS uuid[]), CAST(:households AS uuid[]), CAST(:hashes AS text[])) AS t(m, h, x)
""")
_IDENTITIES = text("""
    INSERT INTO employment.household_identities (household_id, since, lifted_out, version)
    SELECT h, DATE '-infinity', true, 1 FROM unnest(CAST(:households AS uuid[])) AS t(h)
""")
# Last verified by last month's file: a month's unchanged rows each verify their worker again.
_WORKERS = text("""
    INSERT INTO employment.workers (id, household_id, member_id, town_code, village_code, status, version)
    SELECT w, h, m, left(v, 9), v, 'unemployed', 1
    FROM unnest(CAST(:workers AS uuid[]), CAST(:households AS uuid[]), CAST(:members AS uuid[]),
                CAST(:villages AS text[])) AS t(w, h, m, v)
""")
_VERIFIED = text("UPDATE employment.worker_verifications SET verified_on = CAST(:verified_on AS date)")
# Four in five at work: one open spell each, then the workers' snapshot as the service keeps it.
_SPELLS = text("""
    INSERT INTO employment.spells (id, worker_id, town_code, employer, place, monthly_wage, started_on)
    SELECT gen_random_uuid(), w.id, w.town_code, '企业' || (k % 500), (CAST(:places AS text[]))[1 + k % 3]
               ::employment.work_place, 2500 + k % 3000, CAST(:since AS date) - CAST(k % 300 AS int)
    FROM (SELECT id, town_code, row_number() OVER (ORDER BY id) AS k FROM employment.workers) AS w
    WHERE k % 5 <> 0
""")
_SNAPSHOT = text("""
    UPDATE employment.workers w SET status = 'employed', place = s.place, employer = s.employer,
        monthly_wage = s.monthly_wage, employed_since = s.started_on
    FROM employment.spells s WHERE s.worker_id = w.id AND s.ended_on IS NULL
""")
_STATE = text("""
    SELECT w.id, s.employer, s.place::text, s.monthly_wage, s.started_on
    FROM employment.workers w LEFT JOIN employment.spells s ON s.worker_id = w.id AND s.ended_on IS NULL
""")


def emit(row: Row, note: str) -> None:
    print(json.dumps({**row.as_dict(), "note": note}, ensure_ascii=False), flush=True)


def id_number(serial: int) -> str:
    birth = date(1960, 1, 1) + timedelta(days=serial % 15000)
    first17 = f"41{serial // 1000 % 10000:04d}{birth:%Y%m%d}{serial % 1000:03d}"
    return first17 + check_char(first17)


async def populate(db: Database, count: int, villages: list[str]) -> dict[uuid.UUID, str]:
    """``count`` workers with projected members and households; their ID numbers by worker."""
    workers = [uuid.uuid4() for _ in range(count)]
    members = [uuid.uuid4() for _ in range(count)]
    households = [uuid.uuid4() for _ in range(count)]
    numbers = [id_number(n) for n in range(count)]
    params: dict[str, Any] = {
        "workers": workers,
        "members": members,
        "households": households,
        "villages": [villages[n % len(villages)] for n in range(count)],
        "hashes": [id_number_match_hash(number, MATCH_KEY) for number in numbers],
        "verified_on": TODAY - timedelta(days=30),
    }
    async with db.transaction() as session:
        for statement in (_PEOPLE, _MEMBERS, _IDENTITIES, _WORKERS, _VERIFIED):
            await session.execute(statement, params)
        await session.execute(_SPELLS, {"places": list(PLACES), "since": TODAY - timedelta(days=40)})
        await session.execute(_SNAPSHOT)
    async with db.engine.connect() as conn:
        for table in ("workers", "worker_verifications", "spells", "projected_members"):
            await conn.execute(text(f"ANALYZE employment.{table}"))
        await conn.commit()
    return dict(zip(workers, numbers, strict=True))


async def work_file(db: Database, numbers: dict[uuid.UUID, str]) -> bytes:
    """The month's national file for every worker, in the default layout: most rows as they stand,
    5 % a new job today, 5 % the job ended yesterday."""
    layout = load_layout(None)
    place_label = {p.value: p.label for p in spells.WorkPlace}
    async with db.sessions() as session:
        state = (await session.execute(_STATE)).all()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([header for _, header in layout.columns])
    for n, (worker_id, employer, place, wage, started_on) in enumerate(state):
        cells = {"id_number": numbers[worker_id], "name": "张三"}
        if employer is None or n % 20 == 0:
            ended = TODAY - timedelta(days=1 if employer is not None else 60)
            cells.update(status="未就业", ended_on=ended.isoformat(), reason="返乡")
        elif n % 20 == 1:
            cells.update(
                status="务工",
                employer="换岗企业",
                place="省外",
                started_on=TODAY.isoformat(),
                monthly_wage="4800.00",
            )
        else:
            cells.update(
                status="务工",
                employer=employer,
                place=place_label[place],
                started_on=started_on.isoformat(),
                monthly_wage=f"{wage:.2f}",
            )
        writer.writerow([cells.get(field, "") for field, _ in layout.columns])
    return out.getvalue().encode()


def context(session: Any, outbox: Outbox) -> Any:
    settings = types.SimpleNamespace(
        id_number_match_key=MATCH_KEY, bulk_update_max_rows=10**7, national_work_layout_file=None
    )

    async def audit(*args: Any, **kwargs: Any) -> None:
        return None

    return types.SimpleNamespace(
        session=session,
        principal=Principal(subject="bench", username="bench", role=Role.DISTRICT_ADMIN),
        component=types.SimpleNamespace(outbox=outbox),
        settings_as=lambda kind: settings,
        audit=audit,
        request_id=None,
    )


def staging_records(content: bytes, numbers: dict[uuid.UUID, str]) -> list[tuple[Any, ...]]:
    """Every row of the file as the monthly update stages a row it must plan (``(row_no,
    *SpellUpdate)``): the reference's records. The import itself stages only the rows that may
    change something (a row repeating the worker's open job is counted without staging)."""
    layout = load_layout(None)
    worker_of = {number: worker_id for worker_id, number in numbers.items()}
    id_header = layout.header("id_number")
    records = []
    for row in read_rows(content, "work.csv"):
        values = {spells.COLUMNS[f]: row.values[h] for f, h in layout.columns if f in spells.COLUMNS}
        values[spells.COLUMNS["worker_id"]] = str(worker_of[row.values[id_header]])
        records.append((row.number, *spells.parse_row(values, TODAY)))
    return records


class Steps:
    """Times the import's two halves (wrapping the functions it calls, not changing them)."""

    def __init__(self) -> None:
        self.took: dict[str, float] = {}
        self.staged = 0

    def install(self) -> None:
        match, parse, apply = national._match, spells.parse_file, spells.apply_file

        async def timed_match(*args: Any) -> Any:
            started = time.perf_counter()
            result = await match(*args)
            self.took["read the file, hash ID numbers, find the workers"] = time.perf_counter() - started
            return result

        def timed_parse(*args: Any) -> Any:
            started = time.perf_counter()
            parsed = parse(*args)
            self.took["check each row (Python)"] = time.perf_counter() - started
            self.staged = len(parsed.records)
            return parsed

        async def timed_apply(*args: Any) -> Any:
            started = time.perf_counter()
            await apply(*args)
            self.took["stage, plan, apply, history, events"] = time.perf_counter() - started

        national._match = timed_match  # type: ignore[assignment]
        spells.parse_file = timed_parse  # type: ignore[assignment]
        spells.apply_file = timed_apply  # type: ignore[assignment]


async def raw_copy(db: Database, records: list[tuple[Any, ...]]) -> float:
    async with db.transaction() as session:
        await session.execute(
            text("""CREATE UNLOGGED TABLE public.copy_reference (
                row_no int, worker_id uuid, employed bool, employer text, place text, sector text,
                channel text, started_on date, ended_on date, monthly_wage numeric(16, 2), reason text)""")
        )
        raw = await (await session.connection()).get_raw_connection()
        started = time.perf_counter()
        await raw.driver_connection.copy_records_to_table(  # type: ignore[union-attr]
            "copy_reference", schema_name="public", records=records, columns=UPDATE_COLUMNS
        )
        return time.perf_counter() - started


async def run(count: int, database_url: str) -> list[Row]:
    db = Database(create_engine(database_url, pool_size=2))
    registry = DivisionRegistry.load()
    villages = sorted(d.code for d in registry.by_code.values() if len(d.code) == 12)
    started = time.perf_counter()
    numbers = await populate(db, count, villages)
    content = await work_file(db, numbers)
    made = time.perf_counter() - started
    print(
        f"  {count:,} workers and their file ({len(content) / 1e6:.1f} MB) in {made:.1f} s", file=sys.stderr
    )
    outbox = Outbox(employment_models.kit)
    steps = Steps()
    steps.install()
    # As in the service, whose start-up objects are frozen (shared.component): a full collection
    # during the import walks what the import made, not the bench's own set-up too (~220k objects:
    # 0.3-0.6 s of the import's Python when left in).
    gc.collect()
    gc.freeze()
    started = time.perf_counter()
    async with db.transaction() as session:
        report = await national.import_work_file(context(session, outbox), content, "work.csv", TODAY)
    took = time.perf_counter() - started
    gc.unfreeze()
    assert report.total == count and report.refused == 0, report.model_dump(exclude={"rows"})
    copy_took = await raw_copy(db, staging_records(content, numbers))
    imported = info(
        f"national work file import of {count // 1000}k rows vs raw COPY of its records",
        count / took,
        count / copy_took,
        "rows/s",
    )
    emit(
        imported,
        f"{count:,} rows ({report.accepted:,} changed, {report.unchanged:,} unchanged, "
        f"{steps.staged:,} planned): "
        "CSV bytes to per-row report (hash each ID number, find the workers with their open jobs, check, "
        "stage and plan the rows that may change something, apply with history, events, verify the "
        "unchanged workers); reference raw COPY of every row as a staging record into a plain table",
    )
    for step, seconds in steps.took.items():
        print(f"  {step}: {seconds:.2f} s ({count / seconds:,.0f} rows/s)", file=sys.stderr)
    print(f"  end to end {took:.2f} s; raw COPY {copy_took:.2f} s", file=sys.stderr)
    await db.dispose()
    return [imported]


def measure(count: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="xj-bench-monthly-") as tmp:
        postgres = EmbeddedPostgres(Path(tmp) / "pg")
        database_url = postgres.start()
        try:
            employment = by_name("employment")
            upgrade(employment.migrations, employment.schema, database_url)
            return asyncio.run(run(count, database_url))
        finally:
            postgres.stop()


def rows() -> list[Row]:
    """For make bench: 50k workers (the issue names no size; a district's labour force is of that order)."""
    return measure(50_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=50_000)
    args = parser.parse_args()
    measure(args.workers)


if __name__ == "__main__":
    main()
