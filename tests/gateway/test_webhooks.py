"""Webhooks for departments without NATS (issue 14): a real local HTTP receiver, signed structured
CloudEvents, scope, retries with back-off against a receiver that fails and recovers, replay."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import nats
import nats.js.errors
import pytest
from aiohttp import web
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from gateway.webhooks import rules
from shared.events.envelope import CloudEvent, stream_name
from tests.conftest import Stack
from tests.gateway.helpers import unique_name
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU_VILLAGE, auth, eventually
from xianjie.devstack import free_port

ALERT_RAISED = "cn.xianjie.monitoring.alert.raised.v1"
INCLUDED = "cn.xianjie.monitoring.household.included.v1"
CLIENT = "integrator_hrss"  # 人社局


@dataclass
class Receiver:
    """A department's endpoint: answers ``fail_first`` requests with 503, then 200."""

    url: str
    fail_first: int = 0
    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    refused: int = 0

    def bodies(self) -> list[dict[str, Any]]:
        return [json.loads(body) for _, body in self.received]


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    port = free_port()
    state = Receiver(url=f"http://127.0.0.1:{port}/events")

    async def events(request: web.Request) -> web.Response:
        body = await request.read()
        if state.refused < state.fail_first:
            state.refused += 1
            return web.Response(status=503)
        state.received.append((dict(request.headers), body))
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/events", events)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield state
    finally:
        await runner.cleanup()


