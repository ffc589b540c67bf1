"""乡村公益性岗位 through the gateway: one holder per post, one post per worker, the headcount."""

from __future__ import annotations

from typing import Any, NamedTuple

import httpx
import pytest

from shared import clock
from tests.conftest import Stack
from tests.employment.factories import API, count, create
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth

URL = f"{API}/posts"
POST = {"town_code": KEJING, "village_code": KEJING_VILLAGE, "title": "保洁员", "monthly_allowance": "500.00"}


def last_year() -> str:
    """1 December of the district's previous year, asked when the test runs."""
    return f"{clock.today().year - 1}-12-01"


class Staffed(NamedTuple):
    cleaner: str  # held by ``first`` since last year
    ranger: str  # held by ``second`` since today
    first: str
    second: str


async def _post(api: httpx.AsyncClient, token: str, **overrides: Any) -> str:
    resp = await api.post(URL, json={**POST, **overrides}, headers=auth(token))
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def _assign(
    api: httpx.AsyncClient, token: str, post_id: str, worker_id: str, started_on: str
) -> httpx.Response:
    return await api.post(
        f"{URL}/{post_id}/holder",
        json={"worker_id": worker_id, "started_on": started_on},
        headers=auth(token),
    )


async def _release(api: httpx.AsyncClient, token: str, post_id: str) -> httpx.Response:
    return await api.post(
        f"{URL}/{post_id}/holder/release", json={"ended_on": clock.today().isoformat()}, headers=auth(token)
    )


async def _idle(api: httpx.AsyncClient, token: str, stack: Stack) -> str:
    """A worker without a job: only someone hard to employ elsewhere may hold a post."""
    created = await create(
        api,
        token,
        stack,
        status="unemployed",
        employer=None,
        place=None,
        monthly_wage=None,
        employed_since=None,
    )
    return str(created.json()["id"])


@pytest.fixture
async def staffed(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> Staffed:
    town = tokens["town_kejing"]
    placed = Staffed(
        cleaner=await _post(api, town),
        ranger=await _post(api, town, title="护林员"),
        first=await _idle(api, town, stack),
        second=await _idle(api, town, stack),
    )
    assert (await _assign(api, town, placed.cleaner, placed.first, last_year())).status_code == 201
    assert (
        await _assign(api, town, placed.ranger, placed.second, clock.today().isoformat())
    ).status_code == 201
    return placed


async def test_a_town_official_may_not_create_a_post_in_another_town(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    elsewhere = await api.post(
        URL,
        json={**POST, "town_code": WANGWU, "village_code": WANGWU_VILLAGE},
        headers=auth(tokens["town_kejing"]),
    )
    assert elsewhere.status_code == 403


async def test_a_held_post_takes_no_second_holder(
    api: httpx.AsyncClient, tokens: dict[str, str], staffed: Staffed
) -> None:
    taken = await _assign(api, tokens["town_kejing"], staffed.cleaner, staffed.second, last_year())
    assert taken.status_code == 409 and taken.json()["code"] == "post_taken"


async def test_a_worker_holds_one_post_at_a_time(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    cleaner, ranger = await _post(api, town), await _post(api, town, title="护林员")
    worker = await _idle(api, town, stack)
    assert (await _assign(api, town, cleaner, worker, last_year())).status_code == 201
    assert (await _assign(api, town, ranger, worker, last_year())).status_code == 409
    assert await count(stack, "SELECT count(*) FROM employment.post_holdings") == 1


async def test_the_headcount_compares_holders_with_1_january(
    api: httpx.AsyncClient, tokens: dict[str, str], staffed: Staffed
) -> None:
    report = (await api.get(f"{URL}/headcount", headers=auth(tokens["town_kejing"]))).json()
    assert (report["baseline"], report["holders"], report["stable"]) == (1, 2, False)
    assert report["towns"][0]["posts"] == 2 and report["towns"][0]["change_percent"] == 100.0


async def test_a_holder_released_today_ends_the_holding_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, staffed: Staffed
) -> None:
    assert (await _release(api, tokens["town_kejing"], staffed.ranger)).status_code == 200
    again = await _release(api, tokens["town_kejing"], staffed.ranger)
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"
    assert await count(stack, "SELECT count(*) FROM employment.post_holdings") == 2


async def test_a_holder_released_today_still_counts_today(
    api: httpx.AsyncClient, tokens: dict[str, str], staffed: Staffed
) -> None:
    assert (await _release(api, tokens["town_kejing"], staffed.ranger)).status_code == 200
    # The last day on the post is today: the report moves tomorrow.
    report = (await api.get(f"{URL}/headcount", headers=auth(tokens["town_kejing"]))).json()
    assert report["holders"] == 2


async def test_village_cadres_list_their_villages_posts_and_helpers_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await _post(api, tokens["town_kejing"])
    assert (await api.get(URL, headers=auth(tokens["village_beidahe"]))).json()["items"][0][
        "title"
    ] == "保洁员"
    assert (await api.get(URL, headers=auth(tokens["helper_wang"]))).status_code == 403
