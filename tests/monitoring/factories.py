"""Small factories for monitoring tests: valid ID numbers, households with members, workflow steps."""

from __future__ import annotations

import itertools
import json
import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import nats
from sqlalchemy import text

from services.monitoring.households.events import (
    HOUSEHOLD_CHANGED,
    MEMBER_CHANGED,
    HouseholdChanged,
    MemberChanged,
)
from services.monitoring.households.id_numbers import check_char
from shared import clock
from shared.events.envelope import CloudEvent, ConsumedEvent, EventSpec
from tests.conftest import Stack
from tests.gateway.helpers import create_user, password_login
from tests.helpers import KEJING, KEJING_VILLAGE, auth, new_id, outbox_rows_after

HOUSEHOLDS = "/api/monitoring/v1/households"
ALERTS = "/api/monitoring/v1/alerts"
PASSWORD = "correct horse battery"
_serial = itertools.count(100)


def id_number(birth: date = date(1980, 5, 17), region: str = "419001") -> str:
    """A valid 18-digit number (checksum right), different on every call."""
    first17 = f"{region}{birth:%Y%m%d}{next(_serial) % 1000:03d}"
    return first17 + check_char(first17)


def member(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "王建国",
        "id_number": id_number(),
        "relation": "head",
        "labour": "ordinary",
    }
    body.update(overrides)
    return body


def household(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "head_name": "王建国",
        "address": "北大河村三组",
        "kind": "lifted_out",
        "member_count": 3,
    }
    body.update(overrides)
    return body


