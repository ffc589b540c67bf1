"""Small factories driving funds-service data through the gateway (each asserts its own success)."""

from __future__ import annotations

import asyncio
from typing import Any, NamedTuple

import httpx
import nats
import nats.js.errors
from sqlalchemy import text

from services.funds.app import PUBLISHED
from services.monitoring.households.events import (
    HOUSEHOLD_CHANGED,
    MEMBER_CHANGED,
)
from shared.events.envelope import CloudEvent, EventPayload
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth, eventually, new_id
from tests.monitoring.factories import household_changed, member_changed

SPECS = {spec.type: spec for spec in PUBLISHED}
API = "/api/funds/v1"
PROJECTS = f"{API}/projects"
TARGETS = [
    {"kind": "output", "name": "新建食用菌大棚", "unit": "座", "target": "20"},
    {"kind": "benefit", "name": "带动脱贫户增收", "unit": "户", "target": "30"},
    {"kind": "satisfaction", "name": "受益群众满意度", "unit": "%", "target": "90"},
]


def project_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "北大河村食用菌大棚",
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "category": "industry",
        "year": 2025,
        "planned_amount": "1200000.00",
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


async def new_project(api: httpx.AsyncClient, token: str, **overrides: Any) -> dict[str, Any]:
    resp = await api.post(PROJECTS, json=project_body(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def new_fund(
    api: httpx.AsyncClient, token: str, amount: str = "1000000.00", source: str = "central", year: int = 2025
) -> dict[str, Any]:
    resp = await api.post(
        f"{API}/funds",
        json={"year": year, "source": source, "name": f"{year}年{source}衔接资金", "amount": amount},
        headers=auth(token),
    )
    assert resp.status_code == 201, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def version(api: httpx.AsyncClient, token: str, project_id: str) -> str:
    resp = await api.get(f"{PROJECTS}/{project_id}", headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.headers["etag"]


async def step(
    api: httpx.AsyncClient, token: str, project_id: str, to: str, *, etag: str | None = None
) -> httpx.Response:
    etag = etag or await version(api, token, project_id)
    body = {"to": to, "reason": f"推进到 {to}", "documents": ["济农〔2025〕1号"]}
    return await api.post(
        f"{PROJECTS}/{project_id}/steps", json=body, headers=auth(token, **{"If-Match": etag})
    )


async def must_step(api: httpx.AsyncClient, token: str, project_id: str, *statuses: str) -> dict[str, Any]:
    body: dict[str, Any] = {}
    for to in statuses:
        resp = await step(api, token, project_id, to)
        assert resp.status_code == 200, resp.text
        body = resp.json()
    return body


async def set_targets(api: httpx.AsyncClient, token: str, project_id: str) -> httpx.Response:
    etag = await version(api, token, project_id)
    return await api.put(
        f"{PROJECTS}/{project_id}/performance-targets",
        json={"indicators": TARGETS},
        headers=auth(token, **{"If-Match": etag}),
    )


async def allocate(
    api: httpx.AsyncClient, token: str, fund_id: str, project_id: str, amount: str
) -> httpx.Response:
    return await api.post(
        f"{API}/funds/{fund_id}/allocations",
        json={"project_id": project_id, "amount": amount},
        headers=auth(token),
    )


async def pay(
    api: httpx.AsyncClient, token: str, allocation_id: str, amount: str, paid_on: str = "2025-06-15"
) -> httpx.Response:
    body = {"allocation_id": allocation_id, "amount": amount, "paid_on": paid_on, "voucher": "付2025-001"}
    return await api.post(f"{API}/payments", json=body, headers=auth(token))


async def planned_project(api: httpx.AsyncClient, admin: str, **overrides: Any) -> dict[str, Any]:
    """A project taken through entry review into the year's plan, ready for allocations."""
    project = await new_project(api, admin, **overrides)
    assert (await set_targets(api, admin, project["id"])).status_code == 200
    return await must_step(api, admin, project["id"], "in_review", "in_library", "planned")


async def funded_project(
    api: httpx.AsyncClient, admin: str, fund_id: str, amount: str, **overrides: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A project under way with one allocation of ``amount`` from the fund: (project, allocation)."""
    project = await planned_project(api, admin, **overrides)
    resp = await allocate(api, admin, fund_id, project["id"], amount)
    assert resp.status_code == 201, resp.text
    project = await must_step(api, admin, project["id"], "approved", "in_progress")
    return project, resp.json()


async def settled(stack: Stack) -> None:
    """Wait until the funds outbox is published and no consumer between funds and assets has work
    left (the asset registry reacts to project.accepted on its own; let that chain come to rest)."""

    async def quiet() -> bool:
        if await count(stack, "outbox", "published_at IS NULL"):
            return False
        nc = await nats.connect(stack.infra.nats_url)
        try:
            js = nc.jetstream()
            for stream, consumer in (("XIANJIE_FUNDS", "assets"), ("XIANJIE_ASSETS", "funds")):
                try:
                    info = await js.consumer_info(stream, consumer)
                except nats.js.errors.NotFoundError:
                    continue
                if info.num_pending or info.num_ack_pending:
                    return False
            return True
        finally:
            await nc.close()

    await eventually(quiet, timeout=30)
    await asyncio.sleep(0.3)  # a handler that fetched its batch may still be committing
    await eventually(quiet, timeout=30)


async def count(stack: Stack, table: str, where: str = "true") -> int:
    async with stack.db("funds").engine.connect() as conn:
        return int(await conn.scalar(text(f"SELECT count(*) FROM funds.{table} WHERE {where}")) or 0)


async def scalar(stack: Stack, sql: str, **params: Any) -> Any:
    async with stack.db("funds").engine.connect() as conn:
        return await conn.scalar(text(sql), params)


async def published_payloads(stack: Stack) -> list[tuple[str, EventPayload]]:
    """Every event in the funds outbox, in order, its data read back through its EventSpec's model:
    a field the code forgot, or one the model does not know, fails here."""
    async with stack.db("funds").engine.connect() as conn:
        rows = (
            await conn.execute(text("SELECT nats_subject, envelope FROM funds.outbox ORDER BY position"))
        ).all()
    return [
        (subject, SPECS[envelope["type"]].payload.model_validate(envelope["data"]))
        for subject, envelope in rows
    ]


# -- monitoring's households and members, as monitoring announces them ----------------------------
# Synthetic events on the real NATS, built from monitoring's own EventSpecs.


async def publish_monitoring(stack: Stack, *events: CloudEvent) -> None:
    subjects = {spec.type: spec.nats_subject for spec in (HOUSEHOLD_CHANGED, MEMBER_CHANGED)}
    nc = await nats.connect(stack.infra.nats_url)
    try:
        for event in events:
            await nc.jetstream().publish(
                subjects[event.type], event.model_dump_json().encode(), headers={"Nats-Msg-Id": str(event.id)}
            )
    finally:
        await nc.close()


async def projected(stack: Stack, table: str, row_id: str, version: int = 1) -> None:
    """Wait until funds' projection holds ``row_id`` at ``version`` (or newer)."""
    where = f"id = '{row_id}' AND version >= {version}"
    await eventually(lambda: count(stack, table, where), timeout=30)


def loan(**overrides: Any) -> dict[str, Any]:
    """A loan's body; its household and member are made up unless given (see known_borrower)."""
    body = {
        "household_id": new_id(),
        "member_id": new_id(),
        "borrower_kind": "lifted_out",
        "village_code": KEJING_VILLAGE,
        "lender": "济源农商银行",
        "amount": "50000.00",
        "term_months": 36,
        "issued_on": "2023-01-10",
    }
    return {**body, **overrides}


class Borrower(NamedTuple):
    household_id: str
    member_id: str


async def record_loan(
    api: httpx.AsyncClient, token: str, borrower: Borrower, **overrides: Any
) -> httpx.Response:
    return await api.post(f"{API}/loans", json=loan(**borrower._asdict(), **overrides), headers=auth(token))


async def known_borrower(stack: Stack, village_code: str = KEJING_VILLAGE, **household: Any) -> Borrower:
    """A household of one member that monitoring announced and funds has projected; ``household``
    changes the household's event (lifted_out, status, subtype, version)."""
    borrower = Borrower(new_id(), new_id())
    await publish_monitoring(
        stack,
        household_changed(borrower.household_id, village_code, **household),
        member_changed(borrower.member_id, borrower.household_id),
    )
    await projected(stack, "projected_households", borrower.household_id, household.get("version", 1))
    await projected(stack, "projected_members", borrower.member_id)
    return borrower
