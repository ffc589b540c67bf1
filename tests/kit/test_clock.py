"""The district's day: Beijing time whatever zone the server runs in, in Python and in SQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import text

from shared import clock
from tests.conftest import Stack


def test_the_district_day_is_beijings_not_the_servers() -> None:
    # 2026-12-01 07:30 in Beijing is still 2026-11-30 in UTC (a container's zone).
    morning = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    assert clock.day_of(morning) == date(2026, 12, 1)
    assert clock.day_of(datetime(2026, 11, 30, 15, 59, tzinfo=UTC)) == date(2026, 11, 30)
    assert clock.day_of(datetime(2026, 12, 1, 7, 30, tzinfo=timezone(timedelta(hours=8)))) == date(
        2026, 12, 1
    )
    assert clock.day_of(datetime(2026, 12, 1, 7, 30)) == date(2026, 12, 1)  # naive: already local
    assert clock.today() == datetime.now(UTC).astimezone(clock.DISTRICT_ZONE).date()


async def test_sql_counts_days_in_the_district_zone_too(stack: Stack) -> None:
    async with stack.db("monitoring").engine.connect() as conn:
        zone = await conn.scalar(text("SHOW timezone"))
        assert zone == clock.DISTRICT_TIME_ZONE
        day = await conn.scalar(text("SELECT CAST(CAST('2026-11-30 23:30:00+00' AS timestamptz) AS date)"))
        assert day == date(2026, 12, 1)
        assert await conn.scalar(text("SELECT current_date")) == clock.today()


def test_no_code_asks_the_servers_zone_for_today() -> None:
    """``date.today()`` is the server's day (UTC in a container): the suite's code asks the clock."""
    root = Path(__file__).resolve().parents[2]
    found = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("services", "shared", "gateway", "xianjie")
        for path in (root / folder).rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "date.today()" in line and path.name != "clock.py"
    ]
    assert not found, found
