"""Keyset (cursor) pagination: stable under concurrent inserts and fast at any depth."""

from __future__ import annotations

import base64
import functools
import json
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from types import UnionType
from typing import Annotated, Any, Generic, TypeVar, Union, get_args, get_origin
from uuid import UUID

import annotated_types
from asyncpg.pgproto.pgproto import UUID as AsyncpgUUID
from fastapi import Query, Response
from pydantic import BaseModel
from pydantic_core import to_json
from sqlalchemy import ARRAY, Boolean, Date, DateTime, Integer, String, TypeDecorator, Uuid, tuple_
from sqlalchemy import Enum as SQLEnum
from sqlalchemy.util.concurrency import await_only, greenlet_spawn

from shared.errors import ValidationFailed
from shared.schemas import IsoDateTime

T = TypeVar("T")

# The query parameters every list shares (``limit: Limit = 50``).
Cursor = Annotated[
    str | None,
    Query(max_length=500, description="上一页答复中的 next_cursor / the previous page's next_cursor"),
]
Limit = Annotated[int, Query(ge=1, le=500, description="每页条数 / page size")]
UpdatedSince = Annotated[
    IsoDateTime | None,
    Query(description="只返回此时间之后有变化的记录（增量同步）/ only records changed since (delta sync)"),
]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


