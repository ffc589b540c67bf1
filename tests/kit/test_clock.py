"""The district's day: Beijing time whatever zone the server runs in, in Python and in SQL."""

from __future__ import annotations

import ast
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


def _asks_the_clock(node: ast.AST) -> bool:
    return any(
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "today"
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id in ("clock", "date")
        for call in ast.walk(node)
    )


def test_no_test_fixes_today_when_it_is_imported() -> None:
    """A day computed at import (a module constant, a default argument) is yesterday's for a test
    that runs after Beijing's midnight (16:00 UTC) in the same session: tests ask when they run (the
    ``today`` fixture, or ``clock.today()`` inside the helper); and never ``date.today()``."""
    root = Path(__file__).resolve().parents[1]
    found = []
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        at_import: list[ast.AST] = [n for n in tree.body if isinstance(n, ast.Assign | ast.AnnAssign)]
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                at_import += [d for d in function.args.defaults + function.args.kw_defaults if d is not None]
        found += [f"{path.relative_to(root)}:{n.lineno}" for n in at_import if _asks_the_clock(n)]
        found += [
            f"{path.relative_to(root)}:{n.lineno} date.today()"
            for n in ast.walk(tree)
            if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and n.func.attr == "today"
            and isinstance(n.func.value, ast.Name)
            and n.func.value.id == "date"
        ]
    assert not found, found
