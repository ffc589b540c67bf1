"""低效闲置: screening rules that flag operating assets, and the town's proposal for each.

Rules (settings, practice defaults): an operating asset handed over or in operation
- with no revenue in the last ``idle_months_without_revenue`` whole months (连续无收益), or
- whose average utilisation over the last ``utilisation_window_months`` months is below
  ``low_utilisation_threshold`` (利用率偏低; PV stations: generation against the expected yield)
is flagged once; a flag whose condition no longer holds is cleared by the next screening.

Who (services/assets/access.py): district_admin screens anywhere (or one town), town_official their
own town; proposals (盘活 / 改变用途 / 处置) are written by the ledger's writers inside their
territory. The whole district is also screened on a clock (services/assets/scheduled.py).
"""

from __future__ import annotations

from services.assets.idle import repository
from services.assets.idle.schemas import ProposalIn, ScreeningRequest, ScreeningResult
from services.assets.models import IdleFlag
from services.assets.scheduled import IDLE_SCREENING
from services.assets.settings import AssetsSettings
from shared.context import RequestContext
from shared.db import advisory_xact_lock
from shared.errors import InvalidTransition


async def screen(ctx: RequestContext, data: ScreeningRequest) -> ScreeningResult:
    if data.town_code is not None:
        ctx.component.divisions.require_town(data.town_code)
        ctx.principal.require_may_write_in(data.town_code)
    prefix = data.town_code or ctx.principal.division_prefix or ""
    as_of = data.as_of or await repository.today(ctx.session)
    # Waits for a screening another request or the schedule (on any replica) is running; they are short.
    await advisory_xact_lock(ctx.session, IDLE_SCREENING.lock_name(ctx.component.name), wait=True)
    screened = await repository.screen(
        ctx.session, as_of=as_of, prefix=prefix, settings=ctx.settings_as(AssetsSettings)
    )
    result = ScreeningResult(as_of=as_of, **screened._asdict())
    await ctx.audit("screen", "idle_flags", prefix or None, result.model_dump(mode="json"))
    return result


async def propose(ctx: RequestContext, flag: IdleFlag, data: ProposalIn) -> IdleFlag:
    ctx.require_if_match(flag.version)
    if flag.cleared_on is not None:
        raise InvalidTransition("该标记已解除，无需再提处置意见", "the flag was cleared")
    flag.proposed_action = data.proposed_action
    flag.action_note = data.action_note
    await ctx.session.flush()
    await ctx.audit("propose", "idle_flag", flag.id, data.model_dump())
    return flag
