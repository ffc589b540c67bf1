"""Transactional outbox and its relay to JetStream.

``Outbox.add`` writes the event in the caller's transaction. The relay, one per process, takes
the service's relay turn (a transaction-scoped advisory lock: one replica publishes at a time, so
events leave in position order across replicas), claims unpublished rows, publishes them with
``Nats-Msg-Id`` = event id (JetStream drops a re-publish inside its duplicate window; consumers
dedupe by id beyond it) and marks them published. NATS being down only delays publication.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from os import urandom
from time import time_ns
from typing import Any, NamedTuple, get_args

import nats.errors
import nats.js.errors
import structlog
from nats.js import JetStreamContext
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Table,
    Text,
    any_,
    bindparam,
    cast,
    delete,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db import Database, advisory_xact_lock
from shared.events.envelope import EventPayload, EventSpec, dataschema_url, stream_name
from shared.events.nats import NatsLink
from shared.kit_rows import deferred, kept_rows, write_kit_rows
from shared.metrics import Metrics
from shared.statements import Statement
from shared.tables import KitTables
from shared.tracing import TRACE_FIELDS, nats_headers, trace_context

log = structlog.get_logger("xianjie.outbox")

# How soon a relay that found another replica publishing looks again.
TURN_RETRY_SECONDS = 0.05
# After a round held back by a failure the relay waits the poll interval, doubled each failing
# round up to this: a JetStream that times out is not asked again on every commit.
MAX_BACKOFF_SECONDS = 30.0


class Outbox:
    def __init__(self, tables: KitTables) -> None:
        self.table = tables.outbox
        # Compiled once, sent on the transaction's own connection (shared.statements): through the
        # session the statement cost more Python than building the envelopes.
        self._insert = Statement(
            text(
                f"""
                INSERT INTO "{self.table.schema}"."{self.table.name}" (event_id, nats_subject, envelope)
                SELECT i, s, CAST(e AS jsonb)
                FROM unnest(CAST(:ids AS uuid[]), CAST(:subjects AS text[]), CAST(:envelopes AS text[]))
                     WITH ORDINALITY AS t(i, s, e, n)
                ORDER BY n
                """  # noqa: S608 - our own table's name; values are bound
            )
        )

    async def add(self, session: AsyncSession, spec: EventSpec, subject: str, payload: EventPayload) -> None:
        await self.add_events(session, [(spec, subject, payload)])

    async def add_many(
        self, session: AsyncSession, spec: EventSpec, events: Sequence[tuple[str, EventPayload]]
    ) -> None:
        """Several events of one kind in one statement (a bulk change announcing each row)."""
        await self.add_events(session, [(spec, subject, payload) for subject, payload in events])

    async def add_events(
        self, session: AsyncSession, events: Sequence[tuple[EventSpec, str, EventPayload]]
    ) -> int:
        """Events of any kinds, in the caller's transaction and in the given order; returns how many.

        Each envelope is the JSON :meth:`EventSpec.envelope` describes, written as text by
        :func:`envelope_json` (the payload serialised once by pydantic's own serialiser) instead of
        a ``CloudEvent`` model built, dumped to a dict and serialised again: that, and one
        ``execute`` per event, were ~0.5 ms of Python an event. Fewer than ``_COPY_FROM`` events go in
        one INSERT of three arrays; more in one ``COPY`` (``tests/kit/test_outbox_bulk.py`` pins both to the
        single path's envelopes).
        """
        if not events:
            return 0
        time = _event_time()
        rows = []
        for spec, subject, payload in events:
            event_id = uuid.uuid4()
            rows.append((event_id, spec.nats_subject, envelope_json(spec, subject, payload, event_id, time)))
        kept = await deferred(session)
        if kept is not None and len(kept.events) + len(rows) < _COPY_FROM:
            # Sent with the request's other kit rows, in this order (shared.kit_rows).
            kept.events.extend(rows)
            return len(rows)
        await write_kept_events_first(session)
        if len(rows) < _COPY_FROM:
            ids, subjects, envelopes = zip(*rows, strict=True)
            await self._insert.execute(
                session, ids=list(ids), subjects=list(subjects), envelopes=list(envelopes)
            )
        else:
            raw = await (await session.connection()).get_raw_connection()
            await raw.driver_connection.copy_records_to_table(  # type: ignore[union-attr]
                self.table.name,
                schema_name=self.table.schema,
                columns=("event_id", "nats_subject", "envelope"),
                records=rows,
            )
        return len(rows)

    async def add_from_query(
        self, session: AsyncSession, spec: EventSpec, rows_sql: str, *, with_sql: str = "", **params: Any
    ) -> int:
        """Publish ``spec`` once per row of ``rows_sql``: a ``subject`` column and one column named
        after each field of ``spec.payload``.

        Set-based work (screening thousands of rows) announces each row without a Python loop. The
        payload's JSON is built from the pydantic model's own fields, so the event has one source:
        a field the query lacks is an error, a column the model lacks is not published. ``with_sql``
        (``WITH ... AS (INSERT ... RETURNING ...)``) lets the same statement write the rows it
        announces. Callers pass only their own constant SQL; values travel as bound ``params``.
        """
        outbox = f'"{self.table.schema}"."{self.table.name}"'
        await write_kept_events_first(session)
        result = await session.execute(
            text(
                f"""
                {with_sql}
                INSERT INTO {outbox} (event_id, nats_subject, envelope)
                SELECT ev.id, :nats_subject, jsonb_build_object(
                    'specversion', '1.0', 'id', ev.id, 'source', CAST(:source AS text),
                    'type', CAST(:type AS text), 'subject', ev.subject,
                    'time', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                    'datacontenttype', 'application/json', 'dataschema', CAST(:dataschema AS text),
                    'data', ev.data)
                FROM (SELECT gen_random_uuid() AS id, CAST(r.subject AS text) AS subject,
                             {payload_json(spec.payload, "r")} AS data
                      FROM ({rows_sql}) AS r) AS ev
                """  # noqa: S608 - constant SQL of our own and field names of our models; values are bound
            ),
            {
                "nats_subject": spec.nats_subject,
                "source": spec.source,
                "type": spec.type,
                "dataschema": dataschema_url(spec.type),
                **params,
            },
        )
        return int(getattr(result, "rowcount", 0) or 0)


async def write_kept_events_first(session: AsyncSession) -> None:
    """Before a statement that writes the outbox itself: the events the request's unit of work
    keeps (``shared.kit_rows``) go first, so positions follow the order they were announced in."""
    if kept_rows(session):
        await write_kit_rows(session)


# From this many events a batch goes by COPY (one round trip, no statement to parse or plan).
_COPY_FROM = 64


def _event_time() -> str:
    """Now as pydantic writes a UTC ``datetime`` in JSON (``...T12:00:00.123456Z``)."""
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def envelope_json(
    spec: EventSpec, subject: str | None, payload: EventPayload, event_id: uuid.UUID, time: str
) -> str:
    """The CloudEvent of ``spec.envelope(subject, payload)`` as JSON text, with the given id and time."""
    if not isinstance(payload, spec.payload):
        raise TypeError(f"{spec.type} carries {spec.payload.__name__}, not {type(payload).__name__}")
    before_id, before_subject, before_data = _envelope_frame(spec, time)
    if subject is None:
        before_subject = before_subject.removesuffix(',"subject":')
    return "".join(
        (
            before_id,
            str(event_id),
            before_subject,
            json.dumps(subject, ensure_ascii=False) if subject is not None else "",
            before_data,
            payload.model_dump_json(),
            "}",
        )
    )


def _envelope_frame(spec: EventSpec, time: str) -> tuple[str, str, str]:
    """The JSON text of :func:`envelope_json` around its variable parts: before the id, between the
    id and the subject's JSON, between that and the payload's (which the closing ``}`` follows)."""
    return (
        '{"specversion":"1.0","id":"',
        "".join(
            (
                '","source":',
                json.dumps(spec.source, ensure_ascii=False),
                ',"type":',
                json.dumps(spec.type, ensure_ascii=False),
                ',"subject":',
            )
        ),
        "".join(
            (
                ',"time":"',
                time,
                '","datacontenttype":"application/json","dataschema":',
                json.dumps(dataschema_url(spec.type), ensure_ascii=False),
                # The writing request's trace (CloudEvents distributed-tracing extension); none when off.
                "".join(f',"{key}":{json.dumps(value)}' for key, value in trace_context().items()),
                ',"data":',
            )
        ),
    )


def payload_json(payload: type[EventPayload], row: str, builder: str = "jsonb_build_object") -> str:
    """SQL for ``jsonb_build_object`` (or ``json_build_object``: the same JSON as text, fields in the
    model's order) over the payload model's fields, read from ``row``'s columns.

    Decimals go out as text ("8600.00"), the way the model serialises money; everything else
    (uuids, dates, codes, arrays) has the same JSON form in PostgreSQL as in pydantic.
    """
    parts = []
    for name, info in payload.model_fields.items():
        column = f'{row}."{name}"'
        if _is_decimal(info.annotation):
            column = f"to_char({column}, 'FM999999999999990.00')"
        parts.append(f"'{name}', {column}")
    return f"{builder}({', '.join(parts)})"


def _is_decimal(annotation: Any) -> bool:
    """``Decimal``, ``Money`` (an Annotated Decimal) or either of them optional."""
    return annotation is Decimal or any(_is_decimal(arg) for arg in get_args(annotation))


def publishable(table: Table) -> list[ColumnElement[Any]]:
    """The outbox columns a claim reads for :func:`outbox_messages` (and the position, to order
    and mark by). A batch row's lines are not among them: they are read only for the rows kept."""
    return [
        table.c.position,
        table.c.event_id,
        table.c.nats_subject,
        # The stored JSON as text: sent as it is, not parsed into dicts and dumped again.
        cast(table.c.envelope, Text).label("envelope"),
        # The trace context rides in NATS headers too (shared/tracing.py).
        *(table.c.envelope.op("->>")(field).label(field) for field in TRACE_FIELDS),
        # How many events a batch row holds (NULL: a row of one event).
        func.cardinality(table.c.batch_ids).label("events"),
    ]


class OutboxMessage(NamedTuple):
    """One NATS message of an outbox row: the row's only event, or one line of a batch row."""

    position: int
    event_id: str
    nats_subject: str
    envelope: str
    headers: dict[str, str]


def events_in(rows: Sequence[Any]) -> int:
    """How many events claimed rows (:func:`publishable`'s columns) hold."""
    return sum(row.events or 1 for row in rows)


async def outbox_messages(session: AsyncSession, table: Table, rows: Sequence[Any]) -> list[OutboxMessage]:
    """The messages of claimed rows (:func:`publishable`'s columns), in position order and, within a
    batch row, in its order; each with its own event id (its ``Nats-Msg-Id``) and the row's trace."""
    batches: dict[int, tuple[str, list[str]]] = {}
    if any(row.events is not None for row in rows):
        result = await session.execute(
            select(table.c.position, table.c.batch, cast(table.c.batch_ids, ARRAY(Text))).where(
                table.c.position.in_([row.position for row in rows if row.events is not None])
            )
        )
        batches = {position: (lines, ids) for position, lines, ids in result}
    messages = []
    for row in rows:
        headers = nats_headers(row._asdict())
        if row.events is None:
            messages.append(
                OutboxMessage(row.position, str(row.event_id), row.nats_subject, row.envelope, headers)
            )
            continue
        lines, ids = batches[row.position]
        # A line per id (the table's check constraint), so strict holds.
        messages.extend(
            OutboxMessage(row.position, event_id, row.nats_subject, line, headers)
            for event_id, line in zip(ids, lines.split("\n"), strict=True)
        )
    return messages


async def publish_rows(
    js: JetStreamContext, stream: str, rows: Sequence[OutboxMessage], timeout: float
) -> list[BaseException | None]:
    """Publish outbox messages in the given order and gather the acks: one error (or None) a
    message. The relay and ``republish`` both send through here, so every copy of an event carries
    the same ``Nats-Msg-Id`` and headers. A message after the first failure may have been stored
    or not: its ack is no longer awaited and the caller sends it again."""
    futures: list[asyncio.Future[Any]] = []
    refused: BaseException | None = None
    for row in rows:
        try:
            futures.append(
                await js.publish_async(
                    row.nats_subject,
                    row.envelope.encode(),
                    headers={"Nats-Msg-Id": row.event_id, **row.headers},
                    stream=stream,
                )
            )
        except nats.errors.MaxPayloadError as exc:
            # Refused before sending, and always will be: that row's failure; the rest wait.
            refused = exc
            break
    if futures:
        await asyncio.wait(futures, timeout=timeout)
    results = [_ack_error(future) for future in futures]
    if refused is not None:
        results.append(refused)
        results += [NotSent()] * (len(rows) - len(results))
    failed = next((i for i, res in enumerate(results) if res is not None), len(rows))
    for future in futures[failed:]:
        if not future.done():
            future.cancel()  # its ack no longer matters: the row goes again
    return results


def first_errors(
    messages: Sequence[OutboxMessage], results: Sequence[BaseException | None]
) -> dict[int, BaseException | None]:
    """Each row's (by position) first failed message's error, or None when all its messages were acked."""
    errors: dict[int, BaseException | None] = {}
    for message, error in zip(messages, results, strict=True):
        if errors.get(message.position) is None:
            errors[message.position] = error
    return errors


class NotSent(Exception):
    """A row after one nats-py refused to send: not published this round."""

    def __str__(self) -> str:
        return "not sent: an earlier row was refused"


def permanent_failure(error: BaseException, subject: str) -> str | None:
    """Why JetStream will never take this message, or None if trying again may succeed.

    No stream takes the subject (NATS answers "no responders" to a publish nobody stores), the
    message is over the server's max payload, or JetStream refused it as a bad request (4xx: e.g.
    the subject is another stream's). Timeouts, a JetStream that is unavailable (503) or failing
    (500) and a dropped connection are transient."""
    if isinstance(error, nats.js.errors.NoStreamResponseError):
        return f"没有流接收主题 {subject} / no JetStream stream takes subject {subject!r}"
    if isinstance(error, nats.errors.MaxPayloadError):
        return f"消息超过 NATS 最大载荷 / message over the server's max payload ({error})"
    if isinstance(error, nats.js.errors.APIError) and error.code is not None and 400 <= error.code < 500:
        return f"JetStream 拒绝该消息 / JetStream refused the message: {error}"
    return None


async def _stream_missing(js: JetStreamContext, stream: str) -> bool:
    try:
        await js.stream_info(stream)
    except nats.js.errors.NotFoundError:
        log.warning("outbox_stream_missing", stream=stream)
        return True
    return False


def _ack_error(future: asyncio.Future[Any]) -> BaseException | None:
    """Why JetStream's ack of one message is missing (``None``: it came)."""
    if not future.done():
        return TimeoutError("no ack from JetStream")
    if future.cancelled():
        return asyncio.CancelledError("ack cancelled")
    return future.exception()


def relay_turn(service: str) -> str:
    """The advisory lock held by whoever publishes the service's outbox (a relay, or ``republish``)."""
    return f"outbox-relay:{service}"


class OutboxRelay:
    def __init__(
        self,
        *,
        service: str,
        db: Database,
        tables: KitTables,
        link: NatsLink,
        metrics: Metrics,
        poll_seconds: float,
        batch_size: int,
        retention_days: int,
        max_attempts: int = 50,
        publish_timeout: float = 5.0,
    ) -> None:
        self.service = service
        self.db = db
        self.table = tables.outbox
        self.link = link
        self.metrics = metrics
        self.poll_seconds = poll_seconds
        self.batch_size = batch_size
        self.retention = timedelta(days=retention_days)
        # A row JetStream will never take (permanent_failure) is set aside at once: left unpublished
        # with its reason in last_error and attempts at this limit, so it cannot hold back every
        # later one; so is one that failed otherwise this often (with the back-off, about 20
        # minutes of failing rounds at the defaults). Resetting attempts to 0 puts it back in line.
        self.max_attempts = max_attempts
        self.publish_timeout = publish_timeout
        # Whether the last round found another replica's relay publishing (then we look again soon).
        self.turn_taken = False
        # Whether the last round left rows it could send at once (a full batch), whether a failure
        # (not one that sets a row aside) held its rows back; failing rounds in a row (back-off).
        self.more_waiting = False
        self.held_back = False
        self._failing_rounds = 0
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_purge = datetime.min.replace(tzinfo=UTC)
        db.on_commit(self._wake.set)
        # The claim and the mark of every round, compiled once (shared.statements): under a steady
        # write load the relay runs a round every few requests, in the same process.
        self._claim = Statement(
            select(*publishable(self.table))
            .where(self.table.c.published_at.is_(None), self.table.c.attempts < bindparam("max_attempts"))
            .order_by(self.table.c.position)
            .limit(bindparam("batch_size"))
            .with_for_update(skip_locked=True)
        )
        self._mark = Statement(
            update(self.table)
            .where(self.table.c.position == any_(bindparam("done", type_=ARRAY(BigInteger))))
            .values(published_at=bindparam("published_at"))
        )

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"outbox-relay-{self.service}")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            failed = False
            self.held_back = self.more_waiting = False  # NATS down: no round, nothing held
            try:
                js = self.link.jetstream_if_ready()
                if js is not None:
                    await self.publish_batch(js)
                    await self._purge_old()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    # stop() cancelled us inside a library call that turned the cancellation into
                    # its own error (nats-py's publish_async does, waiting for a free ack slot):
                    # stop anyway, or stop() would wait forever.
                    raise asyncio.CancelledError from exc
                log.warning("outbox_relay_error", service=self.service, error=str(exc))
                failed = True
            if failed or self.held_back:
                # Back off: the poll interval, doubled each failing round (commits do not wake
                # the relay meanwhile: a JetStream that times out is not asked again on each one).
                self._failing_rounds += 1
                backoff = self.poll_seconds * 2 ** min(self._failing_rounds - 1, 16)
                await asyncio.sleep(min(backoff, max(MAX_BACKOFF_SECONDS, self.poll_seconds)))
                continue
            self._failing_rounds = 0
            if self.more_waiting:
                continue  # don't sleep
            # Another replica is publishing: what our commits just added may have come after its
            # claim, so look again shortly rather than a whole poll interval later.
            wait = min(self.poll_seconds, TURN_RETRY_SECONDS) if self.turn_taken else self.poll_seconds
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=wait)

    @property
    def turn_lock(self) -> str:
        """The advisory lock a relay of this service holds while it claims, publishes and marks."""
        return relay_turn(self.service)

    async def publish_batch(self, js: JetStreamContext) -> int:
        """Publish one batch; returns how many events were marked published (0 while another
        replica's relay has the turn). Rows JetStream will never take are set aside, not counted."""
        self.held_back = self.more_waiting = False
        async with self.db.transaction() as session:
            # One relay of the service at a time. With SKIP LOCKED alone, two replicas claim
            # neighbouring batches and publish them concurrently, so the later batch could land in
            # the stream first — and one aggregate's events (a household's changed v2 before v1)
            # out of order; a failed row's successors would likewise overtake it on the other relay.
            self.turn_taken = not await advisory_xact_lock(session, self.turn_lock, wait=False)
            if self.turn_taken:
                return 0
            claimed = await self._claim.fetch(
                session, max_attempts=self.max_attempts, batch_size=self.batch_size
            )
            if not claimed:
                return 0
            # About batch_size events a round: a batch row counts its events (at least one row goes).
            rows: list[Any] = []
            for row in claimed:
                if rows and events_in(rows) + (row.events or 1) > self.batch_size:
                    break
                rows.append(row)
            messages = await outbox_messages(session, self.table, rows)
            # Send the whole batch, then wait for the acks together: ~10x an ack-by-ack loop. One
            # asyncio.wait over the futures, not a wait_for task per ack.
            stream = stream_name(self.service)
            results = await publish_rows(js, stream, messages, self.publish_timeout)
            # "No stream takes the subject" is the subject's fault only while the service's own
            # stream is there: after a JetStream data loss every publish answers so until the link
            # declares the stream again, and setting every event aside then would break the order.
            stream_lost = any(
                isinstance(e, nats.js.errors.NoStreamResponseError | nats.js.errors.NotFoundError)
                for e in results
            ) and await _stream_missing(js, stream)
            # In order: a row JetStream will never take is set aside at once and the rows after it
            # count; any other failure holds the batch back from that row on (it and the rows
            # after it go again, after a back-off), so events leave in commit order. A batch row
            # is published when each of its messages was acked, and judged by its first failure
            # (the messages before it go again with it: JetStream drops them by their msg id).
            errors = first_errors(messages, results)
            done: list[Any] = []
            set_aside: list[tuple[Any, str]] = []
            held: tuple[Any, BaseException] | None = None
            for row in rows:
                error = errors[row.position]
                if error is None:
                    done.append(row)
                    continue
                reason = None if stream_lost else permanent_failure(error, row.nats_subject)
                if reason is None:
                    held = (row, error)
                    break
                set_aside.append((row, reason))
            if done:
                # One statement with the positions as one array parameter (not one parameter each).
                await self._mark.execute(
                    session, done=[row.position for row in done], published_at=datetime.now(UTC)
                )
            published = events_in(done)
            self.metrics.events_published.labels(self.service).inc(published)
            for row, reason in set_aside:
                await self._set_aside(session, row, reason)
            # A full batch, claimed rows left for the next round, or rows left unsent behind one
            # nats-py refused: go on at once.
            self.more_waiting = (
                len(claimed) >= self.batch_size
                or len(rows) < len(claimed)
                or (held is not None and isinstance(held[1], NotSent))
            )
            if held is not None and not isinstance(held[1], NotSent):
                self.held_back = True
                held_row, error = held
                await session.execute(
                    update(self.table)
                    .where(self.table.c.position == held_row.position)
                    .values(attempts=self.table.c.attempts + 1, last_error=repr(error)[:500])
                )
                log.warning(
                    "outbox_publish_failed",
                    service=self.service,
                    published=published,
                    set_aside=len(set_aside),
                    error=repr(error),
                )
            return published

    async def _set_aside(self, session: AsyncSession, row: Any, reason: str) -> None:
        """Kept unpublished with its reason, out of the relay's way (attempts at the limit: the
        ``xianjie_outbox_set_aside`` gauge counts it; resetting attempts to 0 puts it back)."""
        await session.execute(
            update(self.table)
            .where(self.table.c.position == row.position)
            .values(attempts=self.max_attempts, last_error=reason[:500])
        )
        try:
            event_type = json.loads(row.envelope).get("type")
        except (ValueError, AttributeError):
            event_type = None
        log.error(
            "outbox_event_set_aside",
            service=self.service,
            position=row.position,
            subject=row.nats_subject,
            event_type=event_type,
            reason=reason,
        )

    async def _purge_old(self) -> None:
        now = datetime.now(UTC)
        if now - self._last_purge < timedelta(hours=1):
            return
        self._last_purge = now
        async with self.db.transaction() as session:
            await session.execute(
                delete(self.table).where(
                    self.table.c.published_at.is_not(None), self.table.c.published_at < now - self.retention
                )
            )

    async def pending(self) -> int:
        """Events not published yet (a batch row counts its events)."""
        async with self.db.sessions() as session:
            count = await session.scalar(
                select(func.sum(stored_events(self.table))).where(self.table.c.published_at.is_(None))
            )
            return int(count or 0)


