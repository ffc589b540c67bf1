"""The 2155 floor: its count by date, town and place, and one event per change of state — from a
spell write, an on-demand check, or the periodic re-check."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx
from sqlalchemy import text

from services.employment.floor.events import FLOOR_BREACHED
from services.employment.scheduled import FLOOR_CHECK
from shared import clock
from tests.conftest import Stack
from tests.employment.factories import (
    FLOOR,
    START,
    employ,
    employed,
    floor_events,
    ran,
    seed_workers,
    unemployed,
)
from tests.helpers import KEJING, WANGWU, WANGWU_VILLAGE, auth


async def test_floor_events_fire_once_on_each_crossing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    ids = await seed_workers(stack, 2264)
    first, second, third = ids[:2154], ids[2154:2204], ids[2204:2264]
    yesterday = clock.today() - timedelta(days=1)

    # 2154 employed: one below the floor.
    report = await employ(api, admin, [employed(w) for w in first])
    assert (report["total"], report["accepted"], report["unchanged"], report["refused"]) == (2154, 2154, 0, 0)
    assert [e["type"] for e in await floor_events(stack)] == ["cn.xianjie.employment.floor.breached.v1"]
    # +50 → 2204: above the floor, inside the 100 margin; +60 → 2264: above the warning line.
    await employ(api, admin, [employed(w, place="省外") for w in second])
    await employ(api, admin, [employed(w, place="省内县外") for w in third])
    # 110 lose their jobs → 2154: below again.
    assert (await employ(api, admin, [unemployed(w, yesterday) for w in first[:110]]))["accepted"] == 110

    events = await floor_events(stack)
    assert [e["type"].split(".")[-2] for e in events] == ["breached", "warning", "recovered", "breached"]
    assert [e["data"]["employed"] for e in events] == [2154, 2204, 2264, 2154]


async def test_a_floor_event_carries_the_count_against_the_floor_and_the_date_as_subject(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await employ(api, tokens["admin"], [employed(w) for w in await seed_workers(stack, 3)])
    [event] = await floor_events(stack)
    assert event["data"] == {
        "as_of": clock.today().isoformat(),
        "employed": 3,
        "floor": 2155,
        "warning_margin": 100,
    }
    assert event["subject"] == clock.today().isoformat()
    FLOOR_BREACHED.payload.model_validate(event["data"])


async def test_a_recheck_while_the_state_holds_announces_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await employ(api, tokens["admin"], [employed(w) for w in await seed_workers(stack, 1)])
    check = await api.post(f"{FLOOR}/check", headers=auth(tokens["admin"]))
    assert check.status_code == 200 and check.json()["state"] == "breached"
    assert check.json()["state_label"] == "低于底线"
    assert len(await floor_events(stack)) == 1


async def test_only_district_accounts_may_recheck(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.post(f"{FLOOR}/check", headers=auth(tokens["town_kejing"]))).status_code == 403
    assert (await api.post(f"{FLOOR}/check", headers=auth(tokens["auditor"]))).status_code == 403
    assert (await api.post(f"{FLOOR}/check", headers=auth(tokens["integrator_hrss"]))).status_code == 200


async def _employ_until_yesterday(api: httpx.AsyncClient, token: str, stack: Stack) -> date:
    """Five at work since START in three places and two towns; two of them left yesterday."""
    kejing = await seed_workers(stack, 4)
    [wangwu] = await seed_workers(stack, 1, WANGWU, WANGWU_VILLAGE)
    rows = [employed(kejing[0]), employed(kejing[1]), employed(kejing[2], place="省外")]
    await employ(api, token, [*rows, employed(kejing[3], place="省内县外"), employed(wangwu)])
    yesterday = clock.today() - timedelta(days=1)
    await employ(api, token, [unemployed(kejing[0], yesterday), unemployed(kejing[3], yesterday)])
    return yesterday


async def test_the_count_today_is_by_town_and_place_with_the_districts_state(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await _employ_until_yesterday(api, tokens["admin"], stack)
    today = (await api.get(FLOOR, headers=auth(tokens["admin"]))).json()
    assert today["employed"] == 3 and today["state"] == "breached" and today["state_label"] == "低于底线"
    assert {p["place"]: p["employed"] for p in today["by_place"]} == {
        "in_county": 2,
        "in_province": 0,
        "out_of_province": 1,
    }
    assert today["by_town"] == [
        {"town_code": KEJING, "town_name": "克井镇", "employed": 2},
        {"town_code": WANGWU, "town_name": "王屋镇", "employed": 1},
    ]


async def test_the_count_at_a_past_date_counts_who_was_at_work_then(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    yesterday = await _employ_until_yesterday(api, tokens["admin"], stack)

    async def employed_on(day: date) -> int:
        floor = await api.get(FLOOR, params={"as_of": day.isoformat()}, headers=auth(tokens["admin"]))
        return int(floor.json()["employed"])

    # Yesterday the two were still at work; before the first start nobody was.
    assert await employed_on(yesterday) == 5
    assert await employed_on(START - timedelta(days=1)) == 0


async def test_the_monthly_series_counts_each_month_at_its_end(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await _employ_until_yesterday(api, tokens["admin"], stack)
    series = (
        await api.get(f"{FLOOR}/series", params={"from": "2024-12"}, headers=auth(tokens["admin"]))
    ).json()
    assert series["floor"] == 2155 and series["warning_line"] == 2255
    assert series["points"][0] == {
        "month": "2024-12",
        "as_of": "2024-12-31",
        "employed": 0,
        "by_place": {"in_county": 0, "in_province": 0, "out_of_province": 0},
    }
    assert series["points"][1]["employed"] == 5
    assert (
        series["points"][-1]["employed"] == 3 and series["points"][-1]["as_of"] == clock.today().isoformat()
    )


async def test_a_series_month_that_does_not_exist_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    bad = await api.get(f"{FLOOR}/series", params={"from": "2025-13"}, headers=auth(tokens["admin"]))
    assert bad.status_code == 422


async def test_a_town_official_counts_their_own_town_without_a_state(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await _employ_until_yesterday(api, tokens["admin"], stack)
    town = (await api.get(FLOOR, headers=auth(tokens["town_kejing"]))).json()
    assert town["town_code"] == KEJING and town["employed"] == 2 and town["state"] is None
    other = await api.get(FLOOR, params={"town_code": WANGWU}, headers=auth(tokens["town_kejing"]))
    assert other.status_code == 404


async def test_departments_read_the_district_count_and_helpers_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await _employ_until_yesterday(api, tokens["admin"], stack)
    assert (await api.get(FLOOR, headers=auth(tokens["dept_hrss"]))).json()["employed"] == 3
    assert (await api.get(FLOOR, headers=auth(tokens["helper_wang"]))).status_code == 403


async def test_the_periodic_recheck_announces_a_change_that_came_with_midnight_once(stack: Stack) -> None:
    """Yesterday 2255 were at work (ok, announced); 100 last worked yesterday, so today the count is
    2155 — a warning no write announced. The re-check announces it, once."""
    ids = await seed_workers(stack, 2255)
    yesterday = clock.today() - timedelta(days=1)
    async with stack.db("employment").engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO employment.floor_status (id, state, employed, as_of) VALUES (1, 'ok', 2255, :day)"
                " ON CONFLICT (id) DO UPDATE SET state = 'ok', employed = 2255, as_of = :day"
            ),
            {"day": yesterday},
        )
        await conn.execute(
            text(
                "INSERT INTO employment.spells (id, worker_id, town_code, employer, place, started_on, ended_on)"
                " SELECT gen_random_uuid(), w.id, w.town_code, '济源钢铁', 'in_county', :start,"
                " CASE WHEN w.id = ANY(:leaving) THEN CAST(:yesterday AS date) END FROM employment.workers w"
            ),
            {"start": START, "yesterday": yesterday, "leaving": [uuid.UUID(i) for i in ids[:100]]},
        )

    await ran(stack, FLOOR_CHECK)
    await ran(stack, FLOOR_CHECK)
    events = await floor_events(stack)
    assert [(e["type"], e["data"]["employed"]) for e in events] == [
        ("cn.xianjie.employment.floor.warning.v1", 2155)
    ]
    assert events[0]["data"]["as_of"] == clock.today().isoformat()
