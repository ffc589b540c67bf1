"""工资变动: a spell's monthly wage by month, so income growth within a job can be shown.

A month holds one wage per spell (unique); it lies within the spell (from the month it started to
the month it ended, and not after this month). The latest month's wage is the spell's current
wage, copied onto the worker like every other change of the current main job.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy.exc import IntegrityError

from services.employment.models import SpellWage
from services.employment.spells.service import refresh_worker
from services.employment.wages import repository
from services.employment.wages.schemas import WageCreate
from shared import clock
from shared.context import RequestContext
from shared.errors import Conflict, NotFound, ValidationFailed


class WageMonthRecorded(Conflict):
    code = "wage_month_recorded"
    title_zh, title_en = "该月工资已登记", "Wage already recorded for this month"


def month_of(text: str) -> date:
    year, month = text.split("-")
    return date(int(year), int(month), 1)


def growth_percent(first: Decimal, latest: Decimal) -> str | None:
    """Change from the first to the latest wage, one decimal; none from a zero wage."""
    return f"{(latest - first) * 100 / first:.1f}" if first else None


async def record(ctx: RequestContext, spell_id: uuid.UUID, data: WageCreate) -> SpellWage:
    found = await repository.spell_with_worker(ctx.session, ctx.principal, spell_id, for_update=True)
    if found is None:
        raise NotFound("就业经历不存在或不在您的数据范围内", "spell not found")
    spell, worker = found
    ctx.principal.require_may_write_in(worker.village_code)
    ctx.require_if_match(worker.version)
    month = month_of(data.month)
    today = clock.today()
    last_month = min(today, spell.ended_on) if spell.ended_on else today
    if month < spell.started_on.replace(day=1) or month > last_month.replace(day=1):
        raise ValidationFailed(
            "month", "月份须在该段就业经历期间内且不晚于本月", "month outside the spell or in the future"
        )
    latest = await repository.latest_month(ctx.session, spell.id)
    wage = SpellWage(
        spell_id=spell.id,
        worker_id=worker.id,
        town_code=worker.town_code,
        village_code=worker.village_code,
        month=month,
        monthly_wage=data.monthly_wage,
    )
    ctx.session.add(wage)
    try:
        await ctx.session.flush()
    except IntegrityError as exc:  # the month is recorded already (or concurrently)
        raise WageMonthRecorded("该段就业经历此月份的工资已登记", "wage already recorded") from exc
    if latest is None or month > latest:  # the newest month is the spell's current wage
        spell.monthly_wage = data.monthly_wage
        await ctx.session.flush()
        if spell.is_main:
            await refresh_worker(ctx, worker)
            await ctx.session.flush()
    await ctx.audit("record_wage", "spell", spell.id, {"month": month, "monthly_wage": data.monthly_wage})
    return wage
