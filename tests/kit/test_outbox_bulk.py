"""The outbox's batch writer stores the envelopes the single-event model describes, in order,
whether a batch goes as one INSERT or by COPY."""

from __future__ import annotations

import uuid

from services.monitoring.households.events import (
    HOUSEHOLD_CHANGED,
    HOUSEHOLD_REGISTERED,
    MEMBER_CHANGED,
    HouseholdChanged,
    HouseholdRegistered,
    MemberChanged,
)
from shared.events.envelope import CloudEvent, EventPayload, EventSpec
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, last_outbox_position, outbox_rows_after, without_id_and_time


def events(count: int) -> list[tuple[EventSpec, str, EventPayload]]:
    made: list[tuple[EventSpec, str, EventPayload]] = []
    for n in range(count):
        household = uuid.uuid4()
        made.append(
            [
                (
                    HOUSEHOLD_REGISTERED,
                    str(household),
                    HouseholdRegistered(
                        household_id=household,
                        town_code=KEJING,
                        village_code=KEJING_VILLAGE,
                        kind="lifted_out",
                    ),
                ),
                (
                    HOUSEHOLD_CHANGED,
                    f"户-{n}\"'\\",  # a subject that needs escaping in JSON
                    HouseholdChanged(
                        household_id=household,
                        town_code=KEJING,
                        village_code=KEJING_VILLAGE,
                        lifted_out=True,
                        status="not_monitored",
                        subtype=None,
                        version=n + 1,
                    ),
                ),
                (
                    MEMBER_CHANGED,
                    str(household),
                    MemberChanged(
                        member_id=uuid.uuid4(),
                        household_id=household,
                        labour="ordinary",
                        active=True,
                        version=1,
                    ),
                ),
            ][n % 3]
        )
    return made


async def test_batches_store_the_envelopes_of_the_single_event_model_in_order(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    outbox = component.tables.outbox
    for count in (3, 200):  # one INSERT of arrays, then COPY
        batch = events(count)
        async with component.db.transaction() as session:
            last = await last_outbox_position(session, outbox)
            assert await component.outbox.add_events(session, batch) == count
            rows = await outbox_rows_after(session, outbox, last)
        assert len(rows) == count
        for (spec, subject, payload), row in zip(batch, rows, strict=True):
            expected = spec.envelope(subject, payload).model_dump(mode="json", exclude_none=True)
            assert without_id_and_time(row.envelope) == without_id_and_time(expected)
            assert row.nats_subject == spec.nats_subject
            event = CloudEvent.model_validate(row.envelope)
            assert event.id == row.event_id and event.time.tzinfo is not None
        assert len({row.event_id for row in rows}) == count


async def test_a_payload_of_another_kind_is_refused(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    wrong = HouseholdRegistered(
        household_id=uuid.uuid4(), town_code=KEJING, village_code=KEJING_VILLAGE, kind="lifted_out"
    )
    async with component.db.sessions() as session:
        try:
            await component.outbox.add_events(session, [(MEMBER_CHANGED, "x", wrong)])
        except TypeError as exc:
            assert "MemberChanged" in str(exc)
        else:
            raise AssertionError("a HouseholdRegistered passed as member.changed")