def encode_cursor(values: list[Any]) -> str:
    if all(type(value) in _QUOTED_AS_STR for value in values):
        # A page's last (updated_at, id): what json.dumps(default=str) writes, without its encoder
        # (neither str() of a time nor of a UUID holds a character JSON escapes).
        raw = ("[" + ",".join(f'"{value}"' for value in values) + "]").encode()
    else:
        raw = json.dumps(values, default=str, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


_QUOTED_AS_STR = frozenset({datetime, date, UUID, AsyncpgUUID})


def decode_cursor(cursor: str | None) -> list[Any] | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (ValueError, json.JSONDecodeError) as exc:
        raise ValidationFailed("cursor", "分页游标无效", "invalid cursor") from exc
    if not isinstance(values, list):
        raise ValidationFailed("cursor", "分页游标无效", "invalid cursor")
    return values


async def keyset_page(
    session: Any,
    query: Any,
    order_columns: tuple[Any, Any],
    *,
    cursor: str | None,
    limit: int,
    rows: bool = False,
) -> tuple[list[Any], str | None]:
    """One page of ``query`` ordered by ``(updated_at, id)``-like columns, with the next cursor.

    Ordering by last change lets field apps sync with ``updated_since`` and keep paging without
    missing a row that changes meanwhile (it moves forward, to a later page).

    ``rows=True`` answers plain rows of the entity's table columns instead of ORM objects: for a
    page that is only serialised, the identity map and attribute instrumentation cost more than
    the query (each row a dict of the columns, keyed like the object's attributes).
    """
    first, second = order_columns
    after = decode_cursor(cursor)
    if after is not None:
        if len(after) != 2:
            raise ValidationFailed("cursor", "分页游标无效", "invalid cursor")
        after = [_coerce(first, after[0]), _coerce(second, after[1])]
    if rows:
        found: list[Any] = await _page_rows(session, query, first, second, after, limit)
    else:
        page = _page_query(query, first, second, after, limit)
        found = list((await session.execute(page)).scalars())
    next_cursor = None
    if len(found) > limit:
        found = found[:limit]
        last = found[-1]
        if rows:
            next_cursor = encode_cursor([last[first.key], last[second.key]])
        else:
            next_cursor = encode_cursor([getattr(last, first.key), getattr(last, second.key)])
    if rows:
        found = _Rows(found, first.class_.__table__)
    return found, next_cursor


def _page_query(
    query: Any, first: Any, second: Any, after: list[Any] | None, limit: int, *, columns: bool = False
) -> Any:
    """The page's statement: after the cursor, in the list's order, one row more than the page."""
    if after is not None:
        query = query.where(tuple_(first, second) > tuple_(after[0], after[1]))
    query = query.order_by(first, second).limit(limit + 1)
    if columns:
        query = query.with_only_columns(*first.class_.__table__.columns)
    return query


# Where a positional value of a planned page comes from.
_BOUND, _AFTER, _SIZE, _FIXED = range(4)
_UNPLANNED: Any = object()


class _PagePlan:
    """One list shape's page as SQL with positional values, made once from the first request.

    The shape is the caller's statement's cache key (which filters are set) plus whether a cursor
    is given; each value is then taken from the request's own statement (its bound parameters, in
    cache-key order), the cursor or the page size, and passed through the column type's bind
    processor — what SQLAlchemy's ``construct_params`` does, without building the page's statement
    (``where``/``order_by``/``limit``/``with_only_columns``) and its cache key again each request.
    """

    __slots__ = ("first", "second", "sources", "sql")

    def __init__(self, sql: str, sources: list[tuple[int, Any, bool, Any]], first: Any, second: Any) -> None:
        self.sql = sql
        self.sources = sources
        self.first = first
        self.second = second

    def arguments(self, bound: Sequence[Any], after: list[Any] | None, size: int) -> list[Any]:
        values = []
        for kind, at, computed, process in self.sources:
            if kind == _BOUND:
                param = bound[at]
                value = param.effective_value if computed else param.value
            elif kind == _AFTER:
                value = after[at]  # type: ignore[index]
            elif kind == _SIZE:
                value = size
            else:
                value = at
            values.append(value if process is None else process(value))
        return values


_PLANS: dict[Any, _PagePlan | None] = {}
_PLANS_MAX = 500


def _plan_page(
    dialect: Any, query: Any, base: Any, first: Any, second: Any, after: list[Any] | None, limit: int
) -> _PagePlan | None:
    """The plan of this request's shape, or None when its values cannot all be traced (the page
    then runs the way before: statement built and compiled values through SQLAlchemy)."""
    page = _page_query(query, first, second, after, limit, columns=True)
    key = page._generate_cache_key()
    if key is None:
        return None
    compiled = dialect.statement_compiler(dialect, page, cache_key=key)
    if compiled.literal_execute_params or compiled.post_compile_params or compiled.positiontup is None:
        return None
    # Each bound parameter of the page's cache key: one of the caller's statement, the cursor's
    # two values or the page size.
    in_query = {id(param): at for at, param in enumerate(base.bindparams)}
    origins: dict[Any, tuple[int, Any]] = {}
    for param in key.bindparams:
        if id(param) in in_query:
            origins[param] = (_BOUND, in_query[id(param)])
        elif param is page._limit_clause:
            origins[param] = (_SIZE, None)
        elif after is not None and param.value is after[0] and not param.callable:
            origins[param] = (_AFTER, 0)
        elif after is not None and param.value is after[1] and not param.callable:
            origins[param] = (_AFTER, 1)
        else:
            return None
    matches = compiled._cache_key_bind_match[0]
    escaped = compiled.escaped_bind_names
    by_name = {escaped.get(name, name): bind for bind, name in compiled.bind_names.items()}
    source_of = {bind: origins[param] for param in key.bindparams for bind in matches[param]}
    processors = compiled._bind_processors
    sources: list[tuple[int, Any, bool, Any]] = []
    for name in compiled.positiontup:
        bind = by_name.get(name)
        if bind is None:
            return None
        computed = bool(bind.callable)
        kind, at = source_of.get(bind, (_FIXED, None))
        if kind == _FIXED:
            at = bind.effective_value if computed else bind.value
        sources.append((kind, at, computed, processors.get(name)))
    plan = _PagePlan(compiled.string, sources, first, second)
    # The plan must give this request what SQLAlchemy gives it, value for value.
    params = compiled.construct_params(extracted_parameters=key.bindparams)
    expected = [
        processors[name](params[name]) if name in processors else params[name]
        for name in compiled.positiontup
    ]
    if plan.arguments(base.bindparams, after, limit + 1) != expected:
        return None
    return plan


def _idle_read_pool(session: Any) -> Any:
    """The pool of a read session (``Database.reads``: autocommit) that holds no connection yet,
    else None. Such a session's first statement would check a connection out only to run it and
    commit it on its own: a page can run on a pooled connection directly, without the session's
    ``Connection`` (~70 µs of checkout, isolation level and events a request)."""
    sync = getattr(session, "sync_session", None)
    if sync is None or sync.in_transaction():
        return None
    bind = sync.bind
    if bind is None or bind.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
        return None
    return bind


def _fetch_pooled(engine: Any, sql: str, args: list[Any]) -> Any:
    """Run in a greenlet (``greenlet_spawn``): check a connection out of the engine's pool (its
    checkout hooks run: a closed one is swapped), fetch, give it back. None if the database
    refused the statement: the caller then runs it the session's way, whose error the kit answers."""
    connection = engine.pool.connect()
    try:
        return await_only(connection.driver_connection.fetch(sql, *args))
    except Exception:
        if connection.driver_connection.is_closed():
            connection.invalidate()
        return None
    except BaseException:
        # Cancelled mid-statement: the connection may still be busy with it; never pooled again.
        connection.invalidate()
        raise
    finally:
        connection.close()


async def _page_rows(
    session: Any, query: Any, first: Any, second: Any, after: list[Any] | None, limit: int
) -> list[dict[str, Any]]:
    engine = _idle_read_pool(session)
    if engine is not None:
        base = query._generate_cache_key()
        if base is not None:
            shape = (base.key, id(first), id(second), after is None)
            plan = _PLANS.get(shape, _UNPLANNED)
            if plan is _UNPLANNED:
                plan = _plan_page(engine.dialect, query, base, first, second, after, limit)
                if len(_PLANS) >= _PLANS_MAX:
                    _PLANS.clear()
                _PLANS[shape] = plan
            if plan is not None and plan.first is first and plan.second is second:
                args = plan.arguments(base.bindparams, after, limit + 1)
                records = await greenlet_spawn(_fetch_pooled, engine, plan.sql, args)
                if records is not None:
                    return [dict(record) for record in records]
    return await _driver_rows(session, _page_query(query, first, second, after, limit, columns=True))


# Compiled page queries by SQLAlchemy's cache key (the statement's shape: which filters are set),
# bounded: a service has a handful of list shapes.
_COMPILED: dict[Any, Any] = {}
_COMPILED_MAX = 500


async def _driver_rows(session: Any, query: Any) -> list[dict[str, Any]]:
    """The page's rows as dicts, the statement run straight on the asyncpg connection.

    Through the session the same page cost 0.9 ms of CPU, on asyncpg 0.25 ms (SQLAlchemy's
    execution context and per-column result processing; issue 16). The SQL is still SQLAlchemy's,
    compiled once per shape and bound with its own bind processors; values come back as asyncpg
    decodes them (enums as their text, which the output models read). Only for reads
    (``Database.reads``, autocommit); statements whose SQL depends on the values (expanding IN
    lists) and pages read inside a transaction take the ordinary path.
    """
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    if not getattr(raw.dbapi_connection, "autocommit", False):
        # Inside a transaction SQLAlchemy begins it lazily on its own first statement: stay with it.
        return [dict(row) for row in (await session.execute(query)).mappings()]
    key = query._generate_cache_key()
    compiled = _COMPILED.get(key.key) if key is not None else None
    if compiled is None:
        dialect = connection.dialect
        compiled = dialect.statement_compiler(dialect, query, cache_key=key)
        if key is not None and not compiled.literal_execute_params and not compiled.post_compile_params:
            if len(_COMPILED) >= _COMPILED_MAX:
                _COMPILED.clear()
            _COMPILED[key.key] = compiled
    if key is None or compiled.literal_execute_params or compiled.post_compile_params:
        return [dict(row) for row in (await session.execute(query)).mappings()]
    params = compiled.construct_params(extracted_parameters=key.bindparams)
    processors = compiled._bind_processors
    args = [
        processors[name](params[name]) if name in processors else params[name]
        for name in compiled.positiontup
    ]
    try:
        records = await raw.driver_connection.fetch(compiled.string, *args)
    except Exception:
        # The database refused it (a NUL in a search, a value out of range): a read changed
        # nothing, so run it again the ordinary way, whose error the kit answers (422, not 500).
        return [dict(row) for row in (await session.execute(query)).mappings()]
    return [dict(record) for record in records]


class _Rows(list[dict[str, Any]]):
    """A page's rows from ``keyset_page(rows=True)``: dicts of ``table``'s columns, valued as the
    driver decoded them (each column one Python type; the database's NOT NULL and enum types hold)."""

    __slots__ = ("table",)

    def __init__(self, rows: list[dict[str, Any]], table: Any) -> None:
        super().__init__(rows)
        self.table = table


def page_response(page_type: Any, items: list[Any], next_cursor: str | None) -> Response:
    """The page as JSON.

    Rows of ``keyset_page(rows=True)`` whose output model only names their columns and their
    labels (``shared.labels``) are written as the model would write them, without validating them
    and without calling each label property from the serialiser (``_RowsWriter``); anything else
    is validated once from the items and serialised by pydantic (in Rust). Returned as a ready
    response, so FastAPI does not validate the page a second time against the endpoint's
    ``response_model`` (which still documents it).
    """
    if type(items) is _Rows:
        writer = _rows_writer(page_type, items.table)
        if writer is not None:
            body = writer.write(items, next_cursor)
            if body is not None:
                return Response(body, media_type="application/json")
    page = page_type.model_validate({"items": items, "next_cursor": next_cursor})
    return Response(page.model_dump_json(), media_type="application/json")


class _RowsWriter:
    """Writes a ``Page`` of one output model from rows of one table: the model's fields (the
    rows' columns, in the model's order) then its labels, each looked up in a table made once per
    enum. ``pydantic_core.to_json`` writes UUIDs, dates, times, enums' values, lists and text
    exactly as the model's serialiser does for the values the model would have validated them to
    (tests/kit/test_list_pages.py compares the bytes); ``_rows_writer`` admits only models and
    tables for which validation could not change or refuse a value."""

    __slots__ = ("fields", "labels", "same_order")

    def __init__(
        self, fields: list[str], labels: list[tuple[str, str, dict[str, str], bool, bool]], same_order: bool
    ) -> None:
        self.fields = fields
        self.labels = labels
        self.same_order = same_order

    def write(self, rows: list[dict[str, Any]], next_cursor: str | None) -> bytes | None:
        """The page's JSON, or None when a row holds what the model would refuse (a label of a
        value its enum does not have, a missing label): the caller then validates as before."""
        if self.same_order and rows and list(rows[0]) != self.fields:
            return None  # not the table's columns as keyset_page reads them
        try:
            items = rows if self.same_order else [{name: row[name] for name in self.fields} for row in rows]
            for item in items:
                for name, field, labels, optional, many in self.labels:
                    value = item[field]
                    if many:
                        item[name] = [labels[member] for member in value]
                    elif value is not None:
                        item[name] = labels[value]
                    elif optional:
                        item[name] = None
                    else:
                        return None
        except (KeyError, TypeError):
            return None
        return to_json({"items": items, "next_cursor": next_cursor})


# pydantic settings that change neither what validation makes of a column's value nor how it is written.
_NEUTRAL_CONFIG = frozenset({"from_attributes", "title", "json_schema_extra", "frozen", "defer_build"})


@functools.cache
def _rows_writer(page_type: Any, table: Any) -> _RowsWriter | None:
    """The writer of ``page_type`` (a ``Page[Model]``) from rows of ``table``, or None when the
    model's own validation could change or refuse a value of a row, or its serialiser would write
    one differently: anything but plain fields of the kinds ``_column_fits`` knows, each a column of
    the table, and labels made by ``shared.labels``."""
    if not (isinstance(page_type, type) and issubclass(page_type, Page)):
        return None
    if set(page_type.model_fields) != {"items", "next_cursor"} or page_type.model_computed_fields:
        return None
    items = page_type.model_fields["items"].annotation
    if get_origin(items) is not list:
        return None
    (model,) = get_args(items)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return None
    if _has_own_rules(page_type) or _has_own_rules(model):
        return None
    columns = {column.name: column for column in table.columns}
    fields = list(model.model_fields)
    for name, info in model.model_fields.items():
        if name not in columns or not _plain_field(info) or not _column_fits(info.annotation, columns[name]):
            return None
    labels = []
    for name, computed in model.model_computed_fields.items():
        if computed.alias is not None or getattr(computed, "exclude_if", None) is not None:
            return None
        getter = getattr(computed.wrapped_property, "fget", None)
        field, optional, many = getattr(getter, "label_of", (None, False, False))
        if field not in model.model_fields:
            return None
        enum = _enum_of(model.model_fields[field].annotation, many=many)
        if enum is None or not all(isinstance(getattr(member, "label", None), str) for member in enum):
            return None
        labels.append((name, field, {member.value: member.label for member in enum}, optional, many))
    same_order = [column.name for column in table.columns] == fields
    return _RowsWriter(fields, labels, same_order)


def _has_own_rules(model: Any) -> bool:
    decorators = model.__pydantic_decorators__
    own = (
        decorators.validators,
        decorators.field_validators,
        decorators.root_validators,
        decorators.field_serializers,
        decorators.model_serializers,
        decorators.model_validators,
    )
    return any(own) or not set(model.model_config) <= _NEUTRAL_CONFIG


def _plain_field(info: Any) -> bool:
    """No alias, no exclusion, and only constraints (lengths, bounds, patterns) beside the type:
    no validator or serialiser of its own."""
    if info.alias or info.serialization_alias or info.validation_alias or info.exclude:
        return False
    if getattr(info, "exclude_if", None) is not None:
        return False
    return all(
        isinstance(item, annotated_types.BaseMetadata) or type(item).__name__ == "_PydanticGeneralMetadata"
        for item in info.metadata
    )


def _column_fits(annotation: Any, column: Any) -> bool:
    """Whether every value the driver can give for ``column`` is one the field takes unchanged
    (validation would neither refuse nor convert it into something written differently)."""
    kind = column.type
    if isinstance(kind, TypeDecorator):
        return False
    args = get_args(annotation)
    if get_origin(annotation) in (Union, UnionType) and type(None) in args:
        rest = [arg for arg in args if arg is not type(None)]
        if len(rest) != 1:
            return False
        annotation = rest[0]
    elif column.nullable:
        return False  # a NULL the model refuses
    if get_origin(annotation) is list:
        # Lists only of a labelled enum: the label look-up refuses a member it does not know (and
        # an array's NULL element).
        (member,) = get_args(annotation) or (None,)
        return isinstance(kind, ARRAY) and _enum_fits(member, kind.item_type)
    column_type = _PLAIN_COLUMN_TYPES.get(annotation)
    if column_type is not None:
        return isinstance(kind, column_type)
    return _enum_fits(annotation, kind)


# A plain field written without validation when its column is of this type (looked up by the
# annotation itself: bool is not taken for int).
_PLAIN_COLUMN_TYPES: dict[Any, type] = {
    bool: Boolean,
    int: Integer,
    str: String,
    UUID: Uuid,
    datetime: DateTime,
    date: Date,
}


def _enum_fits(annotation: Any, kind: Any) -> bool:
    """A text enum whose members include every value of the column's enum type."""
    return (
        isinstance(annotation, type)
        and issubclass(annotation, StrEnum)
        and isinstance(kind, SQLEnum)
        and set(kind.enums) <= {member.value for member in annotation}
    )


def _enum_of(annotation: Any, *, many: bool) -> Any:
    args = [arg for arg in get_args(annotation) if arg is not type(None)]
    if get_origin(annotation) in (Union, UnionType) and len(args) == 1:
        annotation = args[0]
    if many:
        if get_origin(annotation) is not list:
            return None
        (annotation,) = get_args(annotation)
    return annotation if isinstance(annotation, type) and issubclass(annotation, StrEnum) else None


def _coerce(column: Any, value: Any) -> Any:
    try:
        python_type = column.type.python_type
        if python_type is datetime:
            return datetime.fromisoformat(value)
        if python_type is UUID:
            return UUID(str(value))
        return python_type(value)
    except (ValueError, TypeError, NotImplementedError) as exc:
        raise ValidationFailed("cursor", "分页游标无效", "invalid cursor") from exc
