"""A worker names monitoring's household and member (issue 10, case 2): the ids are checked against
employment's projection of monitoring's households and members — unknown and out-of-scope answer
alike, the member belongs to the household and is still in it, the worker lives where the household
does — and while monitoring's events are still on their way the answer is a retryable 503."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text

from tests.conftest import Stack
from tests.employment.factories import (
    URL,
    Member,
    caught_up,
    count,
    household_changed,
    known_member,
    member_changed,
    projected,
    publish_monitoring,
    worker,
)
from tests.helpers import (
    KEJING,
    KEJING_OTHER_VILLAGE,
    KEJING_VILLAGE,
    WANGWU,
    WANGWU_VILLAGE,
    auth,
    eventually,
    problem,
)
from tests.helpers import new_id as made_up

NOTHING_WRITTEN = {"workers": 0, "spells": 0, "audit_log": 0, "outbox": 0}


@pytest.fixture(autouse=True)
async def _caught_up(stack: Stack) -> None:
    """Monitoring's events of earlier tests applied: a made-up id is then unknown, not pending."""
    await eventually(lambda: caught_up(stack), timeout=60)


async def written(stack: Stack) -> dict[str, int]:
    return {t: await count(stack, f"SELECT count(*) FROM employment.{t}") for t in NOTHING_WRITTEN}


def refused_as(resp: httpx.Response, status: int, code: str, field: str) -> bool:
    body = resp.json()
    return (
        resp.status_code == status
        and body["code"] == code
        and [e["field"] for e in body["errors"]] == [field]
    )


async def register(api: httpx.AsyncClient, token: str, member: Member, **overrides: Any) -> httpx.Response:
    return await api.post(URL, json=worker(**member._asdict(), **overrides), headers=auth(token))


# -- ids the caller may not name ------------------------------------------------------------------


async def test_a_town_official_naming_another_towns_household_is_refused_like_a_made_up_id(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    # 克井镇's official names a 王屋镇 household and its member, on a body in their own village.
    wangwu = await known_member(stack, WANGWU_VILLAGE)
    foreign = await register(api, tokens["town_kejing"], wangwu)
    invented = await register(api, tokens["town_kejing"], Member(made_up(), made_up()))

    assert refused_as(foreign, 422, "unknown_reference", "household_id"), foreign.text
    assert problem(foreign) == problem(invented)
    assert wangwu.household_id not in foreign.text and WANGWU not in foreign.text
    assert await written(stack) == NOTHING_WRITTEN


async def test_a_made_up_member_of_a_known_household_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await known_member(stack)
    resp = await register(api, tokens["town_kejing"], Member(household.household_id, made_up()))
    assert refused_as(resp, 422, "unknown_reference", "member_id"), resp.text
    assert await written(stack) == NOTHING_WRITTEN


async def test_a_member_of_another_towns_household_is_refused_like_a_made_up_one(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    kejing, wangwu = await known_member(stack), await known_member(stack, WANGWU_VILLAGE)
    foreign = await register(api, tokens["town_kejing"], Member(kejing.household_id, wangwu.member_id))
    invented = await register(api, tokens["town_kejing"], Member(kejing.household_id, made_up()))
    assert refused_as(foreign, 422, "unknown_reference", "member_id"), foreign.text
    assert problem(foreign) == problem(invented)


# -- ids the caller may name, that disagree with the body -----------------------------------------


async def test_a_member_of_another_household_is_refused_naming_the_member(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    one, other = await known_member(stack), await known_member(stack)
    resp = await register(api, tokens["town_kejing"], Member(one.household_id, other.member_id))
    assert refused_as(resp, 422, "validation_failed", "member_id"), resp.text
    assert await written(stack) == NOTHING_WRITTEN


async def test_a_member_who_left_the_household_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    member = await known_member(stack)
    await publish_monitoring(
        stack, member_changed(member.member_id, member.household_id, active=False, version=2)
    )
    await projected(stack, "projected_members", member.member_id, version=2)
    resp = await register(api, tokens["town_kejing"], member)
    assert refused_as(resp, 422, "validation_failed", "member_id"), resp.text


async def test_a_worker_lives_in_the_village_of_their_household(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    member = await known_member(stack, KEJING_VILLAGE)
    resp = await register(api, tokens["town_kejing"], member, village_code=KEJING_OTHER_VILLAGE)
    assert refused_as(resp, 422, "validation_failed", "village_code"), resp.text
    assert (await register(api, tokens["town_kejing"], member)).status_code == 201


async def test_a_district_account_naming_another_towns_household_is_told_the_town_differs(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    wangwu = await known_member(stack, WANGWU_VILLAGE)
    resp = await register(api, tokens["admin"], wangwu, town_code=KEJING, village_code=KEJING_VILLAGE)
    assert refused_as(resp, 422, "validation_failed", "town_code"), resp.text


# -- monitoring's events still on their way ---------------------------------------------------------


async def test_a_household_whose_event_is_still_on_its_way_is_a_retryable_503(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    member = Member(made_up(), made_up())
    engine = stack.db("employment").engine
    async with engine.connect() as holder:
        # The consumer's write of the projection waits behind this lock: the events stay pending.
        await holder.execute(text("LOCK TABLE employment.projected_households IN SHARE MODE"))
        await publish_monitoring(
            stack,
            household_changed(member.household_id),
            member_changed(member.member_id, member.household_id),
        )
        pending = await register(api, tokens["town_kejing"], member)
        await holder.rollback()
    assert pending.status_code == 503 and pending.json()["code"] == "reference_pending", pending.text
    assert pending.headers["retry-after"] == "2"
    assert await written(stack) == NOTHING_WRITTEN

    await projected(stack, "projected_members", member.member_id)
    assert (await register(api, tokens["town_kejing"], member)).status_code == 201


# -- a properly registered worker ---------------------------------------------------------------------
