"""The relay keeps commit order: a transient failure holds back the events after it, with a
back-off; a row JetStream will never take is set aside at once and holds back nothing."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import Any

import nats
import structlog
from sqlalchemy import delete, func, insert, select

from services.monitoring.households.events import HOUSEHOLD_REGISTERED, HouseholdRegistered
from shared.db import advisory_xact_lock
from shared.events.envelope import stream_name, stream_subjects
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, eventually
from tests.kit.test_event_metrics import scrape, value
from xianjie.devstack import EmbeddedNats

NOWHERE = "nowhere.at.all"  # a subject no stream captures: JetStream will never take it


async def _relay_by_hand(stack: Stack) -> tuple[Any, Any, Any, int]:
    """Monitoring's component, its relay stopped (the test drives it), JetStream and the stream's
    last sequence so far."""
    component = stack.apps["monitoring"].state.component
    await component.relay.stop()
    js = component.link.jetstream_if_ready()
    assert js is not None
    before = (await js.stream_info(stream_name("monitoring"))).state.last_seq
    return component, component.relay, js, before


async def _add_events(component: Any, count: int) -> list[uuid.UUID]:
    """``count`` real events in one transaction; their event ids in commit order."""
    outbox = component.tables.outbox
    households = [uuid.uuid4() for _ in range(count)]
    async with component.db.transaction() as session:
        for household in households:
            payload = HouseholdRegistered(
                household_id=household, town_code=KEJING, village_code=KEJING_VILLAGE, kind="monitored"
            )
            await component.outbox.add(session, HOUSEHOLD_REGISTERED, "h", payload)
        ids = await session.scalars(
            select(outbox.c.event_id)
            .where(outbox.c.envelope["data"]["household_id"].astext.in_([str(h) for h in households]))
            .order_by(outbox.c.position)
        )
        return list(ids)


async def _add_row(component: Any, subject: str, envelope: dict[str, Any]) -> uuid.UUID:
    event_id = uuid.uuid4()
    async with component.db.transaction() as session:
        await session.execute(
            insert(component.tables.outbox).values(event_id=event_id, nats_subject=subject, envelope=envelope)
        )
    return event_id


async def _stream_ids(js: Any, after: int) -> list[str]:
    """The Nats-Msg-Id of each message monitoring's stream stored after sequence ``after``."""
    stream = stream_name("monitoring")
    last = (await js.stream_info(stream)).state.last_seq
    return [(await js.get_msg(stream, seq)).headers["Nats-Msg-Id"] for seq in range(after + 1, last + 1)]


