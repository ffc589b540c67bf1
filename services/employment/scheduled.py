"""Work the employment service does on a clock rather than on a request or an event."""

from __future__ import annotations

from services.employment.floor import service as floor
from services.employment.settings import EmploymentSettings
from shared.scheduled import PeriodicTask
from shared.work import WorkContext


async def announce_floor(ctx: WorkContext) -> None:
    """Each change of state the commits recorded, announced once and in their order."""
    await floor.evaluate(ctx.session, ctx.publish, ctx.settings_as(EmploymentSettings), recheck=False)


async def recheck_floor(ctx: WorkContext) -> None:
    """The count at 'today' also moves at midnight (a last working day passes), not only on writes."""
    await floor.evaluate(ctx.session, ctx.publish, ctx.settings_as(EmploymentSettings), recheck=True)


FLOOR_ANNOUNCE = PeriodicTask(
    name="floor-announce",
    run=announce_floor,
    interval=lambda settings: settings.floor_announce_interval_seconds,
)
FLOOR_CHECK = PeriodicTask(
    name="floor-check",
    run=recheck_floor,
    interval=lambda settings: settings.floor_check_interval_seconds,
)

TASKS = [FLOOR_ANNOUNCE, FLOOR_CHECK]
