"""A request's kit rows (shared/kit_rows.py, ADR 0010): audit rows, outbox events and the kept
answer wait and go in one statement at the end — the same rows, in the same order, in the same
transaction; a create costs five round trips; a Statement follows its session from one
transaction to the next."""

from __future__ import annotations

import asyncio
import gc
import uuid
import weakref
from typing import Any

import httpx
import pytest
from sqlalchemy import bindparam, event, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from services.monitoring.households.events import HOUSEHOLD_REGISTERED, HouseholdRegistered
from shared.kit_rows import defer_kit_rows, kept_rows, write_kit_rows
from shared.statements import Statement
from shared.work import record_audit
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth, last_outbox_position, new_id, outbox_rows_after

AUDIT = {"actor": "u-1", "actor_role": "district_admin", "action": "update", "entity": "household"}


def registered(n: int) -> HouseholdRegistered:
    return HouseholdRegistered(
        household_id=uuid.UUID(int=n), town_code=KEJING, village_code=KEJING_VILLAGE, kind="lifted_out"
    )


def _claim(component: Any) -> Statement:
    """A kit statement to watch: an Idempotency-Key claim with the principal and key as parameters."""
    table = component.tables.idempotency_keys
    return Statement(
        insert(table).values(principal=bindparam("principal"), key=bindparam("key"), request_hash="h")
    )


