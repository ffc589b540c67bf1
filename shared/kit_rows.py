"""The kit's own rows of a request's transaction — audit rows, outbox events, the kept answer —
written together in one statement at the end of the work.

A create sent each of them as a statement of its own: the audit row, the outbox batch, then the
kept answer for the Idempotency-Key, three round trips after the row itself. Each round trip cost
the service a socket write, a wake-up and the asyncpg call around it (in a profile at load 5 the
writes to PostgreSQL's socket held 38 % of the samples, bench/README.md "The create"). None of
them is read back in the request, so the request's unit of work keeps them
(:func:`defer_kit_rows`) and sends them at once (:func:`write_kit_rows`): when the answer is kept
(``RequestContext.respond``) or, failing that, just before the commit. The rows are the same, in
the same order (outbox positions and audit ids follow the order of the calls), in the same
transaction; a refusal (a too long ``entity_id``...) is the same error, raised before the commit.

Anything that writes the outbox by other means (``Outbox.add_from_query``, a ``COPY`` of a big
batch) sends what is kept first, so the events keep their order. A savepoint writes what is kept
before it begins, and the rows after it are written at once (a savepoint rolled back takes exactly
its own rows); a transaction rolled back drops what was kept; a commit with rows still kept fails.
Work without a request (consumers, scheduled tasks, tests using a bare session) writes each row
at once, as before.
"""

from __future__ import annotations

import json
import uuid
from functools import cache
from typing import Any

from sqlalchemy import Table, event, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction

from shared.statements import Link, Statement, link, linked
from shared.tables import KitTables

_KEY = "xianjie.kit_rows"


class KitRows:
    """The audit rows and outbox events of one transaction not yet written."""

    __slots__ = ("audit", "events", "stopped", "tables")

    def __init__(self, tables: KitTables) -> None:
        self.tables = tables
        # (actor, actor_role, action, entity, entity_id, changes as the column's JSON text, request_id)
        self.audit: list[tuple[Any, ...]] = []
        # (event_id, nats_subject, envelope JSON text)
        self.events: list[tuple[uuid.UUID, str, str]] = []
        # Set at the first savepoint: from then on each row is written at once, so that a savepoint
        # rolled back takes its own rows with it.
        self.stopped = False

    def __bool__(self) -> bool:
        return bool(self.audit or self.events)


@event.listens_for(Session, "before_commit")
def _refuse_unwritten(session: Session) -> None:
    """A commit with kit rows still waiting would lose them without a word: it fails instead (and
    the transaction rolls back). The request's unit of work writes them before it commits."""
    if session.info.get(_KEY):
        raise RuntimeError("the unit of work's audit rows and events were not written (write_kit_rows)")


@event.listens_for(Session, "after_transaction_create")
def _before_a_savepoint(session: Session, transaction: SessionTransaction) -> None:
    """A savepoint begins (``begin_nested()``): what waits is written now, in the enclosing
    transaction — the session sends the SAVEPOINT only with the savepoint's first statement, after
    this — and the rows that follow are written at once, so that rolling the savepoint back takes
    its rows with it, as before rows waited."""
    rows: KitRows | None = session.info.get(_KEY)
    if not transaction.nested or rows is None or rows.stopped:
        return
    rows.stopped = True
    if not rows:
        return
    on = linked(session)
    if on is None:  # kept rows always have their link (deferred() asks for it)
        raise RuntimeError("kit rows kept without their transaction's connection")
    # Run in begin_nested()'s greenlet, as the adapter runs its own driver calls.
    on[0].run_async(lambda _driver: _write(on, rows, None))


@event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session: Session, previous_transaction: SessionTransaction) -> None:
    """The transaction rolled back (not a savepoint): what waited belonged to it."""
    rows: KitRows | None = session.info.get(_KEY)
    if rows is not None and not previous_transaction.nested:
        rows.audit, rows.events = [], []


def defer_kit_rows(session: AsyncSession, tables: KitTables) -> None:
    """From now on this session's audit rows and events wait for :func:`write_kit_rows`."""
    session.info[_KEY] = KitRows(tables)


