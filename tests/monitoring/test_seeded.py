"""Reference data as the migrations seeded it — never re-inserted by a test — and the screening rules
exactly on those lines: per-capita income on the seeded 2025 line of 8600.00 and one fen either
side, after rigid expenses likewise, and compulsory-school age on its last and first days."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
from sqlalchemy import text

from services.monitoring.dates import years_before
from shared import clock
from tests.conftest import Stack
from tests.helpers import auth
from tests.monitoring.factories import create_household, id_number, member
from tests.monitoring.test_alerts import ALERTS, listed, put_income, screen

LINES = "/api/monitoring/v1/monitoring-lines"


async def test_the_2025_line_is_8600_as_migrated(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    resp = await api.get(LINES, headers=auth(tokens["admin"]))
    assert resp.status_code == 200, resp.text
    lines = resp.json()
    rows = lines["items"] if isinstance(lines, dict) else lines
    assert {(r["year"], r["amount"]) for r in rows} == {(2025, "8600.00")}
    # What the migration wrote is what this test reads: the suite's clean-up puts back the rows the
    # migrations left (conftest `seeded`), and the migration is the only writer of this row.
    assert stack.infra.seeded["monitoring.monitoring_lines"].count('"year"') == 1
    async with stack.db("monitoring").engine.connect() as conn:
        row = (
            await conn.execute(text("SELECT year, amount, version FROM monitoring.monitoring_lines"))
        ).one()
    assert (row.year, str(row.amount), row.version) == (2025, "8600.00", 1)


async def test_the_toolbox_holds_the_safety_net_policy_as_migrated(
    api: httpx.AsyncClient, stack: Stack
) -> None:
    async with stack.db("monitoring").engine.connect() as conn:
        tekun = (
            await conn.execute(
                text(
                    "SELECT name, measure_kind, qualifies_safety_net, responsible_unit"
                    " FROM monitoring.policies WHERE code = 'tekun'"
                )
            )
        ).one()
    assert tuple(tekun) == ("特困人员救助供养", "safety_net", True, "民政局")


async def household_earning(api: httpx.AsyncClient, admin: str, wages: str, rigid: str = "0") -> str:
    """A household of two with ``wages`` in 2025 (per head: half) and ``rigid`` expenses."""
    made = await create_household(api, admin, member_count=2)
    await put_income(api, admin, made["id"], 2025, wages=wages, rigid_expenses=rigid)
    return str(made["id"])


async def test_screening_flags_below_the_seeded_line_not_on_it(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    below = await household_earning(api, admin, "17199.98")  # 8599.99 a head
    on = await household_earning(api, admin, "17200.00")  # 8600.00 a head
    above = await household_earning(api, admin, "17200.02")
    rigid_below = await household_earning(api, admin, "27200.00", rigid="10000.02")  # 8599.99 after
    rigid_on = await household_earning(api, admin, "27200.00", rigid="10000.00")  # 8600.00 after
    run = await screen(api, admin)
    assert run.status_code == 200, run.text
    assert run.json()["monitoring_line"] == "8600.00"
    flagged = {a["household_id"] for a in await listed(api, ALERTS, admin, source="system")}
    assert below in flagged and rigid_below in flagged
    assert not {on, above, rigid_on} & flagged


def child_born(born: date) -> dict[str, object]:
    return member(name="小明", relation="child", id_number=id_number(born), schooling="out_of_school")


async def test_compulsory_school_age_runs_from_the_6th_birthday_to_the_day_before_the_16th(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    today = clock.today()
    born = {
        "five": years_before(today, 6) + timedelta(days=1),  # 6 tomorrow
        "six": years_before(today, 6),  # 6 today
        "fifteen": years_before(today, 16) + timedelta(days=1),  # 16 tomorrow
        "sixteen": years_before(today, 16),  # 16 today
    }
    ids = {
        age: (await create_household(api, admin, members=[child_born(day)]))["id"]
        for age, day in born.items()
    }
    assert (await screen(api, admin)).status_code == 200
    flagged = {a["household_id"] for a in await listed(api, ALERTS, admin, source="system")}
    assert {age for age, household in ids.items() if household in flagged} == {"six", "fifteen"}