def stored_events(table: Table) -> ColumnElement[Any]:
    """How many events an outbox row holds: its batch's, or one."""
    return func.coalesce(func.cardinality(table.c.batch_ids), 1)


# --------------------------------------------------------------------------- re-publishing
# `xianjie events republish`: after JetStream lost its data, the outbox (published rows are kept
# XIANJIE_OUTBOX_RETENTION_DAYS) sends the lost events again through the relay's own publisher.


class RepublishFailed(Exception):
    def __init__(
        self, published: int, position: int, created_at: datetime, error: BaseException | None
    ) -> None:
        super().__init__(
            f"重新发布在第 {position} 条（写入于 {created_at.isoformat()}）处失败，已发布 {published} 条；"
            f"请用 --since {created_at.isoformat()} 重试 / re-publishing stopped at outbox position "
            f"{position} (written {created_at.isoformat()}) after {published} events: {error!r}; "
            f"run again with --since {created_at.isoformat()}"
        )
        self.published = published


async def republish(
    db: Database,
    tables: KitTables,
    service: str,
    js: JetStreamContext,
    *,
    since: datetime,
    until: datetime | None = None,
    max_attempts: int = 50,
    batch_size: int = 200,
    publish_timeout: float = 10.0,
) -> int:
    """Publish again every outbox row written in ``[since, until)``, published or not, in position
    order; returns how many. Rows the relay set aside (``max_attempts`` failures) stay aside.

    Safe to run at any time: each message carries the event id as ``Nats-Msg-Id``, so JetStream drops
    copies it still holds inside its duplicate window, and every consumer's inbox drops the event it
    already applied beyond it. It holds the service's relay turn throughout (the relays of running
    replicas wait), so the events leave in position order with nothing of the relay's in between.
    """
    table = tables.outbox
    window = [table.c.created_at >= since]
    if until is not None:
        window.append(table.c.created_at < until)
    stream = stream_name(service)
    published = 0
    after = 0
    async with db.transaction() as session:
        await advisory_xact_lock(session, relay_turn(service), wait=True)
        while True:
            rows = (
                await session.execute(
                    select(*publishable(table), table.c.created_at)
                    .where(
                        table.c.position > after,
                        *window,
                        table.c.published_at.is_not(None) | (table.c.attempts < max_attempts),
                    )
                    .order_by(table.c.position)
                    .limit(batch_size)
                )
            ).all()
            if not rows:
                return published
            messages = await outbox_messages(session, table, rows)
            results = await publish_rows(js, stream, messages, publish_timeout)
            failed = next((i for i, res in enumerate(results) if res is not None), len(messages))
            if failed < len(messages):
                # A batch row goes again whole (JetStream drops the copies it holds by msg id).
                row = next(row for row in rows if row.position == messages[failed].position)
                before = sum(1 for message in messages[:failed] if message.position < row.position)
                raise RepublishFailed(published + before, row.position, row.created_at, results[failed])
            published += len(messages)
            after = rows[-1].position