def kept_rows(session: AsyncSession) -> KitRows | None:
    """The rows waiting in ``session`` (None: this session writes each row at once)."""
    rows: KitRows | None = session.info.get(_KEY)
    return rows


async def deferred(session: AsyncSession) -> KitRows | None:
    """Where a kit row of ``session`` waits, or None if it is written at once."""
    rows: KitRows | None = session.info.get(_KEY)
    if rows is None or rows.stopped:
        return None
    await link(session)  # known now, for a savepoint that would need to write them
    return rows


async def write_kit_rows(
    session: AsyncSession, *, keep: tuple[str, str, int, str, str] | None = None
) -> None:
    """Write what waits — and ``keep`` (principal, key, status code, answer JSON, headers JSON),
    the answer kept for an Idempotency-Key — in one statement."""
    rows = kept_rows(session)
    if rows is None:
        raise RuntimeError("this session does not keep the kit's rows")
    if rows or keep is not None:
        await _write(await link(session), rows, keep)


async def _write(on: Link, rows: KitRows, keep: tuple[str, str, int, str, str] | None) -> None:
    audit, events = rows.audit, rows.events
    rows.audit, rows.events = [], []
    principal, key, status_code, body, headers = keep or (None, None, None, None, None)
    statement = _statement(rows.tables.audit_log, rows.tables.outbox, rows.tables.idempotency_keys)
    await statement.run_on(
        on,
        {
            "actors": [a[0] for a in audit],
            "roles": [a[1] for a in audit],
            "actions": [a[2] for a in audit],
            "entities": [a[3] for a in audit],
            "entity_ids": [a[4] for a in audit],
            "changes": [a[5] for a in audit],
            "request_ids": [a[6] for a in audit],
            "event_ids": [e[0] for e in events],
            "subjects": [e[1] for e in events],
            "envelopes": [e[2] for e in events],
            "principal": principal,
            "key": key,
            "status_code": status_code,
            "response_body": body,
            "response_headers": headers,
        },
    )


def _name(table: Table) -> str:
    return f'"{table.schema}"."{table.name}"' if table.schema else f'"{table.name}"'


@cache
def _statement(audit_log: Table, outbox: Table, keys: Table) -> Statement:
    """Audit rows, outbox events (each in the order given) and the kept answer, in one statement.

    Empty arrays insert nothing; a NULL key keeps nothing. The answer and the headers travel as
    JSON text, cast by PostgreSQL (the answer as sent, not parsed and serialised again).
    """
    return Statement(
        text(
            f"""
            WITH audit AS (
                INSERT INTO {_name(audit_log)}
                    (actor, actor_role, action, entity, entity_id, changes, request_id)
                SELECT a, r, c, e, i, CAST(j AS jsonb), q
                FROM unnest(CAST(:actors AS text[]), CAST(:roles AS text[]), CAST(:actions AS text[]),
                            CAST(:entities AS text[]), CAST(:entity_ids AS text[]),
                            CAST(:changes AS text[]), CAST(:request_ids AS text[]))
                     WITH ORDINALITY AS t(a, r, c, e, i, j, q, n)
                ORDER BY n
            ), events AS (
                INSERT INTO {_name(outbox)} (event_id, nats_subject, envelope)
                SELECT i, s, CAST(e AS jsonb)
                FROM unnest(CAST(:event_ids AS uuid[]), CAST(:subjects AS text[]),
                            CAST(:envelopes AS text[]))
                     WITH ORDINALITY AS t(i, s, e, n)
                ORDER BY n
            )
            UPDATE {_name(keys)}
            SET status_code = CAST(:status_code AS smallint),
                response_body = CAST(CAST(:response_body AS text) AS jsonb),
                response_headers = CAST(CAST(:response_headers AS text) AS jsonb)
            WHERE principal = CAST(:principal AS text) AND key = CAST(:key AS text)
            """  # noqa: S608 - our own tables' names; values are bound
        )
    )


def headers_json(headers: dict[str, str]) -> str:
    """The kept answer's headers as the JSONB column's bind processor wrote them."""
    return json.dumps(headers)
