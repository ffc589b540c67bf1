"""Reference projections: a service's read-only copy of the records of other services it names.

A service that stores another service's id (a worker's household, an asset's source project) keeps
the few columns it needs of those records in a table of its own, fed by the owner's events through
its inbox. Events may arrive out of order across redeliveries, so a projected row is replaced only
by a newer version of it. A write naming a foreign id checks it here — it exists, lies in the
caller's territory — before anything is written; the two failures answer the same, so an id
outside one's territory cannot be told from one that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from shared.auth import Principal
from shared.errors import AppError, FieldProblem


class UnknownReference(AppError):
    """The named record is unknown here or outside the caller's territory (deliberately the same)."""

    status, code = 422, "unknown_reference"
    title_zh, title_en = "引用的记录不存在或不在您的数据范围内", "Referenced record not found"

    def __init__(self, field: str) -> None:
        message = "不存在或不在您的数据范围内"
        super().__init__(f"{field}：引用的记录{message}", f"{field}: no such record in your scope")
        self.field_problems = [FieldProblem(field=field, message=message, type=self.code)]


class ReferencePending(AppError):
    """The owner's events are still arriving: the record may be on its way. Retry shortly."""

    status, code = 503, "reference_pending"
    title_zh, title_en = "引用的记录尚未同步，请稍后重试", "Referenced record not yet synchronised; retry"

    def __init__(self, field: str) -> None:
        super().__init__(f"{field}：数据同步中，请稍后重试", f"{field}: still synchronising, retry shortly")
        self.headers["Retry-After"] = "2"


async def apply_newer(
    session: AsyncSession, table: Table, row: Mapping[str, Any], *, key: str = "id", version: str = "version"
) -> bool:
    """Insert ``row``, or replace the stored one if ``row`` is a newer version. True if it was applied."""
    insert = pg_insert(table).values(**row)
    upsert = insert.on_conflict_do_update(
        index_elements=[table.c[key]],
        set_={name: insert.excluded[name] for name in row if name != key},
        where=table.c[version] < insert.excluded[version],
    ).returning(table.c[key])
    return (await session.execute(upsert)).first() is not None


RowT = TypeVar("RowT")


class PendingSource(Protocol):
    async def lagging(self, source_service: str) -> bool: ...


async def require_reference(
    principal: Principal,
    row: RowT | None,
    *,
    place: Callable[[RowT], str],
    field: str,
    source: str,
    events: PendingSource,
) -> RowT:
    """``row`` if the caller may name it; otherwise the one answer for unknown and out-of-scope.

    ``place`` gives the row's division code (its village, or its town). When the projection does
    not hold the id but ``source``'s events are still waiting to be applied (or that cannot be
    checked), the answer is a retryable 503 rather than a refusal.
    """
    if row is None:
        if await events.lagging(source):
            raise ReferencePending(field)
        raise UnknownReference(field)
    if not principal.covers(place(row)):
        raise UnknownReference(field)
    return row
