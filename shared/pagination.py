"""Keyset (cursor) pagination: stable under concurrent inserts and fast at any depth."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar
from uuid import UUID

from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import tuple_

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
    raw = json.dumps(values, default=str, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


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
) -> tuple[list[Any], str | None]:
    """One page of ``query`` ordered by ``(updated_at, id)``-like columns, with the next cursor.

    Ordering by last change lets field apps sync with ``updated_since`` and keep paging without
    missing a row that changes meanwhile (it moves forward, to a later page).
    """
    first, second = order_columns
    after = decode_cursor(cursor)
    if after is not None:
        if len(after) != 2:
            raise ValidationFailed("cursor", "分页游标无效", "invalid cursor")
        query = query.where(
            tuple_(first, second) > tuple_(_coerce(first, after[0]), _coerce(second, after[1]))
        )
    rows = list((await session.execute(query.order_by(first, second).limit(limit + 1))).scalars())
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode_cursor([getattr(last, first.key), getattr(last, second.key)])
    return rows, next_cursor


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
