"""识别时限 as a rule without I/O: the last day a case may take, in calendar or working days.

Practice (national guidance of 2021, "原则上 15 天内完成识别"): identification — from the first
alert to inclusion — takes no more than ``identification_limit_days`` (15) days; some provinces
count 20 working days (``identification_limit_working_days``). The first alert's day is day 0, so
a case is late from the day after its deadline: on the limit it is not yet overdue.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar
import structlog

log = structlog.get_logger("xianjie.monitoring.deadlines")
_years_without_calendar: set[int] = set()


def is_working_day(day: date) -> bool:
    """法定工作日: the State Council's holiday arrangement (调休 Saturdays count, holidays do not)."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        # Each year's arrangement is published in the autumn before; until the package knows the
        # year, Monday to Friday is the nearest guess (and it is said once in the log).
        if day.year not in _years_without_calendar:
            _years_without_calendar.add(day.year)
            log.warning("holiday_calendar_missing_year", year=day.year)
        return day.weekday() < 5


@lru_cache(maxsize=4096)
def deadline(started: date, limit: int, working_days: bool) -> date:
    """The last day within the limit of a case whose first alert came on ``started``."""
    if not working_days:
        return started + timedelta(days=limit)
    day, counted = started, 0
    while counted < limit:
        day += timedelta(days=1)
        counted += is_working_day(day)
    return day


def is_overdue(started: date, today: date, limit: int, working_days: bool) -> bool:
    return today > deadline(started, limit, working_days)
