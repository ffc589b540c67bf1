"""Database plumbing: one schema per component, one transaction per request or consumed event.

Code below the endpoints only ``flush()``es; the unit of work commits or rolls back once, so the
outbox row, the audit row and the idempotency record ride in the same transaction as the change.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Enum, MetaData, Numeric, event, exc, func, select, true
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import QueryableAttribute

from shared.auth import Principal
from shared.clock import DISTRICT_TIME_ZONE

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def make_metadata(schema: str) -> MetaData:
    return MetaData(schema=schema, naming_convention=NAMING_CONVENTION)


def pg_enum(enum_class: type[StrEnum], name: str, schema: str) -> Enum:
    """A PostgreSQL enum type in ``schema`` storing the members' values (not their Python names)."""
    return Enum(
        enum_class, name=name, schema=schema, values_callable=lambda members: [m.value for m in members]
    )


# Money columns: yuan with two places, the database twin of ``shared.schemas.Money`` (ADR 0003).
MONEY = Numeric(16, 2)


async def advisory_xact_lock(session: AsyncSession, name: str, *, wait: bool) -> bool:
    """Take the transaction-scoped advisory lock called ``name`` (held until commit or rollback).

    ``wait=False`` answers at once whether it was free: the way replicas agree that only one of them
    runs a periodic job; ``wait=True`` queues behind the holder and always answers True.
    """
    function = func.pg_advisory_xact_lock if wait else func.pg_try_advisory_xact_lock
    got = await session.scalar(select(function(func.hashtextextended(name, 0))))
    return wait or bool(got)


# A model's division-code attribute (``Asset.village_code``) or any string column expression.
DivisionColumn = ColumnElement[str] | QueryableAttribute[str]


def within_prefix(division_code: DivisionColumn, prefix: str | None) -> ColumnElement[bool]:
    """Rows whose division code lies under ``prefix`` (a town's code covers its villages'); all for None."""
    if prefix is None:
        return true()
    return division_code.startswith(prefix, autoescape=True)


def in_territory(principal: Principal, division_code: DivisionColumn) -> ColumnElement[bool]:
    """The caller's territory as a filter on a record's village (or town) code."""
    return within_prefix(division_code, principal.division_prefix)


def to_async_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs (as the embedded server prints them) for asyncpg."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


def create_engine(url: str, *, pool_size: int = 16, **kwargs: Any) -> AsyncEngine:
    """The component's engine. No pre-ping: it cost three round trips on every checkout (a fifth of a
    list request's time, ADR 0009). A connection the server closed (restart, failover, idle
    timeout) is noticed by asyncpg itself, which marks it closed as soon as the socket ends; the
    checkout hook below swaps such a connection for a fresh one without a round trip. A connection
    that dies mid-request fails that request (an error answer, nothing saved) and SQLAlchemy invalidates
    the whole pool, so the next request connects afresh."""
    engine = create_async_engine(
        to_async_url(url),
        pool_size=pool_size,
        # 16 kept and 20 at most a process (was 10 kept, 20 at most): under 16 concurrent requests,
        # overflow connections were closed on return and reopened (connecting cost 2 % of a list).
        # A small pool (tests, provisioning) keeps its old head-room of two.
        max_overflow=max(2, pool_size // 4),
        pool_pre_ping=False,
        # The district's days in SQL too: current_date and date casts agree with shared.clock.today().
        connect_args={"server_settings": {"timezone": DISTRICT_TIME_ZONE}},
        **kwargs,
    )
    event.listen(engine.sync_engine, "checkout", _refuse_closed_connection)
    return engine


def _refuse_closed_connection(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """A pooled connection whose socket the server closed: the pool retries with a new one."""
    driver = getattr(dbapi_connection, "driver_connection", None)
    if driver is not None and driver.is_closed():
        raise exc.DisconnectionError("connection closed by the server")


class Database:
    """Engine + session factory of one component, plus the hooks run after each commit."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.sessions = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
        # Reads run each statement on its own (PostgreSQL's READ COMMITTED gives every statement
        # its own snapshot even inside a transaction, so a read loses nothing): no BEGIN and no
        # COMMIT round trips. Switching a pooled asyncpg connection to autocommit is a flag, not a
        # statement.
        self.read_sessions = async_sessionmaker(
            engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False, autoflush=False
        )
        self._after_commit: list[Callable[[], None]] = []

    def on_commit(self, hook: Callable[[], None]) -> None:
        """Register a cheap synchronous hook (e.g. wake the outbox relay)."""
        self._after_commit.append(hook)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One unit of work: commit on success, roll back on any exception."""
        async with self.sessions() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise
        for hook in self._after_commit:
            hook()

    @asynccontextmanager
    async def reads(self) -> AsyncIterator[AsyncSession]:
        """A session for a request that only reads: every statement commits on its own.

        A write made here anyway (an auditor's read is put on record) is one statement and
        commits by itself; anything that must change several rows together belongs in
        :meth:`transaction`.
        """
        session = self.read_sessions()
        try:
            yield session
        finally:
            # A session that never held a connection (a list page runs on a pooled connection of
            # its own, shared.pagination) has nothing to give back: its close, a task of its own
            # shielded from cancellation, is skipped (~20 µs a list request). Otherwise it is
            # closed as ``async with`` closes it.
            if session.in_transaction() or session.identity_map:
                await session.__aexit__(None, None, None)

    async def ping(self, timeout: float = 2.0) -> None:
        async with asyncio.timeout(timeout), self.engine.connect() as conn:
            await conn.exec_driver_sql("SELECT 1")

    async def dispose(self) -> None:
        await self.engine.dispose()