@pytest.fixture(autouse=True)
def quick_webhooks(stack: Stack, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loopback allowed (the receiver runs here), retries in tenths of seconds instead of minutes."""
    settings = stack.apps["gateway"].state.gateway.settings
    monkeypatch.setattr(settings, "webhook_allowed_hosts", ["127.0.0.0/8"])
    monkeypatch.setattr(settings, "webhook_retry_base_seconds", 0.1)
    monkeypatch.setattr(settings, "webhook_retry_cap_seconds", 0.3)
    monkeypatch.setattr(settings, "webhook_poll_seconds", 0.1)
    monkeypatch.setattr(settings, "webhook_max_attempts", 3)


async def fan_out_caught_up(stack: Stack) -> bool:
    """The gateway's fan-out (one durable per service stream) has taken every event published so
    far: nothing pending, nothing unacked (it acks after its transaction)."""
    nc = await nats.connect(stack.infra.nats_url)
    try:
        js = nc.jetstream()
        for consumer in stack.apps["gateway"].state.component.consumers:
            try:
                info = await js.consumer_info(
                    stream_name(consumer.subscription.source_service), consumer.durable
                )
            except nats.js.errors.NotFoundError:
                continue  # the stream or the durable is not there yet: nothing waits in it
            if info.num_pending or info.num_ack_pending:
                return False
        return True
    finally:
        await nc.close()


@pytest.fixture(autouse=True)
async def no_earlier_backlog(stack: Stack) -> None:
    """Each test starts once the gateway's fan-out has caught up with every earlier event. It reads
    every event of every stream, one transaction each, so the events of the tests that ran just
    before (bulk imports among them) can leave it behind on a loaded machine, and a test's deadline
    for its own delivery must not include working those off. This deadline bounds a stuck fan-out."""
    await eventually(lambda: fan_out_caught_up(stack), timeout=600, interval=0.5)


async def publish(stack: Stack, event_type: str, data: dict[str, Any]) -> CloudEvent:
    _, _, service, aggregate, name, _version = event_type.split(".")
    event = CloudEvent(
        id=uuid.uuid4(),
        source=f"/xianjie/{service}",
        type=event_type,
        subject=str(uuid.uuid4()),
        time=datetime.now(UTC),
        data=data,
    )
    nc = await nats.connect(stack.infra.nats_url)
    try:
        await nc.jetstream().publish(
            f"xianjie.{service}.{aggregate}.{name}",
            event.model_dump_json(exclude_none=True).encode(),
            headers={"Nats-Msg-Id": str(event.id)},
        )
    finally:
        await nc.close()
    return event


def alert(village: str) -> dict[str, Any]:
    return {
        "alert_id": str(uuid.uuid4()),
        "household_id": str(uuid.uuid4()),
        "town_code": village[:9],
        "village_code": village,
        "source": "department",
    }


async def subscribe(api: httpx.AsyncClient, token: str, url: str, **body: Any) -> dict[str, Any]:
    resp = await api.post(
        "/webhooks/subscriptions",
        json={"url": url, "event_types": [ALERT_RAISED], **body},
        headers=auth(token, **{"Idempotency-Key": unique_name("sub")}),
    )
    assert resp.status_code == 201, resp.text
    created: dict[str, Any] = resp.json()
    return created


async def test_a_delivery_is_a_signed_structured_cloudevent_within_scope(
    stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str], receiver: Receiver
) -> None:
    sub = await subscribe(api, tokens[CLIENT], receiver.url, division_code=KEJING)
    assert sub["secret"].startswith("whsec_") and sub["division_code"] == KEJING
    # Out of its town, then a type it did not ask for, then the one it wants: the stream keeps order,
    # so once the last has arrived the first two were already looked at.
    await publish(stack, ALERT_RAISED, alert(WANGWU_VILLAGE))
    await publish(stack, INCLUDED, {**alert(KEJING_VILLAGE), "subtype": "marginal"})
    wanted = await publish(stack, ALERT_RAISED, alert(KEJING_VILLAGE))
    await eventually(lambda: _received(receiver, 1))

    headers, body = receiver.received[0]
    assert headers["Content-Type"].startswith("application/cloudevents+json")
    envelope = json.loads(body)
    assert envelope["id"] == str(wanted.id) and envelope["type"] == ALERT_RAISED
    assert envelope["specversion"] == "1.0" and envelope["data"]["village_code"] == KEJING_VILLAGE
    assert headers["webhook-id"] == str(wanted.id)
    # The department checks it with the Standard Webhooks library and its secret.
    assert Webhook(sub["secret"]).verify(body, headers)["id"] == str(wanted.id)
    with pytest.raises(WebhookVerificationError):
        Webhook(sub["secret"]).verify(body.replace(KEJING_VILLAGE.encode(), WANGWU_VILLAGE.encode()), headers)
    with pytest.raises(WebhookVerificationError):  # another subscription's secret
        Webhook(rules.new_secret()).verify(body, headers)
    # A captured delivery sent again later is refused: the timestamp is inside the signed content.
    stale = str(int(headers["webhook-timestamp"]) - 600)
    resigned_elsewhere = {**headers, "webhook-timestamp": stale}
    with pytest.raises(WebhookVerificationError):
        Webhook(sub["secret"]).verify(body, resigned_elsewhere)

    # The receiver has the body before the gateway has recorded its answer (it writes the outcome
    # once the POST returned): wait for the record, not for the body alone.
    async def recorded() -> list[dict[str, Any]] | None:
        deliveries = await api.get(
            f"/webhooks/subscriptions/{sub['id']}/deliveries", headers=auth(tokens[CLIENT])
        )
        items: list[dict[str, Any]] = deliveries.json()["items"]
        return items if items and items[0]["status"] != "pending" else None

    items = await eventually(recorded)
    assert [(d["event_id"], d["status"]) for d in items] == [(str(wanted.id), "delivered")]


async def _received(receiver: Receiver, count: int) -> bool:
    return len(receiver.received) >= count


async def _subscription(api: httpx.AsyncClient, token: str, sub_id: str) -> dict[str, Any]:
    resp = await api.get(f"/webhooks/subscriptions/{sub_id}", headers=auth(token))
    assert resp.status_code == 200, resp.text
    found: dict[str, Any] = resp.json()
    return found


async def test_a_failing_receiver_is_retried_then_given_up_then_replayed(
    stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str], receiver: Receiver
) -> None:
    token = tokens[CLIENT]
    sub = await subscribe(api, token, receiver.url)
    # Fails twice, the third attempt (the last one allowed) succeeds.
    receiver.fail_first = 2
    first = await publish(stack, ALERT_RAISED, alert(KEJING_VILLAGE))
    await eventually(lambda: _received(receiver, 1))
    assert receiver.bodies()[0]["id"] == str(first.id) and receiver.refused == 2

    # The receiver has the body before the gateway has recorded its answer: wait for the record.
    async def delivered() -> dict[str, Any] | None:
        found = await _subscription(api, token, sub["id"])
        return found if found["last_delivered_at"] else None

    health = await eventually(delivered)
    assert health["last_status_code"] == 204 and health["failed"] == 0 and health["last_delivered_at"]
    (delivery,) = (
        await api.get(f"/webhooks/subscriptions/{sub['id']}/deliveries", headers=auth(token))
    ).json()["items"]
    assert delivery["attempts"] == 3 and delivery["status"] == "delivered"

    # Down for longer than the retries last: three attempts, then the delivery is failed.
    receiver.fail_first = receiver.refused + 3
    second = await publish(stack, ALERT_RAISED, alert(KEJING_VILLAGE))

    async def given_up() -> dict[str, Any] | None:
        found = await _subscription(api, token, sub["id"])
        return found if found["failed"] == 1 else None

    health = await eventually(given_up)
    assert health["last_status_code"] == 503 and health["last_error"] == "HTTP 503"
    failed = (
        await api.get(
            f"/webhooks/subscriptions/{sub['id']}/deliveries",
            params={"status": "failed"},
            headers=auth(token),
        )
    ).json()["items"]
    assert [(d["event_id"], d["attempts"]) for d in failed] == [(str(second.id), 3)]
    assert len(receiver.received) == 1

    # The receiver is back: a replay from the first event's time delivers both again (same ids).
    replay = await api.post(
        f"/webhooks/subscriptions/{sub['id']}/replay",
        json={"since": (first.time - timedelta(seconds=1)).isoformat()},
        headers=auth(token),
    )
    assert replay.status_code == 200, replay.text
    assert replay.json() == {"requeued": 2}
    await eventually(lambda: _received(receiver, 3))
    assert sorted(b["id"] for b in receiver.bodies()[1:]) == sorted([str(first.id), str(second.id)])
    assert (await _subscription(api, token, sub["id"]))["failed"] == 0


async def test_refusals_and_who_sees_what(
    stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str], receiver: Receiver
) -> None:
    token = tokens[CLIENT]

    async def attempt(body: dict[str, Any], who: str = CLIENT) -> httpx.Response:
        return await api.post("/webhooks/subscriptions", json=body, headers=auth(tokens[who]))

    base = {"url": receiver.url, "event_types": [ALERT_RAISED]}
    assert (await attempt({**base, "url": "ftp://127.0.0.1/x"})).status_code == 422
    assert (await attempt({**base, "url": "file:///etc/passwd"})).status_code == 422
    # Not on the allow-list: cloud metadata, another network.
    not_allowed = await attempt({**base, "url": "http://169.254.169.254/latest"})
    assert not_allowed.status_code == 422 and not_allowed.json()["code"] == "validation_failed"
    # 人社局 may not have the funds service's events.
    refused = await attempt({**base, "event_types": ["cn.xianjie.funds.project.accepted.v1"]})
    assert refused.status_code == 403 and "funds" in refused.json()["detail"]
    for role in ("admin", "town_kejing", "dept_hrss", "auditor"):
        assert (await attempt(base, role)).status_code == 403, role

    sub = await subscribe(api, token, receiver.url)
    for reader in ("admin", "auditor", CLIENT):
        listed = await api.get("/webhooks/subscriptions", headers=auth(tokens[reader]), params={"limit": 500})
        assert sub["id"] in [s["id"] for s in listed.json()["items"]], reader
        assert "secret" not in listed.json()["items"][0]
    assert (
        await api.get(f"/webhooks/subscriptions/{sub['id']}", headers=auth(tokens["town_kejing"]))
    ).status_code == 403
    assert (await api.get(f"/webhooks/subscriptions/{uuid.uuid4()}", headers=auth(token))).status_code == 404

    # Changes need the version; a stale one is refused.
    path = f"/webhooks/subscriptions/{sub['id']}"
    assert (await api.patch(path, json={"active": False}, headers=auth(token))).status_code == 428
    stale = await api.patch(path, json={"active": False}, headers=auth(token, **{"If-Match": '"99"'}))
    assert stale.status_code == 412
    paused = await api.patch(path, json={"active": False}, headers=auth(token, **{"If-Match": '"1"'}))
    assert paused.status_code == 200 and paused.json()["active"] is False
    rotated = await api.post(f"{path}/secret", headers=auth(token, **{"If-Match": '"2"'}))
    assert rotated.status_code == 200 and rotated.json()["secret"] != sub["secret"]
    assert (await api.delete(path, headers=auth(token, **{"If-Match": '"3"'}))).status_code == 204
    assert (await api.get(path, headers=auth(token))).status_code == 404


async def test_another_departments_subscription_is_not_found(
    stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str], receiver: Receiver, demo_password: str
) -> None:
    client_id = unique_name("ybj")
    created = await api.post(
        "/admin/clients",
        json={"client_id": client_id, "display_name": "医保局系统", "department": "医保局"},
        headers=auth(tokens["admin"]),
    )
    assert created.status_code == 201, created.text
    token = (
        await api.post(
            "/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": client_id,
                "client_secret": created.json()["client_secret"],
            },
        )
    ).json()["access_token"]
    theirs = await subscribe(api, token, receiver.url)
    assert theirs["department"] == "医保局"
    ours = await api.get(f"/webhooks/subscriptions/{theirs['id']}", headers=auth(tokens[CLIENT]))
    assert ours.status_code == 404
    listed = await api.get("/webhooks/subscriptions", headers=auth(tokens[CLIENT]), params={"limit": 500})
    assert theirs["id"] not in [s["id"] for s in listed.json()["items"]]
    replay = await api.post(
        f"/webhooks/subscriptions/{theirs['id']}/replay",
        json={"since": datetime.now(UTC).isoformat()},
        headers=auth(tokens[CLIENT]),
    )
    assert replay.status_code == 404


@pytest.mark.parametrize(
    ("statement", "constraint"),
    [
        (
            "INSERT INTO gateway.webhook_subscriptions (id, owner, department, url, event_types, secret, version)"
            " VALUES (gen_random_uuid(), 'x', '人社局', 'ftp://h/x', ARRAY['t'], 's', 1)",
            "ck_webhook_subscriptions_webhook_url_http",
        ),
        (
            "INSERT INTO gateway.webhook_subscriptions (id, owner, department, url, event_types, secret, version)"
            " VALUES (gen_random_uuid(), 'x', '人社局', 'http://h/x', ARRAY[]::varchar[], 's', 1)",
            "ck_webhook_subscriptions_webhook_has_event_types",
        ),
        (
            "INSERT INTO gateway.webhook_subscriptions"
            " (id, owner, department, url, event_types, secret, version, division_code)"
            " VALUES (gen_random_uuid(), 'x', '人社局', 'http://h/x', ARRAY['t'], 's', 1, '4190011')",
            "ck_webhook_subscriptions_webhook_division_code",
        ),
    ],
)
async def test_database_guards_of_subscriptions(stack: Stack, statement: str, constraint: str) -> None:
    with pytest.raises(IntegrityError, match=constraint):
        async with stack.db("gateway").transaction() as session:
            await session.execute(text(statement))


async def test_database_guards_of_deliveries(stack: Stack) -> None:
    insert_sub = (
        "INSERT INTO gateway.webhook_subscriptions (id, owner, department, url, event_types, secret, version)"
        " VALUES (:id, 'x', '人社局', 'http://h/x', ARRAY['t'], 's', 1)"
    )
    delivery = (
        "INSERT INTO gateway.webhook_deliveries"
        " (subscription_id, event_id, event_type, event_time, envelope, status, delivered_at)"
        " VALUES (:sid, :eid, 't', now(), '{}', :status, :delivered_at)"
    )
    sid, eid = uuid.uuid4(), uuid.uuid4()
    try:
        async with stack.db("gateway").transaction() as session:
            await session.execute(text(insert_sub), {"id": sid})
            await session.execute(
                text(delivery), {"sid": sid, "eid": eid, "status": "pending", "delivered_at": None}
            )
        with pytest.raises(IntegrityError, match="webhook_delivery_once"):
            async with stack.db("gateway").transaction() as session:
                await session.execute(
                    text(delivery), {"sid": sid, "eid": eid, "status": "pending", "delivered_at": None}
                )
        with pytest.raises(IntegrityError, match="ck_webhook_deliveries_webhook_delivered_has_time"):
            async with stack.db("gateway").transaction() as session:
                await session.execute(
                    text(delivery),
                    {"sid": sid, "eid": uuid.uuid4(), "status": "delivered", "delivered_at": None},
                )
    finally:
        async with stack.db("gateway").transaction() as session:
            await session.execute(
                text("DELETE FROM gateway.webhook_subscriptions WHERE id = :id"), {"id": sid}
            )


def test_backoff_doubles_up_to_the_cap() -> None:
    assert [rules.backoff_seconds(n, 30, 3600) for n in (1, 2, 3)] == [30, 60, 120]
    assert rules.backoff_seconds(7, 30, 3600) == 1920
    assert rules.backoff_seconds(8, 30, 3600) == 3600  # 3840 capped


def test_hosts_allowed_by_name_or_by_every_resolved_address() -> None:
    allowed = ["ybj.example.gov.cn", "10.20.0.0/16"]
    assert rules.host_allowed("YBJ.example.gov.cn", [], allowed)
    assert rules.host_allowed("mz.example", ["10.20.255.255"], allowed)
    assert not rules.host_allowed("mz.example", ["10.21.0.0"], allowed)  # one past the network
    assert not rules.host_allowed("mz.example", ["10.20.0.1", "127.0.0.1"], allowed)  # one elsewhere
    assert not rules.host_allowed("mz.example", [], allowed)  # does not resolve
    assert not rules.host_allowed("ybj.example.gov.cn", ["10.20.0.1"], [])  # empty list: nothing


def test_scope_and_department_types() -> None:
    assert rules.in_scope(KEJING_VILLAGE, KEJING) and rules.in_scope(KEJING_VILLAGE, KEJING_VILLAGE)
    assert not rules.in_scope(WANGWU_VILLAGE, KEJING)
    assert not rules.in_scope(KEJING, KEJING_VILLAGE)  # a town-level event is not one village's
    assert rules.in_scope(None, None) and not rules.in_scope(None, KEJING)  # district-wide counts
    assert rules.event_place({"town_code": KEJING, "village_code": None}) == KEJING
    table = {"医保局": ["cn.xianjie.monitoring.household.*"]}
    assert rules.types_refused("医保局", [INCLUDED, ALERT_RAISED], table) == [ALERT_RAISED]
    assert rules.types_refused("不存在的部门", [INCLUDED], table) == [INCLUDED]
