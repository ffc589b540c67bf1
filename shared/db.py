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

from sqlalchemy import ColumnElement, Enum, MetaData, Numeric, func, select, true
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import QueryableAttribute

from shared.auth import Principal

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


def create_engine(url: str, *, pool_size: int = 10, **kwargs: Any) -> AsyncEngine:
    return create_async_engine(
        to_async_url(url), pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True, **kwargs
    )


class Database:
    """Engine + session factory of one component, plus the hooks run after each commit."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.sessions = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
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

    async def ping(self, timeout: float = 2.0) -> None:
        async with asyncio.timeout(timeout), self.engine.connect() as conn:
            await conn.exec_driver_sql("SELECT 1")

    async def dispose(self) -> None:
        await self.engine.dispose()
