"""Statements compiled once and run on the unit of work's own asyncpg connection.

A write request sends a handful of fixed statements (claim the Idempotency-Key, insert the row,
its audit row, its outbox events, keep the answer). Through the session each cost 0.5–0.8 ms of
Python before it reached the database: a cache key computed over every ``insert().values(...)``,
the ORM's execution, SQLAlchemy's execution context and result handling (issue 16, ADR 0010). A
:class:`Statement` is still SQLAlchemy's SQL — built from the tables, compiled once by the
engine's dialect, its values converted by the column types' own bind processors and the returned
columns by their result processors — but it is sent straight on the asyncpg connection of the
session's transaction, so it commits and rolls back with everything else the session did.
The database's refusals come out as the same SQLAlchemy errors the session raises, so they are
answered the same way (409, 422, 503).
"""

from __future__ import annotations

import weakref
from collections import namedtuple
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.sql import ClauseElement

Processor = Callable[[Any], Any]


class Statement:
    """One Core statement (an ``insert``/``update``/``select`` over the tables, values as
    ``bindparam``s) compiled on first use and executed with a dict of values.

    Only for statements whose SQL does not depend on the values (no expanding ``IN``); the values
    are named as the statement's bind parameters.
    """

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._compiled: _Compiled | None = None

    def _for(self, dialect: Dialect) -> _Compiled:
        if self._compiled is None:
            self._compiled = _Compiled(self.statement, dialect)
        return self._compiled

    async def execute(self, session: AsyncSession, /, **values: Any) -> None:
        await self._run(session, values, "execute")

    async def fetch(self, session: AsyncSession, /, **values: Any) -> list[Any]:
        """The returned rows, as the session's rows read (by attribute, ``_asdict()``), their values
        as the session would give them (enums as members, JSON parsed)."""
        return await self._run(session, values, "fetch")

    async def fetchrow(self, session: AsyncSession, /, **values: Any) -> Any | None:
        """The first returned row (as :meth:`fetch`'s), or None."""
        rows = await self.fetch(session, **values)
        return rows[0] if rows else None

    async def scalar(self, session: AsyncSession, /, **values: Any) -> Any:
        row = await self.fetchrow(session, **values)
        return None if row is None else row[0]

    async def _run(self, session: AsyncSession, values: Mapping[str, Any], how: str) -> Any:
        return await self.run_on(await link(session), values, how)

    async def run_on(self, on: Link, values: Mapping[str, Any], how: str = "execute") -> Any:
        """Run on the connection of a :func:`link`: ``how`` is "execute" or "fetch"."""
        adapted, driver, dialect = on
        compiled = self._for(dialect)
        args = compiled.args(values)
        # The asyncpg adapter opens the transaction at the first statement it runs (BEGIN is
        # lazy); a statement sent past it opens it the same way, so COMMIT and ROLLBACK by the
        # session include it.
        async with adapted._execute_mutex:
            if adapted._transaction is None and not adapted.autocommit:
                await adapted._start_transaction()
            try:
                if how == "execute":
                    await driver.execute(compiled.sql, *args)
                    return None
                if compiled.processors is None:
                    statement = await driver.prepare(compiled.sql)
                    compiled.learn_result_types(statement.get_attributes(), dialect)
                records = await driver.fetch(compiled.sql, *args)
            except Exception as error:
                raise _as_sqlalchemy_error(adapted, dialect, compiled.sql, error) from error
        return [compiled.row(record) for record in records]


# The asyncpg adapter (SQLAlchemy's DBAPI connection), the asyncpg connection, the dialect.
Link = tuple[Any, Any, Dialect]
_LINK = "xianjie.statement_link"


async def link(session: AsyncSession) -> Link:
    """The connection of ``session``'s current transaction, as a :class:`Statement` uses it.

    Asked of the session once a transaction: ``session.connection()`` and ``get_raw_connection()``
    each run a greenlet and the ORM's connection lookup (~50 µs a statement, measured). The link is
    kept with the transaction it was asked in — the root one and the savepoint, if any, so that a
    savepoint's SAVEPOINT is sent (by the session) before its first statement; a new transaction
    asks again, since its connection may be another one.
    """
    sync = session.sync_session
    root, savepoint = sync.get_transaction(), sync.get_nested_transaction()
    kept = session.info.get(_LINK)
    if kept is not None and root is not None and kept[0]() is root and kept[1]() is savepoint:
        found: Link = kept[2]
        return found
    connection = await session.connection()
    fairy = await connection.get_raw_connection()
    found = (fairy.dbapi_connection, fairy.driver_connection, connection.dialect)
    # Weak references: a transaction refers to its session, whose info would refer back to it and
    # keep both alive past the request until the cyclic GC found them (it then ran in a fifth of
    # the create's samples).
    session.info[_LINK] = (_weak(sync.get_transaction()), _weak(sync.get_nested_transaction()), found)
    return found


