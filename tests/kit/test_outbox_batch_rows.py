"""Batch rows (ADR 0014): a bulk announcement stores many events in one outbox row, and the relay
still publishes each as its own message — its own Nats-Msg-Id, the stored JSON as the body — in
order, about ``batch_size`` events a round, marking a row once all of its events are acked."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from services.monitoring.households.events import HOUSEHOLD_REGISTERED
from shared.events import outbox as outbox_module
from shared.events.envelope import CloudEvent, stream_name
from shared.events.outbox import add_from_query_ordered, republish
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, last_outbox_position, outbox_rows_after
from tests.kit.test_event_metrics import scrape, value
from tests.kit.test_outbox_relay import NOWHERE, _relay_by_hand

# Seven households, announced as one statement's events.
SEVEN = """SELECT CAST(h AS uuid) AS subject, CAST(h AS uuid) AS household_id, CAST(:town AS text) AS town_code,
    CAST(:village AS text) AS village_code, 'ordinary' AS kind FROM unnest(CAST(:households AS text[])) AS h"""


async def _announce_seven(component: Any) -> tuple[list[str], int | None]:
    """Seven household.registered events in one statement; the households and the position before."""
    households = [str(uuid.uuid4()) for _ in range(7)]
    async with component.db.transaction() as session:
        before = await last_outbox_position(session, component.tables.outbox)
        count = await add_from_query_ordered(
            component.outbox,
            session,
            HOUSEHOLD_REGISTERED,
            SEVEN,
            town=KEJING,
            village=KEJING_VILLAGE,
            households=households,
        )
    assert count == 7
    return households, before


async def _stream_messages(js: Any, after: int) -> list[Any]:
    stream = stream_name("monitoring")
    last = (await js.stream_info(stream)).state.last_seq
    return [await js.get_msg(stream, seq) for seq in range(after + 1, last + 1)]


async def test_each_event_of_a_batch_row_is_its_own_message_in_order(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outbox_module, "BATCH_ROW_EVENTS", 3)
    component, relay, js, before = await _relay_by_hand(stack)
    outbox = component.tables.outbox
    batch_size = relay.batch_size
    try:
        households, position = await _announce_seven(component)
        async with component.db.sessions() as session:
            stored = (
                await session.execute(
                    select(outbox.c.batch_ids, outbox.c.envelope)
                    .where(outbox.c.position > (position or 0))
                    .order_by(outbox.c.position)
                )
            ).all()
            events = await outbox_rows_after(session, outbox, position)
        # Three rows of at most three events, in the statement's order.
        assert [len(row.batch_ids) for row in stored] == [3, 3, 1]
        assert [row.envelope["events"] for row in stored] == [3, 3, 1]
        assert [e.envelope["subject"] for e in events] == households
        assert [e.event_id for e in events] == [i for row in stored for i in row.batch_ids]
        assert await relay.pending() == 7
        samples = await scrape(stack, "monitoring")
        assert value(samples, "xianjie_outbox_backlog", component="monitoring") == 7

        # About batch_size events a round: a row's events are never split over rounds.
        relay.batch_size = 4
        assert await relay.publish_batch(js) == 3 and relay.more_waiting  # 3 + 3 is over 4
        assert await relay.publish_batch(js) == 3 + 1 and not relay.more_waiting
        assert await relay.pending() == 0

        messages = await _stream_messages(js, before)
        assert [m.headers["Nats-Msg-Id"] for m in messages] == [str(e.event_id) for e in events]
        for message, event in zip(messages, events, strict=True):
            published = json.loads(message.data)
            assert published == event.envelope
            assert CloudEvent.model_validate(published).id == event.event_id
            assert message.subject == HOUSEHOLD_REGISTERED.nats_subject
    finally:
        relay.batch_size = batch_size
        relay.start()


async def test_republishing_sends_a_batch_rows_events_under_their_own_ids(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second copy of each event (``xianjie events republish``) carries the first's msg id, so
    JetStream stores none of them again."""
    monkeypatch.setattr(outbox_module, "BATCH_ROW_EVENTS", 3)
    component, relay, js, _ = await _relay_by_hand(stack)
    try:
        since = datetime.now(UTC) - timedelta(seconds=1)
        await _announce_seven(component)
        while await relay.publish_batch(js):
            pass
        stored = (await js.stream_info(stream_name("monitoring"))).state.last_seq
        published = await republish(component.db, component.tables, "monitoring", js, since=since)
        assert published >= 7
        assert (await js.stream_info(stream_name("monitoring"))).state.last_seq == stored
    finally:
        relay.start()


async def test_a_batch_row_no_stream_takes_is_set_aside_whole_and_holds_back_nothing(stack: Stack) -> None:
    component, relay, js, before = await _relay_by_hand(stack)
    outbox = component.tables.outbox
    lost = uuid.uuid4()
    try:
        async with component.db.transaction() as session:
            lines = [json.dumps({"id": str(uuid.uuid4()), "type": "cn.example.lost"}) for _ in range(2)]
            await session.execute(
                insert(outbox).values(
                    event_id=lost,
                    nats_subject=NOWHERE,
                    envelope={"type": "cn.example.lost", "events": 2},
                    batch="\n".join(lines),
                    batch_ids=[uuid.UUID(json.loads(line)["id"]) for line in lines],
                )
            )
        households, _ = await _announce_seven(component)
        total = 0
        while published := await relay.publish_batch(js):
            total += published
        assert total == 7 and not relay.held_back
        async with component.db.sessions() as session:
            row = (await session.execute(select(outbox).where(outbox.c.event_id == lost))).one()
        assert row.published_at is None and row.attempts == relay.max_attempts
        assert "no JetStream stream takes" in row.last_error
        messages = await _stream_messages(js, before)
        assert [json.loads(m.data)["subject"] for m in messages] == households
    finally:
        async with component.db.transaction() as session:
            await session.execute(delete(outbox).where(outbox.c.event_id == lost))
        relay.start()


@pytest.mark.parametrize(
    ("lines", "ids"),
    [
        (["{}", "{}"], 1),  # a line without an id
        (["{}"], 2),  # an id without a line
        (["{}"], None),  # lines without ids
        (None, 1),  # ids without lines
    ],
)
async def test_the_database_refuses_a_batch_row_whose_lines_and_ids_differ(
    stack: Stack, lines: list[str] | None, ids: int | None
) -> None:
    component = stack.apps["monitoring"].state.component
    with pytest.raises(IntegrityError, match="ck_outbox_batch_line_per_id"):
        async with component.db.transaction() as session:
            await session.execute(
                insert(component.tables.outbox).values(
                    event_id=uuid.uuid4(),
                    nats_subject=HOUSEHOLD_REGISTERED.nats_subject,
                    envelope={"type": HOUSEHOLD_REGISTERED.type},
                    batch="\n".join(lines) if lines is not None else None,
                    batch_ids=[uuid.uuid4() for _ in range(ids)] if ids is not None else None,
                )
            )
