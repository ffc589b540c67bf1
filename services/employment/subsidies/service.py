"""奖补 (transport, training, social-security subsidies): a worker never receives the same kind
twice for overlapping periods — checked here for a clear answer and enforced by an exclusion
constraint for concurrent grants.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.exc import IntegrityError

from services.employment.access import visible_worker
from services.employment.models import Subsidy
from services.employment.subsidies import repository
from services.employment.subsidies.schemas import SubsidyCreate
from shared.context import RequestContext
from shared.errors import Conflict, ValidationFailed


class DuplicateSubsidy(Conflict):
    code = "duplicate_subsidy"
    title_zh, title_en = "同一期间已发放过该补贴", "Subsidy already granted for this period"


async def grant(ctx: RequestContext, data: SubsidyCreate) -> Subsidy:
    worker = await visible_worker(ctx, data.worker_id, for_update=True)
    if data.period_end < data.period_start:
        raise ValidationFailed("period_end", "期间结束早于开始", "period_end is before period_start")
    if data.granted_on > date.today():
        raise ValidationFailed("granted_on", "发放日期不能晚于今天", "granted_on is in the future")
    if await repository.overlapping(ctx.session, worker.id, data.kind, data.period_start, data.period_end):
        raise DuplicateSubsidy(
            "该务工人员在此期间已领取过同类补贴", "same subsidy already granted for an overlapping period"
        )
    subsidy = Subsidy(town_code=worker.town_code, village_code=worker.village_code, **data.model_dump())
    ctx.session.add(subsidy)
    try:
        await ctx.session.flush()
    except IntegrityError as exc:  # a concurrent grant for the same period got there first
        raise DuplicateSubsidy("该务工人员在此期间已领取过同类补贴") from exc
    await ctx.audit("grant", "subsidy", subsidy.id, data.model_dump())
    return subsidy
