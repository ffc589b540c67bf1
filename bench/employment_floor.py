"""How fast are the employed count, its monthly series, the monthly bulk update — and onboarding?

Counts (``python bench/employment_floor.py [N]``, default 20 000; the issue's size is 100 000):
starts its own embedded PostgreSQL, migrates the employment schema, generates N workers in 16
towns (one household each, nine in ten of them 脱贫户) with 12 months of spell history (starts
spread over the year, a fifth of the jobs ended, half of those followed by a new job), then times:

- the count at a date (district total; by town and place) and the 12-month series, read from the
  change points the recount triggers append — against a direct scan of spells for reference;
- a monthly bulk update of N rows (parse + stage + set-based apply), then the same file again.

Onboarding (``python bench/employment_floor.py --onboard [M] [--clients 16] [--workers 1]``,
default 3 000): starts PostgreSQL, NATS, the gateway and the employment service as separate
processes (``xianjie serve``, the floor set to M/2 so the run crosses it), puts M households and
members in employment's projection, then C clients register one worker each as fast as they can
through the service's ``POST /v1/workers``. Prints workers/s and latencies, then checks the
result is exact: M employed, and the floor's events one per change of state (breached, warning,
recovered). Runs against the code before the projection existed too (it then skips the fill).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import io
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import text

from gateway.demo import ensure_demo_accounts
from services.employment.floor import repository as floor
from services.employment.spells import repository as spells
from services.employment.spells.service import COLUMNS, parse_row
from shared import clock
from shared.db import Database, create_engine
from shared.divisions import DivisionRegistry
from shared.migrations import upgrade
from shared.tabular import read_rows
from xianjie.components import by_name
from xianjie.devstack import EmbeddedNats, EmbeddedPostgres, free_port

ROOT = Path(__file__).resolve().parent.parent

TODAY = clock.today()
YEAR_AGO = TODAY - timedelta(days=365)

_WORKERS = text("""
    INSERT INTO employment.workers
        (id, household_id, member_id, town_code, village_code, status, version)
    SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), t.code, t.code || '201', 'unemployed', 1
    FROM generate_series(1, :n) i
    JOIN (SELECT code, row_number() OVER () - 1 AS k FROM unnest(CAST(:towns AS text[])) code) t
        ON t.k = i % 16
""")
# Nine households in ten are 脱贫户 (counted); the others 边缘易致贫户 or the like (not counted).
_IDENTITIES = text("""
    INSERT INTO employment.household_identities (household_id, since, lifted_out, version)
    SELECT household_id, DATE '-infinity', random() < 0.9, 1 FROM employment.workers
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
    SELECT count(*) FROM employment.spells s
    JOIN employment.workers w ON w.id = s.worker_id
    JOIN employment.household_identities i ON i.household_id = w.household_id AND i.lifted_out
    WHERE s.is_main AND s.started_on <= :d AND (s.ended_on IS NULL OR s.ended_on >= :d)
""")


def timed_ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.2f} ms (min {min(samples) * 1000:.2f})"


async def run(n: int, database_url: str) -> None:
    db = Database(create_engine(database_url))
    towns = [f"4190011{i:02d}" for i in range(16)]
    started = time.perf_counter()
    async with db.transaction() as session:
        await session.execute(_WORKERS, {"n": n, "towns": towns})
        await session.execute(_IDENTITIES)
        await session.execute(_HISTORY, {"year_ago": YEAR_AGO, "last_end": TODAY - timedelta(days=2)})
        await session.execute(_SNAPSHOT)
    async with db.engine.connect() as conn:
        await conn.execute(text("ANALYZE employment.spells"))
        points = await conn.scalar(text("SELECT count(*) FROM employment.employment_changes"))
        n_spells = await conn.scalar(text("SELECT count(*) FROM employment.spells"))
    print(
        f"workers: {n:,}; spells: {n_spells:,}; change points: {points:,}; "
        f"generated (recount triggers included) in {time.perf_counter() - started:.1f} s"
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
        changed = sum(outcome.tally.get(action, 0) for action in spells.CHANGED)
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


# -- onboarding: C clients registering workers at once through the service ---------------------

_PROJECTED = text("""
    SELECT EXISTS (SELECT 1 FROM information_schema.tables
                   WHERE table_schema = 'employment' AND table_name = 'projected_households')
