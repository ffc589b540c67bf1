"""Small helpers for tests (fixtures live in conftest.py)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, NamedTuple

import httpx
import nats
from sqlalchemy import Table, select, text
from sqlalchemy.exc import IntegrityError

from shared.events.outbox import outbox_messages, publishable


def auth(token: str, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **headers}


async def eventually(
    check: Callable[[], Awaitable[Any]], *, timeout: float = 15.0, interval: float = 0.1
) -> Any:
    """Poll an async check until it returns a truthy value (events are asynchronous by design)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        result = await check()
        if result:
            return result
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {timeout}s (last: {result!r})")
        await asyncio.sleep(interval)


def new_id() -> str:
    return str(uuid.uuid4())


KEJING = "419001100"  # 克井镇
KEJING_VILLAGE = "419001100201"  # demo village of 克井镇 (village_beidahe's)
KEJING_OTHER_VILLAGE = "419001100202"
WANGWU = "419001109"  # 王屋镇
WANGWU_VILLAGE = "419001109201"


def problem(resp: httpx.Response) -> dict[str, Any]:
    """A problem answer without what differs on every request (to compare two refusals)."""
    return {k: v for k, v in resp.json().items() if k not in ("request_id", "instance")}


def assert_excel_report(report: dict[str, Any], xlsx: bytes) -> Any:
    """The XLSX of a report is what Excel users accept and says what its JSON says: a Chinese sheet
    name (the title, as Excel allows), a frozen header row, column widths, money (a decimal string
    in JSON) as a number with a number format, dates as dates, counts as numbers. Returns the sheet."""
    import io
    import re
    from datetime import date, datetime
    from decimal import Decimal

    from openpyxl import load_workbook

    from shared.tabular import sheet_name

    sheet = load_workbook(io.BytesIO(xlsx)).worksheets[0]
    assert sheet.title == sheet_name(report["title"])
    assert sheet.freeze_panes == "A2"
    columns = report["columns"]
    lines = list(sheet.iter_rows())
    assert [c.value for c in lines[0]] == [c["label"] for c in columns]
    for index in range(len(columns)):
        letter = lines[0][index].column_letter
        assert (sheet.column_dimensions[letter].width or 0) >= 8, letter
    assert len(lines) == len(report["rows"]) + 1
    for row, cells in zip(report["rows"], lines[1:], strict=True):
        for column, cell in zip(columns, cells, strict=True):
            value = row.get(column["key"])
            where = f"{column['label']} row {cell.row}: {value!r}"
            if isinstance(value, str) and re.fullmatch(r"-?\d+\.\d+", value):  # money (or a ratio) in JSON
                money = column.get("kind") == "money" or any(w in column["label"] for w in ("元", "金额"))
                assert cell.data_type == "n" and cell.number_format != "@", where
                assert cell.number_format == "#,##0.00" or not money, where
                assert Decimal(str(cell.value)) == Decimal(value), where
            elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                assert isinstance(cell.value, datetime) and cell.is_date, where
                assert cell.value.date() == date.fromisoformat(value), where
            elif isinstance(value, int) and not isinstance(value, bool):
                assert cell.data_type == "n" and cell.value == value, where
            elif value is None or value == "":
                assert cell.value is None, where
    return sheet


async def assert_each_guard_alone(engine: Any, guards: Sequence[tuple[Any, Any, str]]) -> None:
    """Each database guard on its own, by direct SQL on the service's connection: the statements
    on the line are accepted (then rolled back); those one past it are refused by the named
    constraint. A guard is (on the line, past it, constraint); statements are one SQL string or a
    list of them run in order."""

    def statements(sql: str | Sequence[str]) -> Sequence[str]:
        return [sql] if isinstance(sql, str) else sql

    for on_the_line, past_it, constraint in guards:
        async with engine.connect() as conn:
            transaction = await conn.begin()
            for statement in statements(on_the_line):
                assert (await conn.execute(text(statement))).rowcount >= 1, statement
            await transaction.rollback()
        try:
            async with engine.begin() as conn:
                for statement in statements(past_it):
                    await conn.execute(text(statement))
        except IntegrityError as refused:
            assert constraint in str(refused), past_it
        else:
            raise AssertionError(f"{constraint} let this through: {past_it}")


async def stream_messages(nats_url: str, stream: str, subject: str) -> list[dict[str, Any]]:
    """Every message on ``subject`` in ``stream``, in stream order, read with a throw-away consumer."""
    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        info = await js.stream_info(stream, subjects_filter=subject)
        count = (info.state.subjects or {}).get(subject, 0)
        if count == 0:
            return []
        sub = await js.pull_subscribe(subject, stream=stream)
        messages: list[dict[str, Any]] = []
        while len(messages) < count:
            for msg in await sub.fetch(min(256, count - len(messages)), timeout=5):
                messages.append(json.loads(msg.data))
                await msg.ack()
        await sub.unsubscribe()
        return messages
    finally:
        await nc.close()


class StoredEvent(NamedTuple):
    event_id: uuid.UUID
    nats_subject: str
    envelope: dict[str, Any]


async def outbox_rows_after(session: Any, outbox: Table, position: int | None) -> list[StoredEvent]:
    """The events written to the outbox after ``position`` (None: all of them), in the order the
    relay publishes them (a batch row's each, as ``outbox_messages`` reads them): id, subject,
    envelope."""
    rows = (
        await session.execute(
            select(*publishable(outbox))
            .where(outbox.c.position > (position or 0))
            .order_by(outbox.c.position)
        )
    ).all()
    return [
        StoredEvent(uuid.UUID(message.event_id), message.nats_subject, json.loads(message.envelope))
        for message in await outbox_messages(session, outbox, rows)
    ]


async def last_outbox_position(session: Any, outbox: Table) -> int | None:
    return await session.scalar(select(outbox.c.position).order_by(outbox.c.position.desc()).limit(1))


def without_id_and_time(envelope: dict[str, Any]) -> dict[str, Any]:
    """An envelope without what each write makes anew (its id and time)."""
    return {k: v for k, v in envelope.items() if k not in ("id", "time")}
