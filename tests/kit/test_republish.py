"""``xianjie events republish``: JetStream loses monitoring's stream (deleted, as a lost volume
would leave it) with events employment had not yet taken; re-publishing from the outbox brings
them to employment's projection, each event applied once — the ones it had already applied are
dropped by its inbox, and a second run adds nothing to the stream (Nats-Msg-Id)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import nats
import pytest
from sqlalchemy import text

from shared.events.envelope import stream_name
from shared.runtime import Component
from tests.conftest import Stack
from tests.helpers import auth, eventually
from tests.kit.test_backup_restore import HOUSEHOLDS, _household
from xianjie import cli


def _employment(stack: Stack) -> Component:
    found: Component = stack.apps["employment"].state.component
    return found


async def _projected(stack: Stack, household_id: str) -> bool:
    async with stack.db("employment").engine.connect() as conn:
        found = await conn.scalar(
            text("SELECT count(*) FROM employment.projected_households WHERE id = :id"), {"id": household_id}
        )
    return bool(found)


async def _outbox_since(stack: Stack, since: datetime) -> list[Any]:
    async with stack.db("monitoring").engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT event_id, envelope->>'type' AS type, published_at FROM monitoring.outbox "
                "WHERE created_at >= :since ORDER BY position"
            ),
            {"since": since},
        )
        return list(rows)


async def _stream_messages(stack: Stack) -> int:
    nc = await nats.connect(stack.infra.nats_url)
    try:
        info = await nc.jetstream().stream_info(stream_name("monitoring"))
        return int(info.state.messages)
    finally:
        await nc.close()


async def _republish(monkeypatch: pytest.MonkeyPatch, stack: Stack, since: datetime) -> int:
    monkeypatch.setenv("XIANJIE_DATABASE_URL", stack.infra.database_url)
    monkeypatch.setenv("XIANJIE_NATS_URL", stack.infra.nats_url)
    monkeypatch.setenv("XIANJIE_JWKS_URL", f"{stack.gateway_url}/.well-known/jwks.json")
    argv = ["events", "republish", "monitoring", "--since", since.isoformat()]
    return await asyncio.to_thread(cli.main, argv)


async def test_lost_events_come_back_from_the_outbox_each_applied_once(
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    stack: Stack,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    headers = auth(tokens["admin"])
    since = datetime.now(UTC) - timedelta(seconds=1)
    applied = await api.post(HOUSEHOLDS, json=_household("周已同步", 31), headers=headers)
    assert applied.status_code == 201, applied.text
    await eventually(lambda: _projected(stack, applied.json()["id"]), timeout=20)

    # Employment stops taking monitoring's events; the next household's events reach the stream only.
    consumer = _employment(stack).consumer_of("monitoring")
    assert consumer is not None
    await consumer.stop()
    try:
        missed = await api.post(HOUSEHOLDS, json=_household("吴未同步", 32), headers=headers)
        assert missed.status_code == 201, missed.text

        async def all_published() -> bool:
            rows = await _outbox_since(stack, since)
            return bool(rows) and all(row.published_at is not None for row in rows)

        await eventually(all_published, timeout=20)
        # JetStream loses the stream, and with it the durable consumers on it.
        nc = await nats.connect(stack.infra.nats_url)
        try:
            await nc.jetstream().delete_stream(stream_name("monitoring"))
        finally:
            await nc.close()
    finally:
        consumer.start()

    capsys.readouterr()
    try:
        assert await _republish(monkeypatch, stack, since) == 0
    finally:
        # Whatever happened, later tests need monitoring's stream: the services declare it only
        # after a reconnect.
        await _employment(stack).link._declare_streams()  # type: ignore[union-attr]
    rows = await _outbox_since(stack, since)
    assert f"monitoring: {len(rows)} events published again" in capsys.readouterr().out
    await eventually(lambda: _projected(stack, missed.json()["id"]), timeout=20)
    assert await _stream_messages(stack) == len(rows)

    # Each event employment handles is in its inbox once: the household it had applied before the
    # loss was not applied again, the missed one was applied.
    handled = [row.event_id for row in rows if consumer.handles(row.type)]
    assert handled
    await eventually(lambda: _caught_up(consumer), timeout=20)
    async with stack.db("employment").engine.connect() as conn:
        inbox = (
            await conn.execute(
                text(
                    "SELECT event_id, count(*) FROM employment.inbox "
                    "WHERE consumer = 'employment' AND event_id = ANY(:ids) GROUP BY event_id"
                ),
                {"ids": handled},
            )
        ).all()
    assert sorted(str(event_id) for event_id, _ in inbox) == sorted(str(i) for i in handled)
    assert all(times == 1 for _, times in inbox)

    # Run again at once: JetStream drops every copy inside its duplicate window.
    assert await _republish(monkeypatch, stack, since) == 0
    assert await _stream_messages(stack) == len(rows)


async def _caught_up(consumer: Any) -> bool:
    return await consumer.pending() == 0


async def test_a_time_without_an_offset_is_utc_and_a_bad_one_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli._utc_time("2026-11-30T08:00:00") == datetime(2026, 11, 30, 8, tzinfo=UTC)
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["events", "republish", "monitoring", "--since", "yesterday"])
    assert "not an ISO 8601 time" in capsys.readouterr().err
