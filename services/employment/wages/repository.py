from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import Spell, SpellWage, Worker
from shared.auth import Principal
from shared.db import in_territory


async def spell_with_worker(
    session: AsyncSession, principal: Principal, spell_id: uuid.UUID, *, for_update: bool = False
) -> tuple[Spell, Worker] | None:
    query = (
        select(Spell, Worker)
        .join(Worker, Worker.id == Spell.worker_id)
        .where(Spell.id == spell_id, in_territory(principal, Worker.village_code))
    )
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).first()
    return (row[0], row[1]) if row else None


async def of_spell(session: AsyncSession, spell_id: uuid.UUID) -> list[SpellWage]:
    rows = await session.scalars(
        select(SpellWage).where(SpellWage.spell_id == spell_id).order_by(SpellWage.month)
    )
    return list(rows)


async def latest_month(session: AsyncSession, spell_id: uuid.UUID) -> date | None:
    latest: date | None = await session.scalar(
        select(func.max(SpellWage.month)).where(SpellWage.spell_id == spell_id)
    )
    return latest


async def growth(session: AsyncSession, principal: Principal, year: int) -> list[Any]:
    """Per worker, the first and the latest wage recorded for a month of ``year`` (any spell)."""
    in_year = (
        select(
            SpellWage.worker_id,
            SpellWage.town_code,
            SpellWage.village_code,
            SpellWage.month,
            SpellWage.monthly_wage,
            func.row_number().over(partition_by=SpellWage.worker_id, order_by=SpellWage.month).label("first"),
            func.row_number()
            .over(partition_by=SpellWage.worker_id, order_by=SpellWage.month.desc())
            .label("last"),
        )
        .where(
            SpellWage.month >= date(year, 1, 1),
            SpellWage.month <= date(year, 12, 1),
            in_territory(principal, SpellWage.village_code),
        )
        .subquery()
    )
    first = in_year.alias("first_wage")
    last = in_year.alias("last_wage")
    query = (
        select(
            first.c.worker_id,
            first.c.town_code,
            first.c.village_code,
            first.c.month.label("first_month"),
            first.c.monthly_wage.label("first_wage"),
            last.c.month.label("latest_month"),
            last.c.monthly_wage.label("latest_wage"),
        )
        .join(last, (last.c.worker_id == first.c.worker_id) & (last.c.last == 1))
        .where(first.c.first == 1)
        .order_by(first.c.town_code, first.c.village_code, first.c.worker_id)
    )
    return list((await session.execute(query)).all())
