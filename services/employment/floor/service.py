"""The floor (脱贫劳动力务工就业规模稳定在 2155 人以上): its state and the one event per change.

States: ``breached`` below the floor; ``warning`` at or above it but within the margin;
``ok`` above. Each change of state publishes the event named after the new state
(``breached`` / ``warning`` / ``recovered`` for ok); while a state holds nothing is repeated.

Writers do not evaluate the floor: each transaction that moved the count records, as it commits,
the count it leaves (``floor_counts``, in commit order — the database queues committers for that
moment only, not for their whole work). :func:`evaluate` walks those counts in order and announces
each change of state once: every ``floor_announce_interval_seconds``, and in the re-check (every
``floor_check_interval_seconds`` and on demand) which then also compares the count now, since it
moves at midnight without any write.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.floor import repository
from services.employment.floor.events import FLOOR_BREACHED, FLOOR_RECOVERED, FLOOR_WARNING, FloorChanged
from services.employment.floor.repository import Count
from services.employment.floor.schemas import MonthPoint
from services.employment.models import FloorState, WorkPlace
from services.employment.settings import EmploymentSettings
from shared.auth import Principal
from shared.errors import ValidationFailed
from shared.events.envelope import EventPayload, EventSpec

Publish = Callable[[EventSpec, object, EventPayload], Awaitable[None]]

# A series longer than ten years is not a dashboard any more, and its query grows with it.
MAX_SERIES_MONTHS = 120

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


def changes_of_state(
    announced: FloorState, counts: Iterable[Count], floor: int, warning_margin: int
) -> list[tuple[FloorState, Count]]:
    """The counts, in order, at which the state differs from the one before (announced first)."""
    changes = []
    for count in counts:
        state = state_for(count.employed, floor, warning_margin)
        if state is not announced:
            changes.append((state, count))
            announced = state
    return changes


async def evaluate(
    session: AsyncSession, publish: Publish, settings: EmploymentSettings, *, recheck: bool
) -> FloorState:
    """Announce each change of state since the last evaluation, once, in this transaction; with
    ``recheck``, also the one the count now shows."""
    await repository.hold_commits(session)  # every commit so far recorded, none half-way
    await repository.compact(session)
    now = await repository.count_now(session)
    status = await repository.lock_status(session, now.as_of)
    counts = await repository.take_recorded_counts(session)
    if recheck:
        counts.append(now)
    floor, margin = settings.employment_floor, settings.floor_warning_margin
    for state, count in changes_of_state(status.state, counts, floor, margin):
        status.state, status.employed, status.as_of = state, count.employed, count.as_of
        payload = FloorChanged(as_of=count.as_of, employed=count.employed, floor=floor, warning_margin=margin)
        await publish(ANNOUNCEMENTS[state], count.as_of.isoformat(), payload)
    await session.flush()
    return status.state


def town_in_view(principal: Principal, town_code: str | None) -> str | None:
    """Town and village accounts see their own town's counts; asking for another town is 404-like."""
    prefix = principal.division_prefix
    if prefix is None:
        return town_code
    own = prefix[:9]
    if town_code not in (None, own):
        principal.require_covers(town_code)
    return own


def tally(rows: Iterable[tuple[str, WorkPlace, int]]) -> tuple[dict[str, int], dict[WorkPlace, int]]:
    """(town, place, employed) rows as the employed per town and per place (every place listed)."""
    towns: dict[str, int] = {}
    places: dict[WorkPlace, int] = dict.fromkeys(WorkPlace, 0)
    for town, place, employed in rows:
        towns[town] = towns.get(town, 0) + employed
        places[place] += employed
    return towns, places


def month_range(from_month: str, to_month: str | None, today: date) -> tuple[date, date]:
    """The first days of the first and last month of a series (YYYY-MM; the last defaults to now)."""
    first = date.fromisoformat(f"{from_month}-01")
    this_month = today.replace(day=1)
    last = date.fromisoformat(f"{to_month}-01") if to_month else this_month
    if last < first or last > this_month:
        raise ValidationFailed(
            "to", "截止月份须不早于起始月份且不晚于本月", "'to' must be between 'from' and this month"
        )
    if (last.year - first.year) * 12 + last.month - first.month >= MAX_SERIES_MONTHS:
        raise ValidationFailed("from", "一次最多查询 120 个月", "at most 120 months at once")
    return first, last


def series_points(rows: Iterable[tuple[date, date, str, int]]) -> list[MonthPoint]:
    """(month, as_of, place, employed) rows as one point per month, in the rows' order."""
    points: dict[date, MonthPoint] = {}
    for month, as_of, place, employed in rows:
        point = points.setdefault(
            month,
            MonthPoint(
                month=month.strftime("%Y-%m"), as_of=as_of, employed=0, by_place=dict.fromkeys(WorkPlace, 0)
            ),
        )
        point.by_place[WorkPlace(place)] = employed
        point.employed += employed
    return list(points.values())
