"""The 2155 floor follows monitoring's member changes (issue 11): a worker whose member died or
left the household counts no more from that day — through the real events, from monitoring's API
to employment's count — and a replay of the departure changes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import text

from services.monitoring.households.events import MEMBER_CHANGED, MemberChanged
from tests.conftest import Stack
from tests.employment.factories import API, FLOOR, URL, handled, worker
from tests.helpers import auth, eventually
from tests.monitoring.factories import HOUSEHOLDS, create_household, id_number, include, member


async def employed_on(api: httpx.AsyncClient, token: str, day: date) -> int:
    floor = await api.get(FLOOR, params={"as_of": day.isoformat()}, headers=auth(token))
    assert floor.status_code == 200, floor.text
    return int(floor.json()["employed"])


async def employment_sees(stack: Stack, sql: str, **params: object) -> bool:
    async with stack.db("employment").engine.connect() as conn:
        return bool(await conn.scalar(text(sql), params))


async def working_family(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> tuple[dict[str, Any], list[str]]:
    """A 脱贫户 of two in monitoring whose spouse works (registered in employment, employed)."""
    town = tokens["town_kejing"]
    household = await create_household(
        api, town, member_count=2, members=[member(), member(relation="spouse", id_number=id_number())]
    )
    ids = [
        m["id"] for m in (await api.get(f"{HOUSEHOLDS}/{household['id']}/members", headers=auth(town))).json()
    ]
    known = "SELECT count(*) FROM employment.projected_members WHERE id = :m"
    await eventually(lambda: employment_sees(stack, known, m=ids[1]), timeout=30)
    body = worker(household_id=household["id"], member_id=ids[1], employed_since="2025-03-01")
    registered = await api.post(URL, json=body, headers=auth(town))
    assert registered.status_code == 201, registered.text
    return household, ids


async def test_a_worker_who_died_stops_counting_from_that_day(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    town, admin = tokens["town_kejing"], tokens["admin"]
    household, (_, spouse) = await working_family(api, tokens, stack)
    assert await employed_on(api, admin, today) == 1
    url = f"{HOUSEHOLDS}/{household['id']}"
    etag = (await api.get(url, headers=auth(town))).headers["etag"]
    died = await api.post(
        f"{url}/departures",
        json={"member_id": spouse, "kind": "death", "effective_on": today.isoformat(), "reason": "病故"},
        headers=auth(town, **{"If-Match": etag}),
    )
    assert died.status_code == 200, died.text
    gone = "SELECT count(*) FROM employment.member_departures WHERE member_id = :m"
    await eventually(lambda: employment_sees(stack, gone, m=spouse), timeout=30)
    assert await employed_on(api, admin, today) == 0  # on the day of death: no longer counted
    assert await employed_on(api, admin, today - timedelta(days=1)) == 1  # the day before: still


async def test_a_replayed_or_late_departure_changes_the_count_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    admin = tokens["admin"]
    household, (_, spouse) = await working_family(api, tokens, stack)
    left = today - timedelta(days=10)

    def departure(version: int, left_on: date) -> Any:
        payload = MemberChanged(
            member_id=spouse,
            household_id=household["id"],
            labour="ordinary",
            active=False,
            version=version,
            left_on=left_on,
        )
        return MEMBER_CHANGED.envelope(spouse, payload)

    await handled(stack, departure(2, left))
    assert (
        await employed_on(api, admin, left) == 0
        and await employed_on(api, admin, left - timedelta(days=1)) == 1
    )
    await handled(stack, departure(3, today))  # a later event of the same departure moves nothing
    assert await employed_on(api, admin, left) == 0 and await employed_on(api, admin, today) == 0
    audited = "SELECT count(*) = 1 FROM employment.audit_log WHERE action = 'departure'"
    assert await employment_sees(stack, audited)


async def test_a_member_who_left_is_no_longer_listed_for_job_support(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    town = tokens["town_kejing"]
    household = await create_household(
        api, town, member_count=2, members=[member(), member(relation="spouse", id_number=id_number())]
    )
    await include(api, tokens, household["id"], stack)
    _, spouse = [
        m["id"] for m in (await api.get(f"{HOUSEHOLDS}/{household['id']}/members", headers=auth(town))).json()
    ]

    async def listed() -> set[str]:
        page = await api.get(
            f"{API}/job-support", params={"household_id": household["id"]}, headers=auth(town)
        )
        return {entry["member_id"] for entry in page.json()["items"]}

    await eventually(listed, timeout=30)
    assert spouse in await listed()
    url = f"{HOUSEHOLDS}/{household['id']}"
    etag = (await api.get(url, headers=auth(town))).headers["etag"]
    moved = await api.post(
        f"{url}/departures",
        json={
            "member_id": spouse,
            "kind": "move_out",
            "effective_on": today.isoformat(),
            "reason": "迁往外省",
        },
        headers=auth(town, **{"If-Match": etag}),
    )
    assert moved.status_code == 200, moved.text

    async def spouse_gone() -> bool:
        return spouse not in await listed()

    await eventually(spouse_gone, timeout=30)
    assert len(await listed()) == 1  # the head is still listed