async def test_kept_audit_rows_are_the_rows_written_at_once(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    table = component.tables.audit_log
    changes: list[dict[str, Any] | None] = [None, {}, {"kind": "x", "n": 2, "on": None}, {"a": {"b": [1]}}]
    request_id = uuid.uuid4().hex
    async with component.db.transaction() as session:
        for n, change in enumerate(changes):
            await record_audit(
                session, component.tables, **AUDIT, entity_id=n, changes=change, request_id=request_id
            )
    async with component.db.transaction() as session:
        defer_kit_rows(session, component.tables)
        for n, change in enumerate(changes):
            await record_audit(
                session, component.tables, **AUDIT, entity_id=n, changes=change, request_id=request_id
            )
        rows = kept_rows(session)
        assert rows is not None and len(rows.audit) == len(changes)
        # Nothing is sent until the unit of work writes them.
        assert await session.scalar(select(func.count()).where(table.c.request_id == request_id)) == len(
            changes
        )
        await write_kit_rows(session)
        assert not rows
    async with component.db.sessions() as session:
        written = (
            await session.execute(
                select(table.c.entity_id, table.c.changes, func.jsonb_typeof(table.c.changes), table.c.actor)
                .where(table.c.request_id == request_id)
                .order_by(table.c.id)
            )
        ).all()
    at_once, kept = written[: len(changes)], written[len(changes) :]
    assert kept == at_once
    assert [row.entity_id for row in kept] == [str(n) for n in range(len(changes))]  # in call order


async def test_kept_events_keep_their_order_around_other_outbox_writes(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    outbox = component.outbox
    async with component.db.sessions() as session:
        before = await last_outbox_position(session, outbox.table)
    async with component.db.transaction() as session:
        defer_kit_rows(session, component.tables)
        await outbox.add(session, HOUSEHOLD_REGISTERED, "a", registered(1))
        # A statement writing the outbox itself: what waits goes first.
        await outbox.add_from_query(
            session,
            HOUSEHOLD_REGISTERED,
            "SELECT 'b' AS subject, CAST(:hid AS uuid) AS household_id, CAST(:town AS text) AS town_code,"
            " CAST(:village AS text) AS village_code, 'lifted_out' AS kind",
            hid=str(uuid.UUID(int=2)),
            town=KEJING,
            village=KEJING_VILLAGE,
        )
        await outbox.add(session, HOUSEHOLD_REGISTERED, "c", registered(3))
        # A batch big enough for COPY: what waits goes first, then the batch.
        await outbox.add_many(
            session, HOUSEHOLD_REGISTERED, [(f"d{n}", registered(100 + n)) for n in range(70)]
        )
        await outbox.add(session, HOUSEHOLD_REGISTERED, "e", registered(4))
        await write_kit_rows(session)  # as the request's unit of work does before the commit
    async with component.db.sessions() as session:
        rows = await outbox_rows_after(session, outbox.table, before)
    assert [row.envelope["subject"] for row in rows] == ["a", "b", "c", *(f"d{n}" for n in range(70)), "e"]


async def test_a_failed_unit_of_work_sends_none_of_its_kit_rows(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    request_id = uuid.uuid4().hex
    with pytest.raises(RuntimeError):
        async with component.db.transaction() as session:
            defer_kit_rows(session, component.tables)
            await record_audit(
                session, component.tables, **AUDIT, entity_id=1, changes={}, request_id=request_id
            )
            await component.outbox.add(session, HOUSEHOLD_REGISTERED, request_id, registered(1))
            raise RuntimeError("the request failed")
    async with component.db.sessions() as session:
        table = component.tables.audit_log
        assert await session.scalar(select(func.count()).where(table.c.request_id == request_id)) == 0
        outbox = component.tables.outbox
        assert (
            await session.scalar(
                select(func.count()).where(outbox.c.envelope["subject"].astext == request_id)
            )
            == 0
        )


async def test_rows_kept_in_a_transaction_rolled_back_go_with_it(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    table = component.tables.audit_log
    request_id = uuid.uuid4().hex
    async with component.db.transaction() as session:
        defer_kit_rows(session, component.tables)
        for entity_id in ("dropped", "kept"):
            await record_audit(
                session, component.tables, **AUDIT, entity_id=entity_id, changes=None, request_id=request_id
            )
            if entity_id == "dropped":
                await session.rollback()
        await write_kit_rows(session)
    async with component.db.sessions() as session:
        audited = (
            await session.scalars(select(table.c.entity_id).where(table.c.request_id == request_id))
        ).all()
    assert audited == ["kept"]


async def test_a_commit_with_kit_rows_unwritten_fails_and_keeps_nothing(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    request_id = uuid.uuid4().hex
    with pytest.raises(RuntimeError, match="write_kit_rows"):
        async with component.db.transaction() as session:
            defer_kit_rows(session, component.tables)
            await record_audit(
                session, component.tables, **AUDIT, entity_id=1, changes={}, request_id=request_id
            )
    async with component.db.sessions() as session:
        table = component.tables.audit_log
        assert await session.scalar(select(func.count()).where(table.c.request_id == request_id)) == 0


async def test_a_kept_row_refused_is_the_error_a_row_written_at_once_gets(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    too_long = "x" * 101  # entity_id is varchar(100)
    with pytest.raises(DBAPIError) as at_once:
        async with component.db.transaction() as session:
            await record_audit(session, component.tables, **AUDIT, entity_id=too_long, changes=None)
    with pytest.raises(DBAPIError) as kept:
        async with component.db.transaction() as session:
            defer_kit_rows(session, component.tables)
            await record_audit(session, component.tables, **AUDIT, entity_id=too_long, changes=None)
            await write_kit_rows(session)
    assert type(kept.value) is type(at_once.value)
    assert kept.value.orig.sqlstate == at_once.value.orig.sqlstate == "22001"  # type: ignore[union-attr]


async def test_a_statement_follows_its_session_into_the_next_transaction(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    table = component.tables.idempotency_keys
    claim = _claim(component)
    first, second, third = (uuid.uuid4().hex for _ in range(3))
    async with component.db.sessions() as session:
        await claim.execute(session, principal="link", key=first)
        await session.commit()
        await claim.execute(session, principal="link", key=second)
        await session.rollback()
        await claim.execute(session, principal="link", key=third)
        await session.commit()
    async with component.db.sessions() as session:
        keys = set((await session.scalars(select(table.c.key).where(table.c.principal == "link"))).all())
    assert {first, third} <= keys and second not in keys


async def test_a_create_with_an_idempotency_key_costs_five_round_trips(
    stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    """BEGIN, the claim, the household, the kit rows (audit, two events, kept answer), COMMIT —
    the lean app (bench/peer_write.py) sends seven."""
    component = stack.apps["monitoring"].state.component
    sent: dict[int, list[Any]] = {}
    watched: list[Any] = []

    def watch(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        driver = dbapi_connection.driver_connection
        if id(driver) not in sent:
            sent[id(driver)] = log = []
            watched.append((driver, log.append))
            driver.add_query_logger(log.append)

    async def create(key: str) -> httpx.Response:
        return await api.post(
            "/api/monitoring/v1/households",
            json={
                "town_code": KEJING,
                "village_code": KEJING_VILLAGE,
                "head_name": "王建国",
                "kind": "lifted_out",
                "member_count": 2,
            },
            headers=auth(tokens["admin"], **{"Idempotency-Key": key}),
        )

    # A connection's first run of a statement also reads the types it uses (asyncpg's
    # introspection): every pooled connection has seen the create once before the one counted.
    for _ in range(4):
        assert (await asyncio.gather(*(create(new_id()) for _ in range(8))))[0].status_code == 201
    key = new_id()
    event.listen(component.db.engine.sync_engine, "checkout", watch)
    try:
        answer = await create(key)
    finally:
        event.remove(component.db.engine.sync_engine, "checkout", watch)
        for driver, logger in watched:
            driver.remove_query_logger(logger)
    assert answer.status_code == 201, answer.text
    # The request's connection is the one whose claim carried the key.
    (log,) = [log for log in sent.values() if any(key in (q.args or ()) for q in log)]
    # The first word of each ("BEGIN;" or "BEGIN ISOLATION LEVEL …": asyncpg words it either way).
    queries = [q.query.strip().split()[0].upper().rstrip(";") for q in log]
    claim = next(n for n, q in enumerate(log) if key in (q.args or ()))
    begin = max(n for n in range(claim) if queries[n] == "BEGIN")
    commit = next(n for n in range(claim, len(log)) if queries[n].startswith("COMMIT"))
    assert queries[begin : commit + 1] == ["BEGIN", "INSERT", "INSERT", "WITH", "COMMIT"], queries
    async with component.db.sessions() as session:
        kept = await session.scalar(
            text(f"SELECT status_code FROM {component.tables.idempotency_keys.fullname} WHERE key = :key"),
            {"key": key},
        )
    assert kept == 201


async def test_a_savepoint_rolled_back_takes_its_own_rows_only(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    outbox = component.outbox
    request_id = uuid.uuid4().hex
    async with component.db.sessions() as session:
        before = await last_outbox_position(session, outbox.table)
    async with component.db.transaction() as session:
        defer_kit_rows(session, component.tables)

        async def both(subject: str) -> None:
            await record_audit(
                session, component.tables, **AUDIT, entity_id=subject, changes=None, request_id=request_id
            )
            await outbox.add(session, HOUSEHOLD_REGISTERED, subject, registered(1))

        await both("a")  # waits; written when the savepoint begins, before it
        async with session.begin_nested() as savepoint:
            await both("b")
            await savepoint.rollback()
        async with session.begin_nested():
            await both("c")
        await both("d")
        await write_kit_rows(session)
    async with component.db.sessions() as session:
        rows = await outbox_rows_after(session, outbox.table, before)
        table = component.tables.audit_log
        audited = (
            await session.scalars(
                select(table.c.entity_id).where(table.c.request_id == request_id).order_by(table.c.id)
            )
        ).all()
    assert [row.envelope["subject"] for row in rows] == ["a", "c", "d"]
    assert audited == ["a", "c", "d"]


async def test_a_statement_in_a_savepoint_is_undone_with_it(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    table = component.tables.idempotency_keys
    claim = _claim(component)
    first, inside, after = (uuid.uuid4().hex for _ in range(3))
    async with component.db.transaction() as session:
        await claim.execute(session, principal="savepoint", key=first)
        async with session.begin_nested() as savepoint:
            # The savepoint's first statement: the session sends SAVEPOINT before it.
            await claim.execute(session, principal="savepoint", key=inside)
            await savepoint.rollback()
        await claim.execute(session, principal="savepoint", key=after)
    async with component.db.sessions() as session:
        keys = set((await session.scalars(select(table.c.key).where(table.c.principal == "savepoint"))).all())
    assert {first, after} <= keys and inside not in keys


async def test_a_unit_of_work_leaves_no_reference_cycle_behind(stack: Stack) -> None:
    """The link and the kit rows kept in ``session.info`` do not tie the session to its
    transaction: the session goes when the work ends, not at the next run of the cyclic GC (which,
    with one cycle a request, ran in a fifth of the create's samples)."""
    component = stack.apps["monitoring"].state.component
    claim = _claim(component)
    gc.collect()
    gc.disable()
    try:
        async with component.db.transaction() as session:
            defer_kit_rows(session, component.tables)
            await claim.execute(session, principal="cycle", key=uuid.uuid4().hex)
            await record_audit(session, component.tables, **AUDIT, entity_id=1, changes={"n": 1})
            async with session.begin_nested():
                await claim.execute(session, principal="cycle", key=uuid.uuid4().hex)
            await write_kit_rows(session)
            gone = weakref.ref(session.sync_session)
        del session
        assert gone() is None
    finally:
        gc.enable()