async def _outbox_rows(component: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    outbox = component.tables.outbox
    async with component.db.sessions() as session:
        rows = (await session.execute(select(outbox).where(outbox.c.event_id.in_(ids)))).all()
    return {row.event_id: row for row in rows}


async def _forget(component: Any, ids: list[uuid.UUID]) -> None:
    """Rows set aside stay (an operator's to look at): remove this test's, the stack is shared."""
    async with component.db.transaction() as session:
        await session.execute(
            delete(component.tables.outbox).where(component.tables.outbox.c.event_id.in_(ids))
        )


async def test_a_row_no_stream_takes_is_set_aside_at_once_and_the_rest_publish_once_in_order(
    stack: Stack,
) -> None:
    component, relay, js, before = await _relay_by_hand(stack)
    bad: list[uuid.UUID] = []
    try:
        first = await _add_events(component, 2)
        # A row no stream captures sits between them: NATS answers "no responders".
        bad.append(await _add_row(component, NOWHERE, {"id": "x", "type": "cn.example.lost"}))
        last = await _add_events(component, 2)

        with structlog.testing.capture_logs() as logs:
            assert await relay.publish_batch(js) == 4
        assert not relay.held_back
        rows = await _outbox_rows(component, [*first, *bad, *last])
        assert all(rows[i].published_at is not None and rows[i].attempts == 0 for i in [*first, *last])
        lost = rows[bad[0]]
        assert lost.published_at is None and lost.attempts == relay.max_attempts  # set aside
        assert NOWHERE in lost.last_error and "no JetStream stream takes" in lost.last_error
        # Each good event reached the stream once, in commit order.
        assert await _stream_ids(js, before) == [str(i) for i in [*first, *last]]
        [entry] = [e for e in logs if e["event"] == "outbox_event_set_aside"]
        assert entry["subject"] == NOWHERE and entry["event_type"] == "cn.example.lost"
        assert entry["log_level"] == "error"

        # Set aside, it no longer holds anything back: the next events go at the next round.
        after = await _add_events(component, 1)
        assert await relay.publish_batch(js) == 1
        assert (await _outbox_rows(component, after))[after[0]].published_at is not None
        samples = await scrape(stack, "monitoring")
        assert value(samples, "xianjie_outbox_set_aside", component="monitoring") == 1
    finally:
        await _forget(component, bad)
        relay.start()


async def test_an_event_over_the_max_payload_is_set_aside_and_those_after_it_still_leave(
    stack: Stack,
) -> None:
    component, relay, js, before = await _relay_by_hand(stack)
    bad: list[uuid.UUID] = []
    try:
        first = await _add_events(component, 1)
        # nats-py refuses it before sending (the server's max payload is 1 MiB).
        bad.append(await _add_row(component, "xianjie.monitoring.big", {"id": "y", "data": "x" * (1 << 20)}))
        last = await _add_events(component, 2)

        published = await relay.publish_batch(js)
        if published == 1:  # the rows behind the refused one wait for the next round, at once
            assert relay.more_waiting and not relay.held_back
            published += await relay.publish_batch(js)
        assert published == 3
        rows = await _outbox_rows(component, [*first, *bad, *last])
        assert rows[bad[0]].attempts == relay.max_attempts and "max payload" in rows[bad[0]].last_error
        assert await _stream_ids(js, before) == [str(i) for i in [*first, *last]]
    finally:
        await _forget(component, bad)
        relay.start()


async def test_a_transient_failure_holds_the_batch_back_in_order_and_loses_nothing(stack: Stack) -> None:
    """No ack in time (here: a publish timeout of 0 s against the real server) is transient: the
    rows stay in line, the first counts an attempt, and the next round publishes them all; the
    copies JetStream already stored are dropped by Nats-Msg-Id."""
    component, relay, js, before = await _relay_by_hand(stack)
    timeout = relay.publish_timeout
    try:
        ids = await _add_events(component, 3)
        relay.publish_timeout = 0
        assert await relay.publish_batch(js) == 0
        assert relay.held_back
        rows = await _outbox_rows(component, ids)
        assert [(rows[i].published_at, rows[i].attempts) for i in ids] == [(None, 1), (None, 0), (None, 0)]
        assert "no ack" in rows[ids[0]].last_error

        relay.publish_timeout = timeout
        assert await relay.publish_batch(js) == 3
        assert not relay.held_back
        rows = await _outbox_rows(component, ids)
        assert all(rows[i].published_at is not None for i in ids)
        assert await _stream_ids(js, before) == [str(i) for i in ids]  # once each, in order
    finally:
        relay.publish_timeout = timeout
        relay.start()


async def test_failing_rounds_back_off_instead_of_retrying_on_every_commit(stack: Stack) -> None:
    """While publishes keep failing, commits (which wake the relay) do not make it retry: the
    poll interval, doubled each failing round. An upper bound only: a slow machine does fewer."""
    component = stack.apps["monitoring"].state.component
    relay = component.relay
    await relay.stop()
    timeout = relay.publish_timeout
    ids: list[uuid.UUID] = []
    try:
        relay.publish_timeout = 0
        ids += await _add_events(component, 1)
        started = asyncio.get_running_loop().time()
        relay.start()
        for _ in range(20):  # commits for ~1 s, each waking the relay
            ids += await _add_events(component, 1)
            await asyncio.sleep(0.05)
        await relay.stop()
        elapsed = asyncio.get_running_loop().time() - started
        head = (await _outbox_rows(component, ids[:1]))[ids[0]]
        # Rounds at 0, p, 3p, 7p, ... (p the poll interval): without the back-off every commit
        # would have made one (20 here).
        rounds, at, wait = 1, 0.0, relay.poll_seconds
        while at + wait <= elapsed:
            rounds, at, wait = rounds + 1, at + wait, wait * 2
        assert 1 <= head.attempts <= rounds < 20, (head.attempts, rounds)
    finally:
        relay.publish_timeout = timeout
        relay.start()

    async def drained() -> bool:
        rows = await _outbox_rows(component, ids)
        return all(row.published_at is not None for row in rows.values())

    await eventually(drained)


async def test_a_second_relay_waits_for_the_turn_so_batches_cannot_overtake(stack: Stack) -> None:
    """Two replicas' relays: while one holds the service's relay turn (claims, publishes, marks),
    the other publishes nothing — otherwise its later batch could reach the stream first."""
    component = stack.apps["monitoring"].state.component
    relay, outbox = component.relay, component.tables.outbox
    await relay.stop()
    try:
        async with component.db.transaction() as session:
            payload = HouseholdRegistered(
                household_id=uuid.uuid4(), town_code=KEJING, village_code=KEJING_VILLAGE, kind="monitored"
            )
            await component.outbox.add(session, HOUSEHOLD_REGISTERED, "h", payload)
        js = component.link.jetstream_if_ready()
        assert js is not None
        # Another replica's relay, mid-batch: it holds the turn in its open transaction.
        async with component.db.transaction() as other_replica:
            assert await advisory_xact_lock(other_replica, relay.turn_lock, wait=False)
            assert await relay.publish_batch(js) == 0
            assert relay.turn_taken
        # Its batch done (committed), the turn is free again.
        assert await relay.publish_batch(js) == 1
        assert not relay.turn_taken
        async with component.db.sessions() as session:
            waiting = await session.scalar(
                select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
            )
        assert waiting == 0
    finally:
        relay.start()


async def test_while_the_services_stream_is_missing_nothing_is_set_aside(
    stack: Stack, tmp_path: Path
) -> None:
    """After a JetStream data loss every publish answers "no responders" until the stream is
    declared again: that is the server's state, not the events' fault, so the batch is held
    back in order (on a NATS server of its own, with no stream yet), then published once it is."""
    component = stack.apps["monitoring"].state.component
    relay = component.relay
    server = EmbeddedNats(tmp_path / "nats", log_file=tmp_path / "nats.log")
    url = server.start()
    await relay.stop()
    ids: list[uuid.UUID] = []
    try:
        nc = await nats.connect(url)
        try:
            js = nc.jetstream()
            ids += await _add_events(component, 2)
            with structlog.testing.capture_logs() as logs:
                assert await relay.publish_batch(js) == 0
            assert relay.held_back
            rows = await _outbox_rows(component, ids)
            assert [rows[i].attempts for i in ids] == [1, 0]  # in line, not set aside
            assert any(e["event"] == "outbox_stream_missing" for e in logs)

            await js.add_stream(name=stream_name("monitoring"), subjects=stream_subjects("monitoring"))
            assert await relay.publish_batch(js) == 2
            assert await _stream_ids(js, 0) == [str(i) for i in ids]
        finally:
            await nc.close()
    finally:
        server.stop()
        relay.start()