# --------------------------------------------------------------------------- bulk announcements
# A bulk import announces each of its rows: 300k events for a 100k-row ledger. ``add_from_query``
# draws each event id with gen_random_uuid() and scatters them over the unique index on event_id;
# the embedded PostgreSQL (built without OpenSSL) reads the OS random source per id, ~4 µs each.
# Here the ids are time-ordered instead (:func:`ordered_uuids`' layout), so the index grows at its
# right edge and a statement draws randomness once.

# RFC 9562 UUIDv7 with a dedicated counter (§6.2, method 1): 48-bit Unix milliseconds, version 7,
# then a 26-bit counter over the batch (12 bits in rand_a, 14 at the top of rand_b), variant 10,
# and 48 random bits drawn once per batch. Ids of one batch ascend in their order; two batches
# differ by their millisecond or, within one, by their random bits.
_COUNTER_BITS = 26
_COUNTER_LOW_BITS = 14
_RANDOM_BITS = 48


def ordered_uuids(count: int) -> list[str]:
    """``count`` distinct UUIDv7 in their canonical text form (``str(uuid.UUID)``), ascending."""
    if count >= 1 << _COUNTER_BITS:
        raise ValueError(f"at most {(1 << _COUNTER_BITS) - 1} ids a batch")
    ms = time_ns() // 1_000_000
    random = int.from_bytes(urandom(_RANDOM_BITS // 8), "big")
    # 8-4-4-4-12 hex digits: the millisecond's 32 + 16 bits, version and counter high, variant and
    # counter low (2 + 14 bits), the random bits. Built from pieces: ~0.1 µs an id, not ~1 µs.
    per_high = 1 << _COUNTER_LOW_BITS
    lows = [f"{0x8000 | n:04x}-{random:012x}" for n in range(min(count, per_high))]
    ids: list[str] = []
    for high in range(-(-count // per_high)):
        head = f"{ms >> 16:08x}-{ms & 0xFFFF:04x}-{0x7000 | high:04x}-"
        ids.extend([head + low for low in lows[: count - high * per_high]])
    return ids


def ordered_uuid_sql(ordinal: str) -> str:
    """SQL for :func:`ordered_uuids`' id number ``ordinal`` (a bigint expression counting from 0) of
    the batch whose millisecond and random bits are the bound ``:id_ms`` and ``:id_random``."""
    # PostgreSQL gives <<, >>, & and | one precedence, left to right: every step is bracketed.
    counter_low = (1 << _COUNTER_LOW_BITS) - 1
    ordinal = f"CAST({ordinal} AS bigint)"
    high = f"((CAST(:id_ms AS bigint) << 16) | 28672 | ({ordinal} >> {_COUNTER_LOW_BITS}))"
    low = (
        f"((-9223372036854775807 - 1) | (({ordinal} & {counter_low}) << {_RANDOM_BITS})"
        " | CAST(:id_random AS bigint))"
    )
    return f"CAST(encode(int8send{high} || int8send{low}, 'hex') AS uuid)"


def ordered_uuid_params() -> dict[str, int]:
    """A batch's millisecond and random bits for :func:`ordered_uuid_sql`."""
    return {
        "id_ms": time_ns() // 1_000_000,
        "id_random": int.from_bytes(urandom(_RANDOM_BITS // 8), "big"),
    }


# A bulk announcement's events are stored this many to an outbox row (the last row holds the rest).
BATCH_ROW_EVENTS = 1000


async def add_from_query_ordered(
    outbox: Outbox, session: AsyncSession, spec: EventSpec, rows_sql: str, **params: Any
) -> int:
    """:meth:`Outbox.add_from_query` for bulk work, stored as batch rows (ADR 0014); returns how
    many events.

    Each event is the envelope :func:`envelope_json` writes (so :meth:`EventSpec.envelope`'s: the
    payload from the model's fields, the writing request's trace context), a line of its row's
    ``batch``, with a time-ordered event id and one ``time`` for the statement's events (as
    ``add_events`` gives a batch). A row per event cost its heap tuple, three index entries and a
    ``jsonb`` envelope each: 4.2 of ~10 CPU seconds of a 100k-household import (bench/BULK.md).

    The rows are numbered as the query yields them, the events of numbers 1–1000 go to one row,
    1001–2000 to the next and so on; the rows are written in that order, a row's events in theirs.
    """
    table = f'"{outbox.table.schema}"."{outbox.table.name}"'
    await write_kept_events_first(session)
    time = _event_time()
    before_id, before_subject, before_data = _envelope_frame(spec, time)
    event_id = ordered_uuid_sql("r.n - 1")
    data = payload_json(spec.payload, "r", "json_build_object")
    result = await session.execute(
        text(
            f"""
            INSERT INTO {table} (event_id, nats_subject, envelope, batch, batch_ids)
            SELECT gen_random_uuid(), :nats_subject,
                   jsonb_build_object('type', CAST(:type AS text), 'events', count(*))
                   || CAST(:trace AS jsonb),
                   string_agg(ev.line, E'\\n' ORDER BY ev.n), array_agg(ev.id ORDER BY ev.n)
            FROM (SELECT r.n, {event_id} AS id,
                         CAST(:before_id AS text) || CAST({event_id} AS text) || CAST(:before_subject AS text)
                         || coalesce(CAST(to_json(CAST(r.subject AS text)) AS text), 'null')
                         || CAST(:before_data AS text)
                         || CAST({data} AS text) || '}}' AS line
                  FROM (SELECT q.*, row_number() OVER () AS n FROM ({rows_sql}) AS q) AS r) AS ev
            GROUP BY (ev.n - 1) / {BATCH_ROW_EVENTS}
            ORDER BY (ev.n - 1) / {BATCH_ROW_EVENTS}
            RETURNING cardinality(batch_ids)
            """  # noqa: S608 - constant SQL of our own and field names of our models; values are bound
        ),
        {
            "nats_subject": spec.nats_subject,
            "type": spec.type,
            "trace": json.dumps(trace_context()),
            "before_id": before_id,
            "before_subject": before_subject,
            "before_data": before_data,
            **ordered_uuid_params(),
            **params,
        },
    )
    return sum(count for (count,) in result)
