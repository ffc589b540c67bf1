"""The gateway's webhook fan-out (the kit's pull consumer, one per service stream) keeps one NATS
subscription per stream however long it idles or however often its loop fails (issue 16: an idle
gateway's RSS crept ~0.1 MB a minute, each empty fetch that ended in a plain TimeoutError leaving a
subscription behind in the connection)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import nats
import pytest
from nats.js import JetStreamContext

from gateway.webhooks.dispatch import WebhookFanOut
from tests.conftest import Stack

PullSubscription = JetStreamContext.PullSubscription


def _gateway_subscriptions(stack: Stack) -> int:
    """Subscriptions the gateway's NATS connection holds (nats-py keeps them by sid until
    unsubscribed; the server would say the same in /connz, which the embedded server does not serve)."""
    client = stack.apps["gateway"].state.component.link.client
    assert client is not None and client.is_connected
    return len(client._subs)


def _fan_out(stack: Stack) -> list[WebhookFanOut]:
    consumers = [c for c in stack.apps["gateway"].state.component.consumers if isinstance(c, WebhookFanOut)]
    assert len(consumers) == 4  # one per service stream
    return consumers


async def _with_fetch(
    monkeypatch: pytest.MonkeyPatch, fail: Callable[[], BaseException], seconds: float
) -> int:
    """Every fetch (every consumer's in this process) fails with ``fail()`` for ``seconds``; how many did."""
    calls = 0

    async def failing_fetch(self: PullSubscription, *args: Any, **kwargs: Any) -> list[Any]:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.05)  # as a fetch that waited, not a busy loop
        raise fail()

    with monkeypatch.context() as patch:
        patch.setattr(PullSubscription, "fetch", failing_fetch)
        await asyncio.sleep(seconds)
    return calls


async def test_empty_fetches_ending_in_a_plain_timeout_keep_the_one_subscription(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """nats-py's batch fetch raises asyncio.TimeoutError (not only nats.errors.TimeoutError) when
    its lingering pull runs out with nothing delivered: nothing waiting, not a loop error."""
    _fan_out(stack)
    before = _gateway_subscriptions(stack)
    calls = await _with_fetch(monkeypatch, asyncio.TimeoutError, 2.0)
    assert calls >= 8  # every consumer fetched again and again
    assert _gateway_subscriptions(stack) == before


async def test_a_failing_loop_subscribes_again_without_keeping_the_old_subscription(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    consumers = _fan_out(stack)
    before = _gateway_subscriptions(stack)
    subscribed = 0
    for consumer in consumers:
        original = consumer._subscribe

        async def counted(original: Any = original) -> PullSubscription:
            nonlocal subscribed
            subscribed += 1
            result: PullSubscription = await original()
            return result

        monkeypatch.setattr(consumer, "_subscribe", counted)
    failed = await _with_fetch(monkeypatch, lambda: nats.errors.NoRespondersError(), 2.0)
    assert failed >= len(consumers)
    # Back to normal fetching: each subscribes again (after its half second of back-off, later on a
    # loaded machine) and the fan-out goes on, still on one subscription per stream.
    for _ in range(100):
        if subscribed >= len(consumers) and _gateway_subscriptions(stack) == before:
            break
        await asyncio.sleep(0.1)
    assert subscribed >= len(consumers)
    assert _gateway_subscriptions(stack) == before
