"""Employment's projection of monitoring's households and members, fed from monitoring's stream on
the real NATS: order-tolerant, and rebuilt from the stream to the same rows without moving the
count (the floor's history of who is a 脱贫户 stays as it was)."""

from __future__ import annotations

import contextlib
from typing import Any

import httpx
import nats
from sqlalchemy import text

from services.employment.app import PROJECTIONS
from services.employment.households.events import HOUSEHOLD_CHANGED, MEMBER_CHANGED
from shared.events.envelope import stream_name
from shared.projections import Projection, rebuild
from shared.runtime import Component
from tests.conftest import Stack
from tests.employment.factories import (
    URL,
    caught_up,
    component,
    household_changed,
    member_changed,
    projected,
    publish_monitoring,
    worker,
)
from tests.helpers import KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU_VILLAGE, auth, eventually, new_id


async def rows(stack: Stack, sql: str) -> list[Any]:
    async with stack.db("employment").engine.connect() as conn:
        return list((await conn.execute(text(sql))).all())


async def test_an_older_event_arriving_late_does_not_replace_a_newer_one(stack: Stack) -> None:
    household = new_id()
    await publish_monitoring(stack, household_changed(household, KEJING_OTHER_VILLAGE, version=3))
    await projected(stack, "projected_households", household, version=3)
    await publish_monitoring(stack, household_changed(household, KEJING_VILLAGE, version=2))
    await eventually(lambda: caught_up(stack), timeout=30)
    [(village, version)] = await rows(
        stack, f"SELECT village_code, version FROM employment.projected_households WHERE id = '{household}'"
    )
    assert (village, version) == (KEJING_OTHER_VILLAGE, 3)


async def snapshot(stack: Stack) -> dict[str, list[Any]]:
    """The projection, and what a rebuild must leave alone: the identities and the count."""
    return {
        "households": await rows(stack, "SELECT * FROM employment.projected_households ORDER BY id"),
        "members": await rows(stack, "SELECT * FROM employment.projected_members ORDER BY id"),
        "identities": await rows(stack, "SELECT * FROM employment.household_identities ORDER BY 1, 2"),
        "spans": await rows(
            stack, "SELECT worker_id, started_on, ended_on FROM employment.counted_spans ORDER BY 1, 2"
        ),
        "count": await rows(stack, "SELECT day, sum(delta) FROM employment.employment_changes GROUP BY day"),
        "audit": await rows(stack, "SELECT count(*) FROM employment.audit_log"),
    }


async def rebuilt(component: Component, projection: Projection) -> int:
    """``rebuild``, tried again when nats-py's fetch ends with a bare TimeoutError that
    ``shared.projections.rebuild`` does not catch yet (only nats.errors.TimeoutError): a rebuild
    starts from empty tables, so a second run is the same rebuild."""
    for _ in range(2):
        with contextlib.suppress(TimeoutError):
            return await rebuild(component, projection)
    return await rebuild(component, projection)


async def test_rebuilding_the_projection_gives_the_same_rows_and_leaves_the_count(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    # Only this test's events in monitoring's stream: earlier tests' households are gone from our
    # (emptied) tables and would come back on a replay.
    nc = await nats.connect(stack.infra.nats_url)
    try:
        for subject in (HOUSEHOLD_CHANGED.nats_subject, MEMBER_CHANGED.nats_subject):
            await nc.jetstream().purge_stream(stream_name("monitoring"), subject=subject)
    finally:
        await nc.close()
    lifted, other = new_id(), new_id()
    worker_member, other_member = new_id(), new_id()
    await publish_monitoring(
        stack,
        household_changed(lifted),
        member_changed(worker_member, lifted),
        household_changed(other, WANGWU_VILLAGE, lifted_out=False, status="included", subtype="marginal"),
        member_changed(other_member, other),
    )
    await projected(stack, "projected_members", other_member)
    await projected(stack, "projected_households", other)
    body = worker(household_id=lifted, member_id=worker_member, employed_since="2025-03-01")
    assert (await api.post(URL, json=body, headers=auth(tokens["admin"]))).status_code == 201
    # The worker's household stops being a 脱贫户 (counted until yesterday); a member leaves; an
    # older event comes again after the newer.
    await publish_monitoring(
        stack,
        household_changed(lifted, lifted_out=False, version=2),
        member_changed(other_member, other, active=False, version=2),
        household_changed(lifted, version=1),
    )
    await projected(stack, "projected_households", lifted, version=2)
    await projected(stack, "projected_members", other_member, version=2)
    await eventually(lambda: caught_up(stack), timeout=30)  # the older one too
    live = await snapshot(stack)
    assert [len(live[t]) for t in ("households", "members", "identities")] == [2, 2, 3]

    [projection] = PROJECTIONS
    assert await rebuilt(component(stack), projection) == 7
    assert await snapshot(stack) == live
