"""The kit's pool without pre-ping: a connection the server closed is replaced at checkout, and
reads run without a transaction (ADR 0009). Real PostgreSQL, no mocks."""

from __future__ import annotations

import asyncio

from sqlalchemy import text

from shared.db import Database, create_engine
from tests.conftest import Infra


async def test_a_connection_the_server_closed_is_replaced_at_checkout(infra: Infra) -> None:
    db = Database(create_engine(infra.database_url, pool_size=1))
    admin = Database(create_engine(infra.database_url, pool_size=1))
    try:
        async with db.engine.connect() as conn:
            victim = await conn.scalar(text("SELECT pg_backend_pid()"))
        # The pooled connection is killed by the server, as on a restart or an idle timeout.
        async with admin.engine.connect() as other, asyncio.timeout(10):
            await other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": victim})
        await asyncio.sleep(0.2)  # asyncpg notices the socket's end on the event loop
        # No pre-ping, yet the next checkout works, on a new backend: the hook swapped it.
        async with db.engine.connect() as conn:
            assert await conn.scalar(text("SELECT pg_backend_pid()")) != victim
    finally:
        await db.dispose()
        await admin.dispose()


async def test_reads_run_without_a_transaction_and_writes_inside_one(infra: Infra) -> None:
    db = Database(create_engine(infra.database_url, pool_size=1))
    try:
        # now() is the transaction's start: two calls differ only outside a transaction.
        async with db.reads() as session:
            first = await session.scalar(text("SELECT now()"))
            await asyncio.sleep(0.01)
            assert await session.scalar(text("SELECT now()")) != first
            assert await session.scalar(text("SELECT txid_current_if_assigned()")) is None
        async with db.transaction() as session:
            first = await session.scalar(text("SELECT now()"))
            await asyncio.sleep(0.01)
            assert await session.scalar(text("SELECT now()")) == first
        # The pooled connection went back to its ordinary level after serving reads.
        async with db.transaction() as session:
            level = await session.scalar(text("SHOW transaction_isolation"))
            assert level == "read committed"
    finally:
        await db.dispose()
