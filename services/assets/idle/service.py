"""低效闲置: screening rules that flag operating assets, and the town's proposal for each.

Rules (settings, practice defaults): an operating asset handed over or in operation
- with no revenue in the last ``idle_months_without_revenue`` whole months (连续无收益), or
- whose average utilisation over the last ``utilisation_window_months`` months is below
  ``low_utilisation_threshold`` (利用率偏低; PV stations: generation against the expected yield)
is flagged once; a flag whose condition no longer holds is cleared by the next screening.

Who: district_admin screens anywhere (or one town); town_official screens their own town. Proposals
(盘活 / 改变用途 / 处置) are written by the ledger's registrars inside their territory.
"""

from __future__ import annotations

from datetime import date

import structlog
from sqlalchemy import insert

from services.assets.idle import repository
from services.assets.idle.schemas import ProposalIn, ScreeningRequest, ScreeningResult
from services.assets.models import IdleFlag
from services.assets.registry.service import require_registrar
from shared.auth import Role
from shared.component import Component
from shared.context import RequestContext
from shared.errors import InvalidTransition

log = structlog.get_logger("xianjie.assets.idle")

SCREENERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)
# Who the audit log names for the periodic screening (no person asked for it).
SCHEDULE_ACTOR = "schedule:idle-screening"


async def screen(ctx: RequestContext, data: ScreeningRequest) -> ScreeningResult:
    ctx.principal.require_write()
    ctx.principal.require_role(*SCREENERS)
    if data.town_code is not None:
        ctx.component.divisions.require_town(data.town_code)
        ctx.principal.require_may_write_in(data.town_code)
    prefix = data.town_code or ctx.principal.division_prefix or ""
    as_of = data.as_of or await repository.today(ctx.session)
    # Waits for a screening another request or replica is running (they are short).
    await repository.lock_screening(ctx.session, wait=True)
    flagged, cleared, still_open = await repository.screen(
        ctx.session, as_of=as_of, prefix=prefix, settings=ctx.component.settings
    )
    result = ScreeningResult(as_of=as_of, flagged=flagged, cleared=cleared, open=still_open)
    await ctx.audit("screen", "idle_flags", prefix or None, result.model_dump(mode="json"))
    return result


async def propose(ctx: RequestContext, flag: IdleFlag, data: ProposalIn) -> IdleFlag:
    require_registrar(ctx.principal, flag.village_code)
    ctx.require_if_match(flag.version)
    if flag.cleared_on is not None:
        raise InvalidTransition("该标记已解除，无需再提处置意见", "the flag was cleared")
    flag.proposed_action = data.proposed_action
    flag.action_note = data.action_note
    await ctx.session.flush()
    await ctx.audit("propose", "idle_flag", flag.id, data.model_dump())
    return flag


async def screen_district(component: Component, *, as_of: date | None = None) -> ScreeningResult | None:
    """The periodic screening: the whole district, in its own transaction.

    Several replicas run this on the same schedule; the one that gets the advisory lock screens and
    the others skip (None) — and the rules flag each (asset, rule) once anyway.
    """
    async with component.db.transaction() as session:
        if not await repository.lock_screening(session, wait=False):
            log.info("idle_screening_skipped", reason="another screening holds the lock")
            return None
        as_of = as_of or await repository.today(session)
        flagged, cleared, still_open = await repository.screen(
            session, as_of=as_of, prefix="", settings=component.settings
        )
        result = ScreeningResult(as_of=as_of, flagged=flagged, cleared=cleared, open=still_open)
        await session.execute(
            insert(component.tables.audit_log).values(
                actor=SCHEDULE_ACTOR,
                actor_role="system",
                action="screen",
                entity="idle_flags",
                changes=result.model_dump(mode="json"),
            )
        )
    log.info("idle_screening_done", **result.model_dump(mode="json"))
    return result
