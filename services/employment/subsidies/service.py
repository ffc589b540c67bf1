"""奖补 (transport, training, social-security subsidies, tax incentives): a worker never receives
the same kind twice for overlapping periods — checked here for a clear answer and enforced by an
exclusion constraint for concurrent grants. A payment made in error is reversed by a compensating
entry (never edited): totals subtract it, and the period is free for the correct grant.
"""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError

from services.employment.access import visible_worker
from services.employment.models import Subsidy, SubsidyKind, SubsidyReversal
from services.employment.settings import EmploymentSettings
from services.employment.subsidies import repository
from services.employment.subsidies.events import SUBSIDY_REVERSED, SubsidyReversed
from services.employment.subsidies.schemas import SubsidyCreate, SubsidyReversalCreate
from shared import clock
from shared.context import RequestContext
from shared.errors import Conflict, NotFound, ValidationFailed


class DuplicateSubsidy(Conflict):
    code = "duplicate_subsidy"
    title_zh, title_en = "同一期间已发放过该补贴", "Subsidy already granted for this period"


async def grant(ctx: RequestContext, data: SubsidyCreate) -> Subsidy:
    worker = await visible_worker(ctx, data.worker_id, for_update=True)
    if data.period_end < data.period_start:
        raise ValidationFailed("period_end", "期间结束早于开始", "period_end is before period_start")
    if data.granted_on > clock.today():
        raise ValidationFailed("granted_on", "发放日期不能晚于今天", "granted_on is in the future")
    if await repository.overlapping(ctx.session, worker.id, data.kind, data.period_start, data.period_end):
        raise DuplicateSubsidy(
            "该务工人员在此期间已领取过同类补贴", "same subsidy already granted for an overlapping period"
        )
    if data.kind is SubsidyKind.TAX_INCENTIVE:
        await _within_tax_cap(ctx, worker.id, data)
    subsidy = Subsidy(town_code=worker.town_code, village_code=worker.village_code, **data.model_dump())
    ctx.session.add(subsidy)
    try:
        await ctx.session.flush()
    except IntegrityError as exc:  # a concurrent grant for the same period got there first
        raise DuplicateSubsidy("该务工人员在此期间已领取过同类补贴") from exc
    await ctx.audit("grant", "subsidy", subsidy.id, data.model_dump())
    return subsidy


class AlreadyReversed(Conflict):
    code = "subsidy_already_reversed"
    title_zh, title_en = "该补贴已冲销", "Subsidy already reversed"


async def _within_tax_cap(ctx: RequestContext, worker_id: uuid.UUID, data: SubsidyCreate) -> None:
    """税收优惠 of one worker for periods starting in one year stay within the yearly cap."""
    if data.period_end.year != data.period_start.year:
        raise ValidationFailed(
            "period_end", "税收优惠按自然年度记录，期间不能跨年", "tax incentive spans two years"
        )
    cap = ctx.settings_as(EmploymentSettings).tax_incentive_yearly_cap
    held = await repository.granted_in_year(ctx.session, worker_id, data.kind, data.period_start.year)
    if held + data.amount > cap:
        raise ValidationFailed(
            "amount",
            f"税收优惠每人每年不超过 {cap:.2f} 元（本年已记录 {held:.2f} 元）",
            "tax incentive above the yearly cap",
        )


async def reverse(ctx: RequestContext, subsidy_id: uuid.UUID, data: SubsidyReversalCreate) -> SubsidyReversal:
    subsidy = await repository.get_for_update(ctx.session, ctx.principal, subsidy_id)
    if subsidy is None:
        raise NotFound("补贴不存在或不在您的数据范围内", "subsidy not found")
    ctx.principal.require_may_write_in(subsidy.village_code)
    if subsidy.reversed or await repository.reversal_of(ctx.session, subsidy.id) is not None:
        raise AlreadyReversed("该补贴已冲销，不能重复冲销", "subsidy already reversed")
    if data.reversed_on < subsidy.granted_on or data.reversed_on > clock.today():
        raise ValidationFailed(
            "reversed_on", "冲销日期须在发放日期与今天之间", "reversed_on before the grant or in the future"
        )
    if not data.reason.strip():
        raise ValidationFailed("reason", "请填写冲销原因", "reason is blank")
    reversal = SubsidyReversal(
        subsidy_id=subsidy.id,
        town_code=subsidy.town_code,
        village_code=subsidy.village_code,
        amount=subsidy.amount,
        reason=data.reason.strip(),
        reversed_on=data.reversed_on,
    )
    ctx.session.add(reversal)
    subsidy.reversed = True  # frees the period for the correct grant; the amount stays as paid
    try:
        await ctx.session.flush()
    except IntegrityError as exc:  # a concurrent reversal of the same grant got there first
        raise AlreadyReversed("该补贴已冲销，不能重复冲销") from exc
    await ctx.audit("reverse", "subsidy", subsidy.id, {"amount": subsidy.amount, **data.model_dump()})
    await ctx.publish(
        SUBSIDY_REVERSED,
        subsidy.id,
        SubsidyReversed(
            subsidy_id=subsidy.id,
            worker_id=subsidy.worker_id,
            town_code=subsidy.town_code,
            village_code=subsidy.village_code,
            kind=subsidy.kind.value,
            amount=subsidy.amount,
            reversed_on=data.reversed_on,
        ),
    )
    return reversal
