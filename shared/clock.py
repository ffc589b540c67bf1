"""The district's calendar day.

Jiyuan keeps Beijing time (UTC+8, no daylight saving). Every date rule — "not later than today",
time limits, two years to the day, a month's file — counts in the district's days, whatever zone the
server runs in: containers run in UTC, where 00:00–08:00 Beijing time is still the day before. So
the services ask :func:`today` (never ``date.today()``), and their database sessions run in the same
zone (``shared.db.create_engine``), so that SQL's ``current_date`` is the same day. Instants stay
``timestamptz`` in UTC; only days are the district's.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

DISTRICT_TIME_ZONE = "Asia/Shanghai"
DISTRICT_ZONE = ZoneInfo(DISTRICT_TIME_ZONE)


def today() -> date:
    """The district's date now."""
    return datetime.now(DISTRICT_ZONE).date()


def day_of(instant: datetime) -> date:
    """The district's date at ``instant``: an aware datetime (as timestamptz columns read back) in
    Beijing time; a naive one (a client's local time without an offset) is already the district's."""
    if instant.tzinfo is None:
        return instant.date()
    return instant.astimezone(DISTRICT_ZONE).date()