async def create_household(api: httpx.AsyncClient, token: str, **overrides: Any) -> dict[str, Any]:
    resp = await api.post(HOUSEHOLDS, json=household(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def listed(api: httpx.AsyncClient, token: str, **params: str) -> set[str]:
    """The ids of the households a list with these filters gives the caller."""
    resp = await api.get(HOUSEHOLDS, params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return {h["id"] for h in resp.json()["items"]}


async def helper_id(api: httpx.AsyncClient, tokens: dict[str, str]) -> str:
    """The demo helper's user id (what ``helper_user_id`` holds)."""
    me = (await api.get("/auth/me", headers=auth(tokens["helper_wang"]))).json()
    return me["id"]  # type: ignore[no-any-return]


async def town_official(api: httpx.AsyncClient, admin: str, town_code: str) -> str:
    """A token of a new official of ``town_code`` (the demo accounts have one town official only)."""
    user = await create_user(api, admin, role="town_official", division_code=town_code, password=PASSWORD)
    login = await password_login(api, user["username"], PASSWORD)
    assert login.status_code == 200, login.text
    return login.json()["access_token"]  # type: ignore[no-any-return]


async def count(stack: Stack, sql: str, **params: object) -> int:
    async with stack.db("monitoring").engine.connect() as conn:
        return int(await conn.scalar(text(sql), params) or 0)


async def announced(stack: Stack, spec: EventSpec) -> list[tuple[dict[str, Any], Any]]:
    """The outbox rows of one event type in commit order, each with its ``data`` read by the
    published payload model: a field the writer (Python or SQL) forgets fails right here."""
    component = stack.apps["monitoring"].state.component
    async with component.db.sessions() as session:
        events = await outbox_rows_after(session, component.tables.outbox, None)
    return [
        (event.envelope, spec.payload.model_validate(event.envelope["data"]))
        for event in events
        if event.envelope["type"] == spec.type
    ]


async def declare(api: httpx.AsyncClient, token: str, household_id: str, **body: Any) -> dict[str, Any]:
    """A self-declaration for the household (a reason unless given)."""
    resp = await api.post(
        ALERTS, json={"household_id": household_id, "reason": "自主申报", **body}, headers=auth(token)
    )
    assert resp.status_code == 201, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def step(
    api: httpx.AsyncClient, token: str, household_id: str, action: str, **body: Any
) -> httpx.Response:
    """One workflow step with the household's current ETag."""
    url = f"{HOUSEHOLDS}/{household_id}"
    etag = (await api.get(url, headers=auth(token))).headers["etag"]
    return await api.post(
        f"{url}/transitions",
        json={"action": action, "reason": body.pop("reason", "依据核实情况"), **body},
        headers=auth(token, **{"If-Match": etag}),
    )


async def backdate_alerts(stack: Stack, household_id: str, days: int) -> None:
    """Alerts raised ``days`` ago (so a public notice can have run its course without waiting)."""
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE monitoring.alerts SET created_at = now() - make_interval(days => :d) WHERE household_id = :h"
            ),
            {"d": days, "h": household_id},
        )


def steps_to_inclusion(subtype: str = "unstable") -> list[tuple[str, str, dict[str, Any]]]:
    """The workflow from verification to inclusion, each step by the role that takes it, with a
    public notice posted six days ago (its objection window is over). The category must fit the
    household's identity: ``unstable`` (the default) for a 脱贫户 (the factory's default household)."""
    posted = clock.today() - timedelta(days=6)
    return [
        ("village_beidahe", "start_verification", {}),
        (
            "village_beidahe",
            "submit_village_review",
            {"subtype": subtype, "risk_causes": ["illness"]},
        ),
        ("village_beidahe", "village_approve", {"notice_posted_on": posted.isoformat()}),
        ("village_beidahe", "close_notice", {}),
        ("town_kejing", "town_approve", {}),
        ("admin", "approve", {}),
    ]


async def advance(
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    household_id: str,
    stack: Stack,
    *,
    through: str,
    subtype: str = "unstable",
) -> dict[str, Any]:
    """Drive a household from a self-declaration (a week old) up to and including the step
    ``through``, each step by its role, in the category ``subtype``; the household as the last step
    answered."""
    await declare(
        api, tokens["village_beidahe"], household_id, reason="户主住院，医疗支出大", risk_causes=["illness"]
    )
    await backdate_alerts(stack, household_id, 7)
    for who, action, extra in steps_to_inclusion(subtype):
        resp = await step(api, tokens[who], household_id, action, **extra)
        assert resp.status_code == 200, (action, resp.text)
        if action == through:
            return resp.json()  # type: ignore[no-any-return]
    raise AssertionError(f"{through} is not a step towards inclusion")


async def include(
    api: httpx.AsyncClient, tokens: dict[str, str], household_id: str, stack: Stack, subtype: str = "unstable"
) -> dict[str, Any]:
    """Drive a household from a self-declaration (a week old) to inclusion in the category
    ``subtype``, each step by its role."""
    return await advance(api, tokens, household_id, stack, through="approve", subtype=subtype)


def envelope_of(consumed: ConsumedEvent[Any], subject: str, data: dict[str, Any]) -> dict[str, Any]:
    """The event monitoring consumes as its producer sends it, with a new event id."""
    return {
        "specversion": "1.0",
        "id": new_id(),
        "source": f"/xianjie/{consumed.service}",
        "type": consumed.type,
        "subject": subject,
        "time": "2026-11-20T08:00:00Z",
        "datacontenttype": "application/json",
        "data": data,
    }


async def publish(stack: Stack, consumed: ConsumedEvent[Any], *envelopes: dict[str, Any]) -> None:
    """Each envelope on the producer's subject under a new message id: past the stream's
    duplicate window, the event id (monitoring's inbox) is the only guard left."""
    nc = await nats.connect(stack.infra.nats_url)
    try:
        js = nc.jetstream()
        for envelope in envelopes:
            await js.publish(
                consumed.nats_subject, json.dumps(envelope).encode(), headers={"Nats-Msg-Id": new_id()}
            )
    finally:
        await nc.close()


async def drained(stack: Stack) -> bool:
    """Monitoring's consumer of employment's stream has nothing pending or unacknowledged."""
    nc = await nats.connect(stack.infra.nats_url)
    try:
        info = await nc.jetstream().consumer_info("XIANJIE_EMPLOYMENT", "monitoring")
        return info.num_pending == 0 and info.num_ack_pending == 0
    finally:
        await nc.close()


# -- households and members as monitoring announces them, for other services' projections ---------
# Built from monitoring's own EventSpecs, so the synthetic events are the real contract.


def household_changed(
    household_id: str,
    village_code: str = KEJING_VILLAGE,
    *,
    lifted_out: bool = True,
    status: str = "not_monitored",
    subtype: str | None = None,
    version: int = 1,
) -> CloudEvent:
    payload = HouseholdChanged(
        household_id=uuid.UUID(household_id),
        town_code=village_code[:9],
        village_code=village_code,
        lifted_out=lifted_out,
        status=status,
        subtype=subtype,
        version=version,
    )
    return HOUSEHOLD_CHANGED.envelope(household_id, payload)


def member_changed(
    member_id: str, household_id: str, *, active: bool = True, labour: str = "ordinary", version: int = 1
) -> CloudEvent:
    payload = MemberChanged(
        member_id=uuid.UUID(member_id),
        household_id=uuid.UUID(household_id),
        labour=labour,
        active=active,
        version=version,
    )
    return MEMBER_CHANGED.envelope(member_id, payload)
