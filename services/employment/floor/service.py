"""The floor (脱贫劳动力务工就业规模稳定在 2155 人以上): its state and the one event per change.

States: ``breached`` below the floor; ``warning`` at or above it but within the margin;
``ok`` above. Each change of state publishes the event named after the new state
(``breached`` / ``warning`` / ``recovered`` for ok); while a state holds nothing is repeated.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.floor import repository
from services.employment.floor.events import FLOOR_BREACHED, FLOOR_RECOVERED, FLOOR_WARNING, FloorChanged
from services.employment.models import FloorState
from services.employment.settings import EmploymentSettings
from shared.events.envelope import EventPayload, EventSpec

Publish = Callable[[EventSpec, object, EventPayload], Awaitable[None]]

ANNOUNCEMENTS = {
    FloorState.BREACHED: FLOOR_BREACHED,
    FloorState.WARNING: FLOOR_WARNING,
    FloorState.OK: FLOOR_RECOVERED,
}


def state_for(employed: int, floor: int, warning_margin: int) -> FloorState:
    if employed < floor:
        return FloorState.BREACHED
    if employed < floor + warning_margin:
        return FloorState.WARNING
    return FloorState.OK


async def hold_count(session: AsyncSession, today: date | None = None) -> None:
    """Take the floor row lock before changing main spells.

    The count trigger upserts change-point rows (day, town, place) in whatever order a writer's
    statements touch them; two writers doing so in different orders deadlock. Queuing every spell
    writer on the one floor row first makes them take those rows one writer at a time. Spell writes
    are a few per minute (a monthly file is one transaction), so the queue costs nothing noticeable.
    """
    await repository.lock_status(session, today or date.today())


async def evaluate(
    session: AsyncSession, publish: Publish, settings: EmploymentSettings, today: date | None = None
) -> FloorState:
    """Compare today's count with the announced state; announce a change, once, in this transaction."""
    today = today or date.today()
    status = await repository.lock_status(session, today)
    # Counted after the lock: a concurrent writer's spells are committed (and seen) by now.
    employed = await repository.total_at(session, today)
    state = state_for(employed, settings.employment_floor, settings.floor_warning_margin)
    if state is not status.state:
        status.state = state
        status.employed = employed
        status.as_of = today
        await session.flush()
        await publish(
            ANNOUNCEMENTS[state],
            today.isoformat(),
            FloorChanged(
                as_of=today,
                employed=employed,
                floor=settings.employment_floor,
                warning_margin=settings.floor_warning_margin,
            ),
        )
    return state
