"""The test stack: real PostgreSQL and NATS (embedded unless XIANJIE_DATABASE_URL / XIANJIE_NATS_URL
are set), every migration, and the gateway plus four services served by uvicorn on free ports in
this process's event loop — requests go over real HTTP through the gateway.

Isolation: every test that uses the stack starts from empty service tables (TRUNCATE); demo
accounts in the gateway schema live for the whole session.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from shared import clock
from shared.db import Database, create_engine, to_async_url
from shared.migrations import upgrade
from xianjie.components import ALL, SERVICES
from xianjie.devstack import EmbeddedNats, EmbeddedPostgres, free_port

SERVICE_NAMES = [c.name for c in SERVICES]


@dataclass
class Infra:
    database_url: str
    nats_url: str
    nats: EmbeddedNats | None  # None when an external NATS is used (outage tests then skip)
    # Reference data the migrations seeded (table -> rows as JSON), put back after each cleanup,
    # so tests see exactly what a new deployment has (a changed seed is noticed).
    seeded: dict[str, str] = field(default_factory=dict)


@pytest.fixture(scope="session")
def infra(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Infra]:
    base = tmp_path_factory.mktemp("infra")
    postgres: EmbeddedPostgres | None = None
    external_db = os.environ.get("XIANJIE_DATABASE_URL")
    if external_db:
        # A throw-away database on the external server, so tests never touch real data.
        database_url = _create_scratch_database(external_db)
    else:
        postgres = EmbeddedPostgres(base / "pg")
        database_url = postgres.start()
    nats: EmbeddedNats | None = None
    nats_url = os.environ.get("XIANJIE_NATS_URL", "")
    if not nats_url:
        nats = EmbeddedNats(base / "nats", log_file=base / "nats.log")
        nats_url = nats.start()
    try:
        yield Infra(database_url=database_url, nats_url=nats_url, nats=nats)
    finally:
        if nats:
            nats.stop()
        if postgres:
            postgres.stop()
        if external_db:
            _drop_scratch_database(external_db, database_url)


def _create_scratch_database(url: str) -> str:
    import asyncpg  # noqa: F401 - make sure the driver is there before we try

    name = f"xianjie_test_{secrets.token_hex(4)}"

    async def create() -> None:
        engine = create_async_engine(to_async_url(url), isolation_level="AUTOCOMMIT")
        async with engine.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        await engine.dispose()

    asyncio.run(create())
    from sqlalchemy.engine import make_url

    return make_url(to_async_url(url)).set(database=name).render_as_string(hide_password=False)


def _drop_scratch_database(url: str, scratch: str) -> None:
    from sqlalchemy.engine import make_url

    name = make_url(scratch).database

    async def drop() -> None:
        engine = create_async_engine(to_async_url(url), isolation_level="AUTOCOMMIT")
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await engine.dispose()

    with contextlib.suppress(Exception):
        asyncio.run(drop())


@pytest.fixture(scope="session")
def migrated(infra: Infra) -> Infra:
    for component in ALL:
        upgrade(component.migrations, component.schema, infra.database_url)
    infra.seeded = asyncio.run(_seeded_rows(infra.database_url))
    return infra


async def _seeded_rows(database_url: str) -> dict[str, str]:
    """Every service table the migrations left rows in, with those rows."""
    engine = create_async_engine(to_async_url(database_url))
    try:
        async with engine.connect() as conn:
            tables = (await conn.execute(text(_SERVICE_TABLES))).scalars().all()
            seeded = {}
            for table in tables:
                rows = await conn.scalar(text(f"SELECT json_agg(t) FROM {table} t"))
                if rows is not None:
                    seeded[table] = json.dumps(rows, ensure_ascii=False)
            return seeded
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def demo_password() -> str:
    return secrets.token_urlsafe(12)


@dataclass
class Stack:
    infra: Infra
    ports: dict[str, int]
    apps: dict[str, FastAPI] = field(default_factory=dict)
    servers: dict[str, uvicorn.Server] = field(default_factory=dict)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    @property
    def gateway_url(self) -> str:
        return self.url("gateway")

    def db(self, name: str) -> Database:
        component = self.apps[name].state.component
        return component.db  # type: ignore[no-any-return]


def service_settings(name: str, infra: Infra, ports: dict[str, int], **overrides: Any) -> Any:
    """Settings for one component of the test stack (explicit values beat any XIANJIE_* in the env)."""
    import importlib

    if name == "gateway":
        from gateway.settings import GatewaySettings

        return GatewaySettings(
            database_url=infra.database_url,
            nats_url=infra.nats_url,
            outbox_poll_seconds=0.2,
            port=ports["gateway"],
            jwks_url=f"http://127.0.0.1:{ports['gateway']}/.well-known/jwks.json",
            log_level="WARNING",
            # The session's tokens are signed once; they must outlive the slowest run of the suite
            # (a loaded machine has taken 19 minutes), not the production 15 minutes.
            access_token_ttl_seconds=4 * 3600,
            **{f"{s}_url": f"http://127.0.0.1:{ports[s]}" for s in SERVICE_NAMES},
            **overrides,
        )
    module = importlib.import_module(f"services.{name}.settings")
    settings_cls = next(
        getattr(module, attr)
        for attr in dir(module)
        if attr.endswith("Settings") and getattr(getattr(module, attr), "component", None) == name
    )
    values: dict[str, Any] = {
        "database_url": infra.database_url,
        "nats_url": infra.nats_url,
        "port": ports[name],
        "jwks_url": f"http://127.0.0.1:{ports['gateway']}/.well-known/jwks.json",
        "log_level": "WARNING",
        "outbox_poll_seconds": 0.2,
        # Two deliveries before parking keeps the parked-event tests quick.
        "consumer_max_deliver": 2,
    }
    values.update(overrides)
    return settings_cls(**values)


async def serve_app(app: FastAPI, port: int) -> tuple[uvicorn.Server, asyncio.Task[None]]:
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on", access_log=False)
    )
    task = asyncio.create_task(server.serve())
    for _ in range(1000):
        if server.started:
            return server, task
        if task.done():
            task.result()  # surfaces the startup error
        await asyncio.sleep(0.01)
    raise TimeoutError(f"app on port {port} did not start")


def _factory(name: str) -> Callable[[Any], FastAPI]:
    import importlib

    component = next(c for c in ALL if c.name == name)
    module, function = component.app_factory.split(":")
    return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
async def stack(migrated: Infra, demo_password: str) -> AsyncIterator[Stack]:
    from gateway.demo import ensure_demo_accounts

    ports = {c.name: free_port() for c in ALL}
    stack = Stack(infra=migrated, ports=ports)
    gateway_db = Database(create_engine(migrated.database_url, pool_size=2))
    await ensure_demo_accounts(gateway_db, demo_password)
    await gateway_db.dispose()
    try:
        for component in ALL:
            app = _factory(component.name)(service_settings(component.name, migrated, ports))
            server, task = await serve_app(app, ports[component.name])
            stack.apps[component.name] = app
            stack.servers[component.name] = server
            stack.tasks.append(task)
        yield stack
    finally:
        for server in stack.servers.values():
            server.should_exit = True
        with contextlib.suppress(Exception):
            await asyncio.wait_for(asyncio.gather(*stack.tasks, return_exceptions=True), 15)


DEMO_USERS = ["admin", "dept_hrss", "town_kejing", "village_beidahe", "helper_wang", "auditor"]
DEMO_CLIENT = "integrator_hrss"


@pytest.fixture(scope="session")
async def tokens(stack: Stack, demo_password: str) -> dict[str, str]:
    result: dict[str, str] = {}
    # Signed in once for the session, while the stack (same process) may still be settling; on a
    # loaded 2-core machine one Argon2 check has taken over 10 s (load ~20–25, seen twice), and a
    # failed session fixture fails every later test that asks for tokens. 120 s bounds a stuck
    # gateway, not a slow one.
    async with httpx.AsyncClient(base_url=stack.gateway_url, timeout=120) as client:
        for username in DEMO_USERS:
            resp = await client.post(
                "/auth/token",
                data={"grant_type": "password", "username": username, "password": demo_password},
            )
            assert resp.status_code == 200, resp.text
            result[username] = resp.json()["access_token"]
        resp = await client.post(
            "/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": DEMO_CLIENT,
                "client_secret": demo_password,
            },
        )
        assert resp.status_code == 200, resp.text
        result[DEMO_CLIENT] = resp.json()["access_token"]
    return result


@pytest.fixture
def today() -> date:
    """The district's day (Beijing time, ``shared.clock``) as the test starts: the day the services
    count in. Never a module constant — a module imported before Beijing's midnight (16:00 UTC) and
    run after it would compare against yesterday — and never ``date.today()``, the machine's (UTC)
    day, which is yesterday's from 00:00 to 08:00 Beijing time."""
    return clock.today()


