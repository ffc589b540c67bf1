"""Work the assets service does on a clock: the district-wide idle screening (低效闲置筛查)."""

from __future__ import annotations

import structlog

from services.assets.idle import repository as idle
from services.assets.idle.schemas import ScreeningResult
from services.assets.settings import AssetsSettings
from shared.scheduled import PeriodicTask
from shared.work import WorkContext

log = structlog.get_logger("xianjie.assets.scheduled")


async def screen_district(ctx: WorkContext) -> None:
    """The whole district at the database's today; a flag already open is not raised or announced again."""
    as_of = await idle.today(ctx.session)
    screened = await idle.screen(
        ctx.session, as_of=as_of, prefix="", settings=ctx.settings_as(AssetsSettings)
    )
    result = ScreeningResult(as_of=as_of, **screened._asdict())
    await ctx.audit("screen", "idle_flags", None, result.model_dump(mode="json"))
    log.info("idle_screening_done", **result.model_dump(mode="json"))


# The request path (POST /v1/idle-assets/screenings) waits on this task's lock, so a screening on
# request and the periodic one never judge the same flags at once.
IDLE_SCREENING = PeriodicTask(
    name="idle-screening",
    run=screen_district,
    interval=lambda settings: settings.idle_screening_interval_seconds,
)

TASKS = [IDLE_SCREENING]
