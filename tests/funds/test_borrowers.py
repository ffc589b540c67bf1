"""A loan names monitoring's household and member (issue 10, case 4): the ids are checked against
funds' projection of monitoring's households and members — unknown and out-of-scope answer alike,
the member belongs to the household, the loan agrees with it, and only a 脱贫户 or a monitored
household borrows, as the kind monitoring files it under. The projection is order-tolerant and
rebuilds from monitoring's stream to the same rows. Synthetic monitoring events on the real NATS."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import nats
import pytest
from sqlalchemy import text

from services.funds.app import PROJECTIONS
from services.funds.microcredit.events import HOUSEHOLD_CHANGED, MEMBER_CHANGED
from shared.events.envelope import stream_name
from shared.projections import rebuild
from tests.conftest import Stack
from tests.funds.factories import (
    API,
    Borrower,
    count,
    household_changed,
    known_borrower,
    member_changed,
    projected,
    publish_monitoring,
)
from tests.funds.factories import (
    record_loan as record,
)
from tests.helpers import (
    KEJING_OTHER_VILLAGE,
    KEJING_VILLAGE,
    WANGWU,
    WANGWU_VILLAGE,
    eventually,
    new_id,
    problem,
)

LOANS = f"{API}/loans"
NOTHING_WRITTEN = {"loans": 0, "audit_log": 0, "outbox": 0}


async def written(stack: Stack) -> dict[str, int]:
    return {table: await count(stack, table) for table in NOTHING_WRITTEN}


def refused_as(resp: httpx.Response, status: int, code: str, field: str) -> bool:
    body = resp.json()
    return (
        resp.status_code == status
        and body["code"] == code
        and [e["field"] for e in body["errors"]] == [field]
    )


# -- ids the caller may not name ------------------------------------------------------------------


async def test_a_town_official_recording_a_loan_for_another_towns_household_is_refused_like_a_made_up_id(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    # 克井镇's official names a 王屋镇 household (and its member), on a body in their own village.
    wangwu = await known_borrower(stack, WANGWU_VILLAGE)
    foreign = await record(api, tokens["town_kejing"], wangwu)
    made_up = await record(api, tokens["town_kejing"], Borrower(new_id(), new_id()))

    assert refused_as(foreign, 422, "unknown_reference", "household_id"), foreign.text
    assert problem(foreign) == problem(made_up)
    assert wangwu.household_id not in foreign.text and WANGWU not in foreign.text
    assert await written(stack) == NOTHING_WRITTEN


async def test_naming_the_other_towns_village_on_the_body_is_refused_alike_for_known_and_made_up_ids(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    wangwu = await known_borrower(stack, WANGWU_VILLAGE)
    foreign = await record(api, tokens["town_kejing"], wangwu, village_code=WANGWU_VILLAGE)
    made_up = await record(
        api, tokens["town_kejing"], Borrower(new_id(), new_id()), village_code=WANGWU_VILLAGE
    )
    assert foreign.status_code == 403 and problem(foreign) == problem(made_up)
    assert await written(stack) == NOTHING_WRITTEN


async def test_a_member_of_another_towns_household_is_refused_like_a_made_up_member(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    kejing, wangwu = await known_borrower(stack), await known_borrower(stack, WANGWU_VILLAGE)
    foreign = await record(api, tokens["town_kejing"], kejing._replace(member_id=wangwu.member_id))
    made_up = await record(api, tokens["town_kejing"], kejing._replace(member_id=new_id()))
    assert refused_as(foreign, 422, "unknown_reference", "member_id"), foreign.text
    assert problem(foreign) == problem(made_up)
    assert await written(stack) == NOTHING_WRITTEN


async def test_a_household_announced_but_not_yet_applied_gets_a_retryable_answer(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    consumer = stack.apps["funds"].state.component.consumer_of("monitoring")
    borrower = Borrower(new_id(), new_id())
    await consumer.stop()  # monitoring's events wait in the stream, as behind a slow consumer
    try:
        await publish_monitoring(
            stack,
            household_changed(borrower.household_id),
            member_changed(borrower.member_id, borrower.household_id),
        )
        for named in (borrower, Borrower(new_id(), new_id())):
            pending = await record(api, tokens["town_kejing"], named)
            assert pending.status_code == 503 and pending.json()["code"] == "reference_pending", pending.text
            assert pending.headers["retry-after"] == "2"
        assert await written(stack) == NOTHING_WRITTEN
    finally:
        consumer.start()
    await projected(stack, "projected_members", borrower.member_id)
    assert (await record(api, tokens["town_kejing"], borrower)).status_code == 201


# -- a loan agrees with the household and member it names -----------------------------------------


async def test_a_member_of_another_household_in_scope_is_refused_naming_the_member(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    one, other = await known_borrower(stack), await known_borrower(stack)
    resp = await record(api, tokens["town_kejing"], one._replace(member_id=other.member_id))
    assert refused_as(resp, 422, "validation_failed", "member_id"), resp.text
    assert await written(stack) == NOTHING_WRITTEN


async def test_a_member_who_left_the_household_cannot_borrow(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    borrower = await known_borrower(stack)
    await publish_monitoring(
        stack, member_changed(borrower.member_id, borrower.household_id, active=False, version=2)
    )
    await projected(stack, "projected_members", borrower.member_id, version=2)
    resp = await record(api, tokens["town_kejing"], borrower)
    assert refused_as(resp, 422, "validation_failed", "member_id"), resp.text


async def test_the_loans_village_is_the_households(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    borrower = await known_borrower(stack, KEJING_VILLAGE)
    resp = await record(api, tokens["town_kejing"], borrower, village_code=KEJING_OTHER_VILLAGE)
    assert refused_as(resp, 422, "validation_failed", "village_code"), resp.text
    assert await written(stack) == NOTHING_WRITTEN


# -- who may borrow (domain §3: 脱贫人口 and 监测对象) -------------------------------------------------


@pytest.mark.parametrize(
    "household",
    [
        {"lifted_out": False, "status": "not_monitored"},
        {"lifted_out": False, "status": "verifying"},  # being identified: not yet monitored
        {"lifted_out": False, "status": "risk_eliminated", "subtype": "marginal"},
    ],
    ids=["never-poor", "verifying", "risk-eliminated"],
)
async def test_a_household_neither_lifted_out_nor_monitored_is_not_eligible(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, household: dict[str, Any]
) -> None:
    borrower = await known_borrower(stack, **household)
    for kind in ("lifted_out", "monitored"):
        resp = await record(api, tokens["town_kejing"], borrower, borrower_kind=kind)
        assert resp.status_code == 422 and resp.json()["code"] == "not_eligible", resp.text
    assert await written(stack) == NOTHING_WRITTEN


async def test_the_borrower_kind_is_the_one_monitoring_files_the_household_under(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    lifted_out = await known_borrower(stack, lifted_out=True, status="not_monitored")
    marginal = await known_borrower(stack, lifted_out=False, status="included", subtype="marginal")
    for borrower, wrong in ((lifted_out, "monitored"), (marginal, "lifted_out")):
        resp = await record(api, tokens["town_kejing"], borrower, borrower_kind=wrong)
        assert refused_as(resp, 422, "validation_failed", "borrower_kind"), resp.text
    assert await written(stack) == NOTHING_WRITTEN


async def test_an_unstable_lifted_out_household_borrows_as_either_kind(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    # 脱贫不稳定户: still a 脱贫户 while monitored.
    unstable = await known_borrower(stack, lifted_out=True, status="included", subtype="unstable")
    for kind in ("lifted_out", "monitored"):
        resp = await record(api, tokens["town_kejing"], unstable, borrower_kind=kind, amount="10000.00")
        assert resp.status_code == 201, resp.text


# -- the projection -------------------------------------------------------------------------------


async def test_an_older_household_event_arriving_late_does_not_undo_a_newer_one(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    # Monitored (version 1), then risk eliminated (version 2); the older event is redelivered last.
    borrower = Borrower(new_id(), new_id())
    newer = household_changed(borrower.household_id, lifted_out=False, status="risk_eliminated", version=2)
    older = household_changed(borrower.household_id, lifted_out=False, status="included", version=1)
    await publish_monitoring(stack, newer, member_changed(borrower.member_id, borrower.household_id), older)

    async def older_applied() -> bool:
        return await count(stack, "inbox", f"event_id = '{older.id}'") == 1

    await projected(stack, "projected_members", borrower.member_id)
    await eventually(older_applied, timeout=30)
    resp = await record(api, tokens["town_kejing"], borrower, borrower_kind="monitored")
    assert resp.status_code == 422 and resp.json()["code"] == "not_eligible", resp.text


def caught_up(stack: Stack) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return not await stack.apps["funds"].state.component.lagging("monitoring")

    return check


async def snapshot(stack: Stack) -> dict[str, list[Any]]:
    async with stack.db("funds").engine.connect() as conn:
        return {
            table: list((await conn.execute(text(f"SELECT * FROM funds.{table} ORDER BY id"))).all())
            for table in ("projected_households", "projected_members")
        }


async def test_rebuilding_the_projection_gives_the_same_rows(stack: Stack) -> None:
    # Only this test's events in monitoring's stream: earlier tests' households are gone from our
    # (emptied) tables and would come back on a replay.
    nc = await nats.connect(stack.infra.nats_url)
    try:
        for subject in (HOUSEHOLD_CHANGED.nats_subject, MEMBER_CHANGED.nats_subject):
            await nc.jetstream().purge_stream(stream_name("monitoring"), subject=subject)
    finally:
        await nc.close()
    one = await known_borrower(stack)
    other = await known_borrower(
        stack, WANGWU_VILLAGE, lifted_out=False, status="included", subtype="sudden_hardship"
    )
    # One household moves on, one member leaves; an older event comes again after the newer.
    moved_on = household_changed(one.household_id, status="included", subtype="unstable", version=3)
    left = member_changed(other.member_id, other.household_id, active=False, version=2)
    await publish_monitoring(stack, moved_on, left, household_changed(one.household_id, version=2))
    await projected(stack, "projected_households", one.household_id, version=3)
    await projected(stack, "projected_members", other.member_id, version=2)
    await eventually(caught_up(stack), timeout=30)  # the older one too
    live = await snapshot(stack)
    assert [len(rows) for rows in live.values()] == [2, 2]

    [projection] = PROJECTIONS
    component = stack.apps["funds"].state.component
    assert await rebuild(component, projection) == 7
    assert await snapshot(stack) == live
