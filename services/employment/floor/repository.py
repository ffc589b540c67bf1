from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import EmploymentChange, FloorState, FloorStatus, WorkPlace
from shared.db import advisory_xact_lock

DISTRICT = 1  # the single row of floor_status
# Taken at commit by every transaction that moved the count (``employment.record_floor_count``,
# migration 577c34f36c1d): whoever holds it sees no commit half-recorded.
COUNT_LOCK = "employment:floor-count"


class Count(NamedTuple):
    as_of: date
    employed: int


async def total_at(session: AsyncSession, as_of: date) -> int:
    total = await session.scalar(
        select(func.coalesce(func.sum(EmploymentChange.delta), 0)).where(EmploymentChange.day <= as_of)
    )
    return int(total or 0)


async def counts_at(
    session: AsyncSession, as_of: date, town_code: str | None
) -> list[tuple[str, WorkPlace, int]]:
    """(town, place, employed) on ``as_of``: a sum over change points, not a scan of spells."""
    query = (
        select(EmploymentChange.town_code, EmploymentChange.place, func.sum(EmploymentChange.delta))
        .where(EmploymentChange.day <= as_of)
        .group_by(EmploymentChange.town_code, EmploymentChange.place)
        .order_by(EmploymentChange.town_code, EmploymentChange.place)
    )
    if town_code:
        query = query.where(EmploymentChange.town_code == town_code)
    return [(t, p, int(n)) for t, p, n in (await session.execute(query)).all()]


# One pass over the change points: each is bucketed into its month (earlier ones into the first
# month), summed per (month, place), and a running sum per place gives the count at each month end.
_SERIES = text("""
    WITH months AS (
        SELECT m::date AS month, least((m + interval '1 month - 1 day')::date, :today) AS as_of
        FROM generate_series(CAST(:first AS date), CAST(:last AS date), interval '1 month') AS m
    ),
    moves AS (
        SELECT greatest(date_trunc('month', day)::date, CAST(:first AS date)) AS month, place,
               sum(delta) AS delta
        FROM employment.employment_changes
        WHERE day <= (SELECT max(as_of) FROM months) AND (CAST(:town AS text) IS NULL OR town_code = :town)
        GROUP BY 1, 2
    ),
    grid AS (
        SELECT months.month, months.as_of, p.place
        FROM months CROSS JOIN unnest(enum_range(NULL::employment.work_place)) AS p(place)
    )
    SELECT g.month, g.as_of, g.place::text,
           (sum(coalesce(m.delta, 0)) OVER (PARTITION BY g.place ORDER BY g.month))::int
    FROM grid g LEFT JOIN moves m ON m.month = g.month AND m.place = g.place
    ORDER BY g.month, g.place
""")


async def monthly_series(
    session: AsyncSession, first_month: date, last_month: date, today: date, town_code: str | None
) -> list[tuple[date, date, str, int]]:
    """(month, as_of, place, employed) for every month and place, counted at the month's last day
    (today for the running month)."""
    rows = await session.execute(
        _SERIES, {"first": first_month, "last": last_month, "today": today, "town": town_code}
    )
    return [(m, a, p, n) for m, a, p, n in rows.all()]


async def hold_commits(session: AsyncSession) -> None:
    """Until this transaction ends, transactions moving the count wait at their commit."""
    await advisory_xact_lock(session, COUNT_LOCK, wait=True)


async def count_now(session: AsyncSession) -> Count:
    """The count at the database's today (the day the commits record their counts at)."""
    row = (
        await session.execute(
            select(func.current_date(), func.coalesce(func.sum(EmploymentChange.delta), 0)).where(
                EmploymentChange.day <= func.current_date()
            )
        )
    ).one()
    return Count(row[0], int(row[1]))


_RECORDED = text("""
    WITH taken AS (DELETE FROM employment.floor_counts RETURNING id, as_of, employed)
    SELECT as_of, employed FROM taken ORDER BY id
""")


async def take_recorded_counts(session: AsyncSession) -> list[Count]:
    """The counts the commits recorded since the last call, in commit order (and forgotten)."""
    return [Count(a, n) for a, n in (await session.execute(_RECORDED)).all()]


# Rows of the same (day, town, place) folded into one: writers append change points, so without
# this the table would grow with every spell written.
_COMPACT = text("""
    WITH doubled AS (
        SELECT day, town_code, place FROM employment.employment_changes
        GROUP BY day, town_code, place HAVING count(*) > 1
    ),
    folded AS (
        DELETE FROM employment.employment_changes c USING doubled d
        WHERE (c.day, c.town_code, c.place) = (d.day, d.town_code, d.place)
        RETURNING c.day, c.town_code, c.place, c.delta
    )
    INSERT INTO employment.employment_changes (day, town_code, place, delta)
    SELECT day, town_code, place, sum(delta) FROM folded
    GROUP BY day, town_code, place HAVING sum(delta) <> 0
""")


async def compact(session: AsyncSession) -> None:
    await session.execute(_COMPACT)


async def lock_status(session: AsyncSession, today: date) -> FloorStatus:
    """The announced state, locked.

    A district never evaluated before starts as 'ok', so going live below the floor is announced
    at the first evaluation.
    """
    await session.execute(
        insert(FloorStatus)
        .values(id=DISTRICT, state=FloorState.OK, employed=0, as_of=today)
        .on_conflict_do_nothing()
    )
    status = await session.scalar(
        select(FloorStatus)
        .where(FloorStatus.id == DISTRICT)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert status is not None  # inserted just above if it was missing
    return status


async def get_status(session: AsyncSession) -> FloorStatus | None:
    return await session.get(FloorStatus, DISTRICT)