""")
_FILL = [
    text("""
        INSERT INTO employment.projected_households
            (id, town_code, village_code, lifted_out, status, subtype, version, updated_at)
        SELECT h, left(v, 9), v, true, 'not_monitored', NULL, 1, now()
        FROM unnest(CAST(:households AS uuid[]), CAST(:villages AS text[])) AS t(h, v)
    """),
    text("""
        INSERT INTO employment.projected_members (id, household_id, labour, active, version)
        SELECT m, h, 'ordinary', true, 1
        FROM unnest(CAST(:members AS uuid[]), CAST(:households AS uuid[])) AS t(m, h)
    """),
    text("""
        INSERT INTO employment.household_identities (household_id, since, lifted_out, version)
        SELECT h, DATE '-infinity', true, 1 FROM unnest(CAST(:households AS uuid[])) AS t(h)
    """),
]
_FLOOR_EVENTS = text("""
    SELECT envelope->>'type', (envelope->'data'->>'employed')::int FROM employment.outbox
    WHERE nats_subject LIKE 'xianjie.employment.floor.%' ORDER BY position
""")


def registrations(m: int) -> list[dict[str, Any]]:
    """M workers at work since today, in every town's first village and every place."""
    divisions = DivisionRegistry.load()
    villages = [vs[0].code for t in divisions.towns if (vs := divisions.villages_of(t.code))]
    places = ["in_county", "in_province", "out_of_province"]
    return [
        {
            "household_id": str(uuid.uuid4()),
            "member_id": str(uuid.uuid4()),
            "town_code": villages[i % len(villages)][:9],
            "village_code": villages[i % len(villages)],
            "status": "employed",
            "employer": "济源钢铁",
            "place": places[i % len(places)],
            "monthly_wage": "3200.00",
            "employed_since": TODAY.isoformat(),
        }
        for i in range(m)
    ]


async def fill_projection(db: Database, bodies: list[dict[str, Any]]) -> bool:
    """The households and members the workers name, as monitoring's events would have left them."""
    async with db.transaction() as session:
        if not await session.scalar(_PROJECTED):
            return False
        params = {
            "households": [uuid.UUID(b["household_id"]) for b in bodies],
            "members": [uuid.UUID(b["member_id"]) for b in bodies],
            "villages": [b["village_code"] for b in bodies],
        }
        for statement in _FILL:
            await session.execute(statement, params)
    return True


def serve(name: str, port: int, env: dict[str, str], log: Path, workers: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "xianjie.cli",
        "serve",
        name,
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    with log.open("w") as out:
        return subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)


