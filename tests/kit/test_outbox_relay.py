"""The relay keeps commit order: a failed publish holds back the events after it."""

from __future__ import annotations

import uuid

from sqlalchemy import func, insert, select, update

from services.monitoring.households.events import HOUSEHOLD_REGISTERED, HouseholdRegistered
from shared.db import advisory_xact_lock
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE


async def test_a_failed_publish_holds_back_later_events(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    relay, outbox = component.relay, component.tables.outbox
    await relay.stop()  # this test drives the relay by hand
    try:
        async with component.db.transaction() as session:
            for _ in range(2):
                payload = HouseholdRegistered(
                    household_id=uuid.uuid4(), town_code=KEJING, village_code=KEJING_VILLAGE, kind="monitored"
                )
                await component.outbox.add(session, HOUSEHOLD_REGISTERED, "h", payload)
            # A row no stream captures sits between them: JetStream cannot accept it.
            await session.execute(
                insert(outbox).values(
                    event_id=uuid.uuid4(), nats_subject="nowhere.at.all", envelope={"id": "x"}
                )
            )
            await component.outbox.add(session, HOUSEHOLD_REGISTERED, "h", payload)

        js = component.link.jetstream_if_ready()
        assert js is not None
        assert await relay.publish_batch(js) == 2
        async with component.db.sessions() as session:
            rows = (
                await session.execute(
                    select(outbox.c.nats_subject, outbox.c.published_at, outbox.c.attempts).order_by(
                        outbox.c.position
                    )
                )
            ).all()
        assert [(r.published_at is not None, r.attempts) for r in rows] == [
            (True, 0),
            (True, 0),
            (False, 1),  # failed, recorded, tried again later
            (False, 0),  # published only after the one before it
        ]
        assert rows[2].nats_subject == "nowhere.at.all"

        # Once it has failed max_attempts times it is set aside, and the events after it move on.
        async with component.db.transaction() as session:
            await session.execute(
                update(outbox)
                .where(outbox.c.nats_subject == "nowhere.at.all")
                .values(attempts=relay.max_attempts)
            )
        assert await relay.publish_batch(js) == 1
        async with component.db.sessions() as session:
            waiting = (
                (await session.execute(select(outbox.c.nats_subject).where(outbox.c.published_at.is_(None))))
                .scalars()
                .all()
            )
        assert waiting == ["nowhere.at.all"]
    finally:
        relay.start()


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
