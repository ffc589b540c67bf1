from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import Post, PostAllowancePayment, PostHolding, Spell
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


async def main_job_between(session: AsyncSession, worker_id: uuid.UUID, first: date, last: date) -> bool:
    """Whether the worker had a main job on any day from ``first`` to ``last``."""
    found = await session.scalar(
        select(Spell.id).where(
            Spell.worker_id == worker_id,
            Spell.is_main,
            Spell.started_on <= last,
            or_(Spell.ended_on.is_(None), Spell.ended_on >= first),
        )
    )
    return found is not None


async def holding_of(session: AsyncSession, post_id: uuid.UUID, holding_id: uuid.UUID) -> PostHolding | None:
    return await session.scalar(
        select(PostHolding).where(PostHolding.id == holding_id, PostHolding.post_id == post_id)
    )


async def allowances(
    session: AsyncSession, principal: Principal, year: int
) -> list[tuple[str, date, int, Any]]:
    """(town, month, payments, amount) of the allowances paid for months of ``year``."""
    query = (
        select(
            PostAllowancePayment.town_code,
            PostAllowancePayment.month,
            func.count(),
            func.sum(PostAllowancePayment.amount),
        )
        .where(
            PostAllowancePayment.month >= date(year, 1, 1),
            PostAllowancePayment.month <= date(year, 12, 1),
            in_territory(principal, PostAllowancePayment.village_code),
        )
        .group_by(PostAllowancePayment.town_code, PostAllowancePayment.month)
        .order_by(PostAllowancePayment.town_code, PostAllowancePayment.month)
    )
    return [(t, m, int(n), a) for t, m, n, a in (await session.execute(query)).all()]