async def wait_healthy(http: aiohttp.ClientSession, ports: dict[str, int]) -> None:
    for port in ports.values():
        for _ in range(600):
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(f"http://127.0.0.1:{port}/healthz") as resp:
                    if resp.status == 200:
                        break
            await asyncio.sleep(0.1)


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its children so far (Linux)."""
    total = 0.0
    for proc in [pid, *map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]:
        fields = Path(f"/proc/{proc}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


async def hammer(
    http: aiohttp.ClientSession, url: str, token: str, bodies: list[dict[str, Any]], clients: int
) -> tuple[float, list[float], dict[int, int]]:
    latencies: list[float] = []
    answers: dict[int, int] = {}
    queue = iter(bodies)
    headers = {"Authorization": f"Bearer {token}"}

    async def client() -> None:
        for body in queue:
            started = time.perf_counter()
            async with http.post(url, json=body, headers=headers) as resp:
                await resp.read()
                answers[resp.status] = answers.get(resp.status, 0) + 1
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return time.perf_counter() - started, latencies, answers


async def onboard(m: int, clients: int, workers: int, database_url: str, nats_url: str, tmp: Path) -> None:
    password = "bench-" + os.urandom(6).hex()
    db = Database(create_engine(database_url, pool_size=2))
    await ensure_demo_accounts(db, password)
    bodies = registrations(m)
    filled = await fill_projection(db, bodies)
    ports = {"gateway": free_port(), "employment": free_port()}
    env = {k: v for k, v in os.environ.items() if not k.startswith("XIANJIE_")}
    env.update(
        XIANJIE_DATABASE_URL=database_url,
        XIANJIE_NATS_URL=nats_url,
        XIANJIE_JWKS_URL=f"http://127.0.0.1:{ports['gateway']}/.well-known/jwks.json",
        XIANJIE_LOG_LEVEL="WARNING",
        XIANJIE_EMPLOYMENT_EMPLOYMENT_FLOOR=str(m // 2),
        PYTHONPATH=str(ROOT),  # this checkout's code, whichever the venv installed
    )
    processes = {
        name: serve(name, port, env, tmp / f"{name}.log", workers if name == "employment" else 1)
        for name, port in ports.items()
    }
    try:
        async with aiohttp.ClientSession() as http:
            await wait_healthy(http, ports)
            async with http.post(
                f"http://127.0.0.1:{ports['gateway']}/auth/token",
                data={
                    "grant_type": "client_credentials",
                    "client_id": "integrator_hrss",
                    "client_secret": password,
                },
            ) as resp:
                token = (await resp.json())["access_token"]
            url = f"http://127.0.0.1:{ports['employment']}/v1/workers"
            cpu_before = cpu_seconds(processes["employment"].pid)
            elapsed, latencies, answers = await hammer(http, url, token, bodies, clients)
            cpu = cpu_seconds(processes["employment"].pid) - cpu_before
            cuts = statistics.quantiles(latencies, n=100)
            print(
                f"{m:,} workers registered by {clients} clients ({workers} service process(es), projection "
                f"{'filled' if filled else 'absent: code before it'}): {m / elapsed:,.0f} workers/s, "
                f"p50 {cuts[49] * 1000:.0f} ms, p95 {cuts[94] * 1000:.0f} ms; answers {answers}; "
                f"service CPU {cpu * 1000 / m:.1f} ms a worker"
            )
            await asyncio.sleep(3)  # the floor's announcements follow the commits within a second
            async with http.get(
                f"http://127.0.0.1:{ports['employment']}/v1/floor",
                headers={"Authorization": f"Bearer {token}"},
            ) as resp:
                employed = (await resp.json())["employed"]
        async with db.sessions() as session:
            events = [(t.split(".")[-2], n) for t, n in (await session.execute(_FLOOR_EVENTS)).all()]
        print(f"employed today: {employed:,} (expected {m:,}); floor events (floor {m // 2:,}): {events}")
    finally:
        for process in processes.values():
            process.send_signal(signal.SIGINT)
        for process in processes.values():
            process.wait(timeout=30)
        await db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "n", nargs="?", type=int, default=20_000, help="workers for the counts (default 20 000)"
    )
    parser.add_argument(
        "--onboard", nargs="?", type=int, const=3000, help="register M workers (default 3 000)"
    )
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients when onboarding")
    parser.add_argument("--workers", type=int, default=1, help="service processes when onboarding")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="xj-bench-") as tmp:
        postgres = EmbeddedPostgres(Path(tmp) / "pg")
        database_url = postgres.start()
        nats = EmbeddedNats(Path(tmp) / "nats") if args.onboard else None
        try:
            for name in ("employment", "gateway") if args.onboard else ("employment",):
                component = by_name(name)
                upgrade(component.migrations, component.schema, database_url)
            if args.onboard and nats is not None:
                nats_url = nats.start()
                asyncio.run(
                    onboard(args.onboard, args.clients, args.workers, database_url, nats_url, Path(tmp))
                )
            else:
                asyncio.run(run(args.n, database_url))
        finally:
            if nats is not None:
                nats.stop()
            postgres.stop()


if __name__ == "__main__":
    main()
