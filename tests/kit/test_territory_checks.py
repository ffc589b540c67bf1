"""The database itself refuses a row whose ``town_code`` is not its ``village_code``'s town, in every
table of every service that holds both (the services scope a town official by ``town_code``), on a
schema built by the migrations; and the migrations that added the missing checks stop on existing
disagreeing rows with the table and the count, and go down again.

Each table gets a row built from its columns as the database reports them. The table's other
CHECKs and foreign keys are dropped and its triggers disabled first, inside a transaction that is
rolled back (in a scratch database): the row then breaks nothing but, perhaps, the town check, so
the refusal can only come from that check — and the same row with agreeing codes is accepted.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import JSON, Connection, MetaData, Table, inspect, text
from sqlalchemy.dialects.postgresql import ENUM
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from shared.db import to_async_url
from shared.migrations import alembic_config, upgrade
from tests.conftest import Infra, _create_scratch_database, _drop_scratch_database
from tests.helpers import KEJING, WANGWU, WANGWU_VILLAGE
from xianjie.components import SERVICES, by_name

# The migration that added the missing checks, per service.
ADDED_BY = {
    "monitoring": "5c0d18c0e0m1",
    "employment": "5c0d18c0e0e1",
    "funds": "5c0d18c0e0f1",
    "assets": "5c0d18c0e0a1",
}
BOTH = """
SELECT c.table_schema || '.' || c.table_name FROM information_schema.columns c
JOIN information_schema.tables t USING (table_schema, table_name)
WHERE c.table_schema = ANY(:schemas) AND t.table_type = 'BASE TABLE'
  AND c.column_name IN ('town_code', 'village_code')
