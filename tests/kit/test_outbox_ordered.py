"""Bulk announcements (``add_from_query_ordered``): the envelopes :meth:`EventSpec.envelope` gives,
with time-ordered event ids that Python and SQL compute alike."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from services.monitoring.households.events import (
    HOUSEHOLD_CHANGED,
    MEMBER_CHANGED,
    HouseholdChanged,
    MemberChanged,
)
from shared.events import outbox as outbox_module
from shared.events.envelope import CloudEvent
from shared.events.outbox import add_from_query_ordered, ordered_uuid_params, ordered_uuid_sql, ordered_uuids
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, last_outbox_position, outbox_rows_after, without_id_and_time


def test_ordered_ids_are_distinct_ascending_uuid7() -> None:
    ids = ordered_uuids(40_000)  # more than one counter-high step (2**14 ids each)
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    parsed = [uuid.UUID(i) for i in ids]
    assert all(
        u.version == 7 and u.variant == uuid.RFC_4122 and str(u) == i
        for u, i in zip(parsed, ids, strict=True)
    )
    assert ordered_uuids(0) == [] and len(ordered_uuids(1)) == 1
    assert ordered_uuids(3)[0] != ordered_uuids(3)[0]  # another batch, other random bits


async def test_sql_ids_are_the_python_ids_of_the_same_batch(stack: Stack, monkeypatch) -> None:
    params = ordered_uuid_params()
    monkeypatch.setattr(outbox_module, "time_ns", lambda: params["id_ms"] * 1_000_000)
    monkeypatch.setattr(outbox_module, "urandom", lambda n: params["id_random"].to_bytes(n, "big"))
    component = stack.apps["monitoring"].state.component
    async with component.db.sessions() as session:
        rows = await session.execute(
            text(f"SELECT {ordered_uuid_sql('g')} FROM generate_series(0, 20000) AS g ORDER BY g"), params
        )
        from_sql = [str(row[0]) for row in rows]
    assert from_sql == ordered_uuids(20_001)


async def test_bulk_envelopes_are_the_single_event_model(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    outbox = component.tables.outbox
    household, member = uuid.uuid4(), uuid.uuid4()
    changed = HouseholdChanged(
        household_id=household,
        town_code=KEJING,
        village_code=KEJING_VILLAGE,
        lifted_out=True,
        status="not_monitored",
        subtype=None,
        version=3,
    )
    head = MemberChanged(
        member_id=member, household_id=household, labour="weak", active=True, version=1, match_hash="ab" * 32
    )
    async with component.db.transaction() as session:
        last = await last_outbox_position(session, outbox)
        households = """SELECT CAST(:h AS uuid) AS subject, CAST(:h AS uuid) AS household_id,
            CAST(:town AS text) AS town_code, CAST(:village AS text) AS village_code, true AS lifted_out,
            'not_monitored' AS status, CAST(NULL AS text) AS subtype, 3 AS version,
            CAST(NULL AS date) AS cancelled_on FROM generate_series(1, 2)"""
        heads = """SELECT CAST(:m AS uuid) AS subject, CAST(:m AS uuid) AS member_id,
            CAST(:h AS uuid) AS household_id, 'weak' AS labour, true AS active, 1 AS version,
            CAST(NULL AS date) AS left_on, repeat('ab', 32) AS match_hash"""
        values = {"h": household, "m": member, "town": KEJING, "village": KEJING_VILLAGE}
        assert (
            await add_from_query_ordered(component.outbox, session, HOUSEHOLD_CHANGED, households, **values)
            == 2
        )
        assert await add_from_query_ordered(component.outbox, session, MEMBER_CHANGED, heads, **values) == 1
        rows = await outbox_rows_after(session, outbox, last)
    expected = [
        (HOUSEHOLD_CHANGED, HOUSEHOLD_CHANGED.envelope(str(household), changed)),
        (HOUSEHOLD_CHANGED, HOUSEHOLD_CHANGED.envelope(str(household), changed)),
        (MEMBER_CHANGED, MEMBER_CHANGED.envelope(str(member), head)),
    ]
    assert len(rows) == 3
    for (spec, envelope), row in zip(expected, rows, strict=True):
        python = envelope.model_dump(mode="json")
        stored = dict(row.envelope)
        assert without_id_and_time(stored) == without_id_and_time(python)
        assert row.nats_subject == spec.nats_subject
        event = CloudEvent.model_validate(stored)
        assert event.id == row.event_id and event.id.version == 7 and event.time.tzinfo is not None
    # One statement's ids ascend in its rows' order.
    assert rows[0].event_id < rows[1].event_id