@pytest.fixture
async def api(stack: Stack) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=stack.gateway_url, timeout=15) as client:
        yield client


_SERVICE_TABLES = f"""
SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
WHERE schemaname IN ({", ".join(f"'{s}'" for s in SERVICE_NAMES)}) AND tablename <> 'alembic_version'
ORDER BY 1
"""

# Only the tables a test wrote to are truncated: TRUNCATE costs a file operation per table, and
# most tests touch a handful of the ~100 tables (measured: 0.22 s → 0.04 s of set-up a test).
_EMPTY_USED_TABLES = f"""
DO $$
DECLARE
    name text;
    used boolean;
    dirty text[] := '{{}}';
BEGIN
    FOR name IN {_SERVICE_TABLES}
    LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s)', name) INTO used;
        IF used THEN
            dirty := dirty || name;
        END IF;
    END LOOP;
    IF cardinality(dirty) > 0 THEN
        EXECUTE 'TRUNCATE ' || array_to_string(dirty, ', ') || ' RESTART IDENTITY CASCADE';
    END IF;
END $$
"""


@pytest.fixture(autouse=True)
async def _clean_service_tables(request: pytest.FixtureRequest) -> None:
    """Empty every service table before a test that uses the stack (the gateway's users stay)."""
    if not {"stack", "api"} & set(request.fixturenames):
        return
    stack: Stack = request.getfixturevalue("stack")
    engine = stack.db("monitoring").engine
    # A relay, consumer or checker of the previous test may still hold row locks: TRUNCATE can then
    # be picked as a deadlock victim. Waiting a moment and trying again is all it takes.
    for attempt in range(10):
        try:
            async with engine.begin() as conn:
                await conn.execute(text(_EMPTY_USED_TABLES))
                for table, rows in stack.infra.seeded.items():
                    await conn.execute(
                        text(
                            f"INSERT INTO {table} OVERRIDING SYSTEM VALUE "
                            f"SELECT * FROM json_populate_recordset(NULL::{table}, CAST(:rows AS json))"
                        ),
                        {"rows": rows},
                    )
            return
        except DBAPIError as exc:
            if "deadlock" not in str(exc) or attempt == 9:
                raise
            await asyncio.sleep(0.2)
