"""就业帮扶名单: monitoring's household.included lists the household's able-bodied members, once each."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import httpx
import nats
from sqlalchemy import text

from services.employment.job_support.events import HOUSEHOLD_INCLUDED
from shared.events.envelope import CloudEvent
from tests.conftest import Stack
from tests.employment.factories import API, count
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU, auth, eventually

URL = f"{API}/job-support"


def household_included(household_id: uuid.UUID, members: list[uuid.UUID]) -> CloudEvent:
    return CloudEvent(
        id=uuid.uuid4(),
        source=HOUSEHOLD_INCLUDED.source,
        type=HOUSEHOLD_INCLUDED.type,
        subject=str(household_id),
        time=datetime.now(UTC),
        data={
            "household_id": str(household_id),
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "subtype": "边缘易致贫户",
            "risk_causes": ["因病"],
            "included_on": "2025-09-01",
            "able_bodied_member_ids": [str(m) for m in members],
            "future_field": "ignored",
        },
    )


async def test_an_inclusion_delivered_again_lists_each_member_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household_id, members = uuid.uuid4(), [uuid.uuid4(), uuid.uuid4()]
    event = household_included(household_id, members)
    # Delivered twice (the second under a new message id), then announced again as a new event.
    again = event.model_copy(update={"id": uuid.uuid4()})
    deliveries = [(event, str(event.id)), (event, str(uuid.uuid4())), (again, str(again.id))]
    nc = await nats.connect(stack.infra.nats_url)
    try:
        js = nc.jetstream()
        for sent, msg_id in deliveries:
            await js.publish(
                HOUSEHOLD_INCLUDED.nats_subject,
                sent.model_dump_json().encode(),
                headers={"Nats-Msg-Id": msg_id},
            )
    finally:
        await nc.close()

    async def drained() -> bool:
        # Only this event type: periodic tasks keep their period claims in the inbox too.
        sql = f"SELECT count(*) FROM employment.inbox WHERE event_type = '{HOUSEHOLD_INCLUDED.type}'"
        return await count(stack, sql) == 2

    await eventually(drained, timeout=30)
    listed = await api.get(
        URL,
        params={"household_id": str(household_id), "town_code": KEJING},
        headers=auth(tokens["town_kejing"]),
    )
    items = listed.json()["items"]
    assert sorted(i["member_id"] for i in items) == sorted(str(m) for m in members)
    assert all(i["household_id"] == str(household_id) and i["worker_id"] is None for i in items)
    assert await count(stack, "SELECT count(*) FROM employment.job_support") == 2


async def _listed_members(stack: Stack, number: int) -> None:
    """Entries as the handler writes them (set-based: the event path is covered above)."""
    async with stack.db("employment").engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO employment.job_support (id, household_id, member_id, town_code, village_code,"
                " subtype, risk_causes, included_on) SELECT gen_random_uuid(), gen_random_uuid(),"
                " gen_random_uuid(), :town, :village, '边缘易致贫户', ARRAY['因病'], DATE '2025-09-01'"
                " FROM generate_series(1, :n)"
            ),
            {"n": number, "town": KEJING, "village": KEJING_VILLAGE},
        )


async def test_the_job_support_list_filters_by_town(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await _listed_members(stack, 2)
    assert (await api.get(URL, params={"town_code": WANGWU}, headers=auth(tokens["admin"]))).json()[
        "items"
    ] == []
    assert (
        len((await api.get(URL, params={"town_code": KEJING}, headers=auth(tokens["admin"]))).json()["items"])
        == 2
    )


async def test_a_village_cadre_sees_their_villages_members_and_helpers_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await _listed_members(stack, 2)
    assert len((await api.get(URL, headers=auth(tokens["village_beidahe"]))).json()["items"]) == 2
    assert (await api.get(URL, headers=auth(tokens["helper_wang"]))).status_code == 403