GROUP BY 1 HAVING count(*) = 2 ORDER BY 1
"""


@pytest.fixture
async def scratch(migrated: Infra) -> AsyncIterator[str]:
    """A database of its own on the test server (the suite's one stays as it is)."""
    url = await asyncio.to_thread(_create_scratch_database, migrated.database_url)
    try:
        yield url
    finally:
        await asyncio.to_thread(_drop_scratch_database, migrated.database_url, url)


def _value(table: Table, name: str, n: int) -> Any:
    column = table.c[name]
    kind = column.type
    if isinstance(kind, ENUM) and kind.enums:
        return kind.enums[0]
    if isinstance(kind, JSON):
        return []
    python = kind.python_type
    if python is str:
        length = getattr(kind, "length", None) or 20
        return f"{n:x}".rjust(length, "1")[:length]
    samples: dict[type, Any] = {
        uuid.UUID: uuid.uuid4(),
        int: 2025,
        Decimal: Decimal("1"),
        float: 1.0,
        bool: False,
        date: date(2025, 1, 1),
        datetime: datetime(2025, 1, 1, tzinfo=UTC),
        bytes: b"\x00",
        list: [],
        dict: {},
    }
    return samples[python]


def _row(table: Table, town: str, village: str, n: int) -> dict[str, Any]:
    """Every column the database needs a value for (not nullable, no default, not generated)."""
    row: dict[str, Any] = {}
    for column in table.columns:
        if column.nullable or column.server_default is not None or column.computed is not None:
            continue
        if column.identity is not None:
            continue
        row[column.name] = _value(table, column.name, n)
    row["town_code"], row["village_code"] = town, village
    return row


def _reflect(connection: Connection, fullname: str) -> Table:
    schema, name = fullname.split(".")
    return Table(name, MetaData(), schema=schema, autoload_with=connection)


async def _loosen(conn: AsyncConnection, fullname: str) -> Table:
    """Drop ``fullname``'s checks (but the town one) and foreign keys, disable its triggers."""
    name = fullname.split(".")[1]
    others = await conn.execute(
        text(
            "SELECT conname FROM pg_constraint WHERE conrelid = CAST(:t AS regclass)"
            " AND contype IN ('c', 'f') AND conname <> :ours"
        ),
        {"t": fullname, "ours": f"ck_{name}_village_in_town"},
    )
    for (conname,) in others.all():
        await conn.execute(text(f'ALTER TABLE {fullname} DROP CONSTRAINT "{conname}"'))
    await conn.execute(text(f"ALTER TABLE {fullname} DISABLE TRIGGER USER"))
    return await conn.run_sync(_reflect, fullname)


async def _tables_with_both(conn: AsyncConnection) -> list[str]:
    schemas = [c.schema for c in SERVICES]
    return list((await conn.execute(text(BOTH), {"schemas": schemas})).scalars())


async def test_every_table_with_town_and_village_refuses_a_row_of_another_town(scratch: str) -> None:
    for component in SERVICES:
        await asyncio.to_thread(upgrade, component.migrations, component.schema, scratch)
    engine = create_async_engine(to_async_url(scratch))
    refused: list[str] = []
    try:
        async with engine.connect() as conn:
            tables = await _tables_with_both(conn)
        # Every table the models declare with both columns (the guard's list) is here.
        assert "monitoring.alerts" in tables and "assets.source_projects" in tables
        for fullname in tables:
            async with engine.connect() as conn:
                transaction = await conn.begin()
                try:
                    table = await _loosen(conn, fullname)
                    ours = f"ck_{table.name}_village_in_town"
                    agreeing = _row(table, WANGWU, WANGWU_VILLAGE, 1)
                    await conn.execute(table.insert().values(agreeing))
                    with pytest.raises(IntegrityError, match=ours):
                        async with conn.begin_nested():
                            await conn.execute(table.insert().values(_row(table, KEJING, WANGWU_VILLAGE, 2)))
                    # Moving an agreeing row to another town alone is refused too.
                    with pytest.raises(IntegrityError, match=ours):
                        async with conn.begin_nested():
                            await conn.execute(table.update().values(town_code=KEJING))
                    refused.append(fullname)
                finally:
                    await transaction.rollback()
    finally:
        await engine.dispose()
    assert refused == tables


async def test_the_migration_stops_on_disagreeing_rows_and_goes_down_again(scratch: str) -> None:
    engine = create_async_engine(to_async_url(scratch))
    try:
        for service, revision in ADDED_BY.items():
            component = by_name(service)
            config = alembic_config(component.migrations, component.schema, scratch)
            script = ScriptDirectory.from_config(config).get_revision(revision)
            assert script is not None and isinstance(script.down_revision, str)
            before, tables = script.down_revision, list(script.module.TABLES)
            await asyncio.to_thread(upgrade, component.migrations, component.schema, scratch, before)
            # Two disagreeing rows in the first table the migration ties.
            fullname = f"{service}.{tables[0]}"
            async with engine.begin() as conn:
                table = await _loosen(conn, fullname)
                for n in (1, 2):
                    await conn.execute(table.insert().values(_row(table, KEJING, WANGWU_VILLAGE, n)))

            with pytest.raises(RuntimeError, match=rf"前 9 位.*{fullname}: 2.*town_code"):
                await asyncio.to_thread(upgrade, component.migrations, component.schema, scratch)
            assert await _checks(engine, service, tables) == set()  # nothing half-added

            async with engine.begin() as conn:
                await conn.execute(text(f"UPDATE {fullname} SET town_code = left(village_code, 9)"))
            await asyncio.to_thread(upgrade, component.migrations, component.schema, scratch)
            assert await _checks(engine, service, tables) == {f"ck_{t}_village_in_town" for t in tables}

            await asyncio.to_thread(command.downgrade, config, before)
            assert await _checks(engine, service, tables) == set()
    finally:
        await engine.dispose()


async def _checks(engine: Any, schema: str, tables: list[str]) -> set[str]:
    async with engine.connect() as conn:

        def names(sync: Connection) -> set[str]:
            found: set[str] = set()
            inspector = inspect(sync)
            for t in tables:
                found |= {
                    c["name"]
                    for c in inspector.get_check_constraints(t, schema=schema)
                    if str(c["name"]).endswith("village_in_town")
                }
            return found

        return await conn.run_sync(names)