def _none() -> None:
    return None


def _weak(transaction: SessionTransaction | None) -> Callable[[], SessionTransaction | None]:
    return _none if transaction is None else weakref.ref(transaction)


def linked(session: Session) -> Link | None:
    """The link :func:`link` last gave for ``session``'s current root transaction (its connection
    is the connection of that transaction and of its savepoints), or None."""
    kept = session.info.get(_LINK)
    if kept is None or kept[0]() is not session.get_transaction():
        return None
    found: Link = kept[2]
    return found


class _Compiled:
    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled: Any = statement.compile(dialect=dialect)
        if compiled.literal_execute_params or compiled.post_compile_params:
            raise ValueError("a Statement's SQL must not depend on its values (expanding IN)")
        self.sql: str = compiled.string
        self.names: tuple[str, ...] = tuple(compiled.positiontup or ())
        self.known = frozenset(self.names)
        # Columns the statement leaves out but whose default SQLAlchemy computes in Python (a
        # ``default=uuid.uuid4``, a scalar ``default=True``): filled in the same way.
        self.defaults: dict[str, Any] = {}
        for column in compiled.insert_prefetch:
            self.defaults[column.key] = column.default
        for column in compiled.update_prefetch:
            self.defaults[column.key] = column.onupdate
        # Values written into the statement itself (a ``->> 'field'``, a literal in a condition).
        self.fixed = {
            name: bind.value
            for name, bind in compiled.binds.items()
            if not bind.required and bind.callable is None and name in self.known
        }
        self.bind: dict[str, Processor] = {}
        for name in self.names:
            processor = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                self.bind[name] = processor
        self.columns = list(getattr(statement, "exported_columns", ()))
        # The returned columns' result processors, learnt from the first run's result types.
        self.processors: list[Processor | None] | None = None if self.columns else []
        self.row_type: Any = None

    def args(self, values: Mapping[str, Any]) -> list[Any]:
        if unknown := values.keys() - self.known:
            # A value the statement has no place for (a field added to a model but not here)
            # would otherwise be dropped without a word.
            raise TypeError(f"the statement takes no {sorted(unknown)}")
        bind = self.bind
        args = []
        for name in self.names:
            if name in values:
                value = values[name]
            elif name in self.defaults:
                value = self._default(name)
            elif name in self.fixed:
                value = self.fixed[name]
            else:
                raise TypeError(f"the statement needs a value for {name!r}")
            args.append(bind[name](value) if name in bind else value)
        return args

    def _default(self, name: str) -> Any:
        default = self.defaults[name]
        # SQLAlchemy wraps a callable default to take the execution context; none exists here.
        return default.arg(None) if default.is_callable else default.arg

    def learn_result_types(self, attributes: Any, dialect: Dialect) -> None:
        self.processors = [
            column.type.dialect_impl(dialect).result_processor(dialect, attribute.type.oid)
            for column, attribute in zip(self.columns, attributes, strict=True)
        ]

    def row(self, record: Any) -> Any:
        if self.row_type is None:
            self.row_type = namedtuple("Row", list(record.keys()), rename=True)  # type: ignore[misc]
        processors = self.processors or ()
        values = list(record.values())
        for index, processor in enumerate(processors):
            if processor is not None:
                values[index] = processor(values[index])
        return self.row_type._make(values)


def _as_sqlalchemy_error(adapted: Any, dialect: Dialect, sql: str, error: Exception) -> BaseException:
    """The error SQLAlchemy would have raised for ``error`` (an IntegrityError for a unique or
    check violation, an OperationalError for a lost server...), parameters left out of its text:
    they may hold what must never reach a log."""
    try:
        adapted._handle_exception(error)  # raises the DBAPI-level translation
    except Exception as translated:
        return DBAPIError.instance(
            sql, None, translated, dialect.loaded_dbapi.Error, hide_parameters=True, dialect=dialect
        )
    return error
