"""Every query of the webhook area."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.models import DeliveryStatus, WebhookDelivery, WebhookSubscription


def visible(owner: str | None) -> Select[WebhookSubscription]:
    """Subscriptions of ``owner`` (a department's client), or all of them (``None``: district, auditor)."""
    query = select(WebhookSubscription)
    if owner is not None:
        query = query.where(WebhookSubscription.owner == owner)
    return query


async def get(
    session: AsyncSession, subscription_id: uuid.UUID, owner: str | None, *, for_update: bool = False
) -> WebhookSubscription | None:
    query = visible(owner).where(WebhookSubscription.id == subscription_id)
    if for_update:
        query = query.with_for_update()
    return await session.scalar(query)


@dataclass(frozen=True)
class DeliveryHealth:
    last_delivered_at: datetime | None = None
    last_attempt_at: datetime | None = None
    last_status_code: int | None = None
    last_error: str | None = None
    pending: int = 0
    failed: int = 0


async def health(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, DeliveryHealth]:
    d = WebhookDelivery
    counts = await session.execute(
        select(
            d.subscription_id,
            func.max(d.delivered_at),
            func.max(d.last_attempt_at),
            func.count().filter(d.status == DeliveryStatus.PENDING),
            func.count().filter(d.status == DeliveryStatus.FAILED),
        )
        .where(d.subscription_id.in_(ids))
        .group_by(d.subscription_id)
    )
    latest = await session.execute(
        select(d.subscription_id, d.last_status_code, d.last_error)
        .where(d.subscription_id.in_(ids), d.last_attempt_at.is_not(None))
        .ext(distinct_on(d.subscription_id))
        .order_by(d.subscription_id, d.last_attempt_at.desc())
    )
    last = {row[0]: (row[1], row[2]) for row in latest}
    return {
        sid: DeliveryHealth(delivered, attempted, *last.get(sid, (None, None)), pending, failed)
        for sid, delivered, attempted, pending, failed in counts
    }


def deliveries(subscription_id: uuid.UUID, status: DeliveryStatus | None) -> Select[WebhookDelivery]:
    query = select(WebhookDelivery).where(WebhookDelivery.subscription_id == subscription_id)
    if status is not None:
        query = query.where(WebhookDelivery.status == status)
    return query


async def requeue_since(session: AsyncSession, subscription_id: uuid.UUID, since: datetime) -> int:
    result = await session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.subscription_id == subscription_id, WebhookDelivery.event_time >= since)
        .values(
            status=DeliveryStatus.PENDING,
            attempts=0,
            next_attempt_at=func.now(),
            delivered_at=None,
            last_error=None,
        )
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def candidates(
    session: AsyncSession, event_type: str, event_time: datetime
) -> list[WebhookSubscription]:
    """Active subscriptions to ``event_type`` made before the event happened (later ones start after it)."""
    query = select(WebhookSubscription).where(
        WebhookSubscription.active.is_(True),
        WebhookSubscription.event_types.any_() == event_type,
        WebhookSubscription.created_at <= event_time,
    )
    return list(await session.scalars(query))


async def add_deliveries(
    session: AsyncSession, subscription_ids: list[uuid.UUID], envelope: dict[str, Any], event_time: datetime
) -> int:
    if not subscription_ids:
        return 0
    rows = [
        {
            "subscription_id": sid,
            "event_id": uuid.UUID(str(envelope["id"])),
            "event_type": envelope["type"],
            "event_time": event_time,
            "envelope": envelope,
        }
        for sid in subscription_ids
    ]
    result = await session.execute(
        pg_insert(WebhookDelivery).values(rows).on_conflict_do_nothing().returning(WebhookDelivery.id)
    )
    return len(result.all())


@dataclass(frozen=True)
class DueDelivery:
    id: int
    event_id: uuid.UUID
    envelope: dict[str, Any]
    attempts: int
    url: str
    secret: str


async def claim_due(session: AsyncSession, limit: int, lease: timedelta) -> list[DueDelivery]:
    """Due deliveries of active subscriptions, leased for ``lease`` (another replica skips them, and
    takes them over if this one dies mid-delivery)."""
    d, s = WebhookDelivery, WebhookSubscription
    rows = (
        await session.execute(
            select(d.id, d.event_id, d.envelope, d.attempts, s.url, s.secret)
            .join(s, s.id == d.subscription_id)
            .where(d.status == DeliveryStatus.PENDING, d.next_attempt_at <= func.now(), s.active.is_(True))
            .order_by(d.next_attempt_at, d.id)
            .limit(limit)
            .with_for_update(of=d, skip_locked=True)
        )
    ).all()
    if rows:
        await session.execute(
            update(d).where(d.id.in_([r.id for r in rows])).values(next_attempt_at=func.now() + lease)
        )
    return [DueDelivery(*row) for row in rows]


async def record_attempt(
    session: AsyncSession,
    delivery_id: int,
    *,
    ok: bool,
    status_code: int | None,
    error: str | None,
    retry_in: timedelta | None,
) -> None:
    """One attempt's outcome: delivered, another try after ``retry_in``, or (``None``) given up."""
    d = WebhookDelivery
    if ok:
        status = DeliveryStatus.DELIVERED
    elif retry_in is not None:
        status = DeliveryStatus.PENDING
    else:
        status = DeliveryStatus.FAILED
    next_at = func.now() + (retry_in or timedelta(0))
    await session.execute(
        update(d)
        .where(d.id == delivery_id)
        .values(
            status=status,
            attempts=d.attempts + 1,
            last_attempt_at=func.now(),
            last_status_code=status_code,
            last_error=error[:500] if error else None,
            next_attempt_at=next_at,
            delivered_at=func.now() if ok else None,
        )
    )


async def purge_delivered(session: AsyncSession, older_than_days: int) -> None:
    d = WebhookDelivery
    await session.execute(
        delete(d).where(
            d.status == DeliveryStatus.DELIVERED,
            d.delivered_at < func.now() - timedelta(days=older_than_days),
        )
    )
