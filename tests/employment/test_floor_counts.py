"""Whom the floor counts (domain §2): employed members of 脱贫户, monitored or not, a public-welfare
post being employment (in the county) and a post holder with a job counted once; members of
边缘易致贫户 and 突发严重困难户 are tracked but not counted. A household's identity changing moves
the count from the day it changed, with one floor event per change of state."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import text

from shared import clock
from tests.conftest import Stack
from tests.employment.factories import (
    API,
    FLOOR,
    START,
    URL,
    count,
    employ,
    employed,
    floor_events,
    handled,
    household_changed,
    known_member,
    seed_workers,
    worker,
)
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth

POSTS = f"{API}/posts"
MARGINAL = {"lifted_out": False, "status": "included", "subtype": "marginal"}  # 边缘易致贫户
SUDDEN = {"lifted_out": False, "status": "included", "subtype": "sudden_hardship"}  # 突发严重困难户
UNSTABLE = {"lifted_out": True, "status": "included", "subtype": "unstable"}  # 脱贫不稳定户
LIFTED = {"lifted_out": True}  # 脱贫户, not monitored


async def hire(
    api: httpx.AsyncClient, token: str, stack: Stack, kind: dict[str, Any], village: str, place: str | None
) -> str:
    """A worker of a household of ``kind`` in ``village``: at work in ``place`` since START, or not."""
    member = await known_member(stack, village, **kind)
    job = {"place": place, "employed_since": START.isoformat()} if place else {"status": "unemployed"}
    body = worker(**member._asdict(), town_code=village[:9], village_code=village, **job)
    if not place:
        body.update(place=None, employer=None, monthly_wage=None, employed_since=None)
    resp = await api.post(URL, json=body, headers=auth(token))
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def hold_post(api: httpx.AsyncClient, token: str, worker_id: str, since: date = START) -> str:
    post = {
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "title": "保洁员",
        "monthly_allowance": "500.00",
    }
    created = await api.post(POSTS, json=post, headers=auth(token))
    assert created.status_code == 201, created.text
    post_id = str(created.json()["id"])
    held = await api.post(
        f"{POSTS}/{post_id}/holder",
        json={"worker_id": worker_id, "started_on": since.isoformat()},
        headers=auth(token),
    )
    assert held.status_code == 201, held.text
    return post_id


async def find_job(api: httpx.AsyncClient, token: str, holder: str) -> None:
    """A post holder takes a main job out of the province from START on (eligible when placed)."""
    etag = (await api.get(f"{URL}/{holder}", headers=auth(token))).headers["ETag"]
    job = {"employer": "外省某厂", "place": "out_of_province", "started_on": START.isoformat()}
    added = await api.post(f"{URL}/{holder}/spells", json=job, headers={**auth(token), "If-Match": etag})
    assert added.status_code == 201, added.text


async def floor_at(api: httpx.AsyncClient, token: str, day: date | None = None) -> dict[str, Any]:
    params = {"as_of": day.isoformat()} if day else {}
    resp = await api.get(FLOOR, params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def by_town(floor: dict[str, Any]) -> dict[str, int]:
    return {t["town_code"]: t["employed"] for t in floor["by_town"]}


def by_place(floor: dict[str, Any]) -> dict[str, int]:
    return {p["place"]: p["employed"] for p in floor["by_place"]}


async def test_a_mixed_population_is_counted_as_by_hand_by_town_and_place(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    # Counted: 脱贫户 (monitored or not) at work, and post holders without a job in the county.
    await hire(api, admin, stack, LIFTED, KEJING_VILLAGE, "in_county")
    await hire(api, admin, stack, LIFTED, KEJING_VILLAGE, "out_of_province")
    await hire(api, admin, stack, LIFTED, WANGWU_VILLAGE, "in_province")
    await hire(api, admin, stack, UNSTABLE, KEJING_VILLAGE, "in_county")
    await hold_post(api, admin, await hire(api, admin, stack, LIFTED, KEJING_VILLAGE, None))
    # A post holder who found a job out of the province counts once, where the job is.
    holder = await hire(api, admin, stack, LIFTED, KEJING_VILLAGE, None)
    await hold_post(api, admin, holder)
    await find_job(api, admin, holder)
    # Tracked, not counted: members of 边缘易致贫户 and 突发严重困难户 (a post changes nothing), and
    # a 脱贫户 member without a job.
    await hire(api, admin, stack, MARGINAL, KEJING_VILLAGE, "in_county")
    await hire(api, admin, stack, SUDDEN, WANGWU_VILLAGE, "out_of_province")
    await hold_post(api, admin, await hire(api, admin, stack, MARGINAL, KEJING_VILLAGE, None))
    await hire(api, admin, stack, LIFTED, KEJING_VILLAGE, None)

    floor = await floor_at(api, admin)
    assert await count(stack, "SELECT count(*) FROM employment.workers") == 10
    assert floor["employed"] == 6
    assert by_town(floor) == {KEJING: 5, WANGWU: 1}
    assert by_place(floor) == {"in_county": 3, "in_province": 1, "out_of_province": 2}
    assert (await floor_at(api, admin, START - timedelta(days=1)))["employed"] == 0
    town = await floor_at(api, tokens["town_kejing"])
    assert town["employed"] == 5 and by_place(town) == {
        "in_county": 3,
        "in_province": 0,
        "out_of_province": 2,
    }


async def test_a_post_counts_from_its_first_to_its_last_day(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    post_id = await hold_post(api, admin, await hire(api, admin, stack, LIFTED, KEJING_VILLAGE, None))
    last_day = START + timedelta(days=30)
    released = await api.post(
        f"{POSTS}/{post_id}/holder/release", json={"ended_on": last_day.isoformat()}, headers=auth(admin)
    )
    assert released.status_code == 200, released.text
    assert by_place(await floor_at(api, admin, last_day))["in_county"] == 1
    assert (await floor_at(api, admin, last_day + timedelta(days=1)))["employed"] == 0


async def _households_of(stack: Stack, workers: list[str]) -> list[str]:
    async with stack.db("employment").engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT household_id::text FROM employment.workers WHERE id::text = ANY(:ids) ORDER BY id"),
            {"ids": workers},
        )
        return list(rows.scalars())


async def test_a_household_leaving_or_regaining_the_identity_moves_the_count_from_that_day(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    workers = await seed_workers(stack, 2156)
    await employ(api, admin, [employed(w) for w in workers])  # 2156: within the warning margin
    first, second = await _households_of(stack, workers[:2])

    # Monitoring files two of the households as not 脱贫户 (a correction), then one of them back.
    await handled(stack, household_changed(first, lifted_out=False, version=2))  # 2155: still warning
    await handled(stack, household_changed(second, lifted_out=False, version=2))  # 2154: breached
    await handled(stack, household_changed(first, lifted_out=True, version=3))  # 2155: warning again

    events = await floor_events(stack)
    assert [(e["type"].split(".")[-2], e["data"]["employed"]) for e in events] == [
        ("warning", 2156),
        ("breached", 2154),
        ("warning", 2155),
    ]
    assert (await floor_at(api, admin))["employed"] == 2155
    # Up to yesterday they were 脱贫户: the days before the change keep their count.
    assert (await floor_at(api, admin, clock.today() - timedelta(days=1)))["employed"] == 2156


async def test_an_older_identity_arriving_late_changes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    [lifted] = await seed_workers(stack, 1)
    await employ(api, admin, [employed(lifted)])
    [household] = await _households_of(stack, [lifted])
    await handled(stack, household_changed(household, lifted_out=True, version=3))
    await handled(stack, household_changed(household, lifted_out=False, version=2))  # redelivered late
    assert (await floor_at(api, admin))["employed"] == 1
    changes = "SELECT count(*) FROM employment.household_identities WHERE lifted_out = false"
    assert await count(stack, changes) == 0
