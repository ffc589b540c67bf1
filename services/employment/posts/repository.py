from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import Post, PostHolding
from shared.auth import Principal
from shared.db import in_territory


def scoped(principal: Principal) -> Select[Post]:
    return select(Post).where(in_territory(principal, Post.village_code))


async def get(session: AsyncSession, principal: Principal, post_id: uuid.UUID) -> Post | None:
    return (
        await session.execute(scoped(principal).where(Post.id == post_id).with_for_update())
    ).scalar_one_or_none()


def filtered(
    principal: Principal, *, town_code: str | None, village_code: str | None, updated_since: datetime | None
) -> Select[Post]:
    query = scoped(principal)
    if town_code:
        query = query.where(Post.town_code == town_code)
    if village_code:
        query = query.where(Post.village_code == village_code)
    if updated_since:
        query = query.where(Post.updated_at > updated_since)
    return query


async def open_holding(session: AsyncSession, post_id: uuid.UUID) -> PostHolding | None:
    return await session.scalar(
        select(PostHolding).where(PostHolding.post_id == post_id, PostHolding.ended_on.is_(None))
    )


async def worker_holds_post(session: AsyncSession, worker_id: uuid.UUID) -> bool:
    found = await session.scalar(
        select(PostHolding.id).where(PostHolding.worker_id == worker_id, PostHolding.ended_on.is_(None))
    )
    return found is not None


def _held_on(day: date):  # type: ignore[no-untyped-def]
    return func.count(PostHolding.id).filter(
        and_(PostHolding.started_on <= day, or_(PostHolding.ended_on.is_(None), PostHolding.ended_on >= day))
    )


async def headcount(
    session: AsyncSession, principal: Principal, as_of: date, baseline_on: date
) -> list[tuple[str, int, int, int]]:
    """(town, posts, holders at baseline, holders at as_of) in one pass over posts and holdings."""
    query = (
        select(Post.town_code, func.count(func.distinct(Post.id)), _held_on(baseline_on), _held_on(as_of))
        .select_from(Post)
        .outerjoin(PostHolding, PostHolding.post_id == Post.id)
        .where(in_territory(principal, Post.village_code))
        .group_by(Post.town_code)
        .order_by(Post.town_code)
    )
    return [(t, int(p), int(b), int(h)) for t, p, b, h in (await session.execute(query)).all()]
