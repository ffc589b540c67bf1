"""Small async helpers for the assets tests: synthetic funds events and assets walked along their life."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import nats
from sqlalchemy import text

from services.funds.projects.events import PROJECT_ACCEPTED
from shared.events.envelope import CloudEvent
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth, eventually, new_id

ASSETS = "/api/assets/v1/assets"


def asset_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "北大河村光伏帮扶电站",
        "kind": "operating",
        "category": "光伏电站",
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "value": "860000.00",
        "formed_on": "2025-06-30",
        "owner_kind": "village_collective",
    }
    body.update(overrides)
    return body


def accepted_line(ref: str, **overrides: Any) -> dict[str, Any]:
    line: dict[str, Any] = {
        "asset_ref": ref,
        "name": f"项目资产{ref}",
        "kind": "operating",
        "category": "冷库",
        "value": "120000.00",
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "owner_kind": "village_collective",
    }
    line.update(overrides)
    return line


def project_accepted(project_id: str, lines: list[dict[str, Any]], **overrides: Any) -> CloudEvent:
    data: dict[str, Any] = {
        "project_id": project_id,
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "category": "industry",
        "year": 2025,
        "accepted_on": "2025-11-20",
        "total_investment": "300000.00",
        "fund_shares": [{"fund_id": new_id(), "source": "central", "amount": "300000.00"}],
        "assets": lines,
        "a_field_we_do_not_know": True,  # a newer producer: ignored, not refused
    }
    data.update(overrides)
    return CloudEvent(
        id=uuid.uuid4(),
        source=PROJECT_ACCEPTED.source,
        type=PROJECT_ACCEPTED.type,
        subject=project_id,
        time=datetime.now(UTC),
        data=data,
    )


async def publish(nats_url: str, event: CloudEvent, msg_id: str | None = None) -> None:
    nc = await nats.connect(nats_url)
    try:
        await nc.jetstream().publish(
            PROJECT_ACCEPTED.nats_subject,
            event.model_dump_json().encode(),
            headers={"Nats-Msg-Id": msg_id or str(event.id)},
        )
    finally:
        await nc.close()


async def projected(stack: Stack, project_id: str) -> None:
    """Wait until assets has taken funds' acceptance of ``project_id`` into its projection."""

    async def arrived() -> bool:
        async with stack.db("assets").engine.connect() as conn:
            return bool(
                await conn.scalar(
                    text("SELECT count(*) FROM assets.source_projects WHERE project_id = :id"),
                    {"id": project_id},
                )
            )

    await eventually(arrived, timeout=30)


async def known_project(stack: Stack, lines: list[dict[str, Any]] | None = None, **overrides: Any) -> str:
    """A project funds accepted (delivered as a synthetic event), once assets has taken it in;
    ``overrides`` change the event's payload (e.g. its town and village)."""
    project_id = new_id()
    await publish(stack.infra.nats_url, project_accepted(project_id, lines or [], **overrides))
    await projected(stack, project_id)
    return project_id


async def create_asset(api: httpx.AsyncClient, token: str, **overrides: Any) -> dict[str, Any]:
    resp = await api.post(ASSETS, json=asset_body(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def step(
    api: httpx.AsyncClient, token: str, asset: dict[str, Any], body: dict[str, Any]
) -> httpx.Response:
    return await api.post(
        f"{ASSETS}/{asset['id']}/lifecycle",
        json={"occurred_on": "2025-08-01", **body},
        headers=auth(token, **{"If-Match": f'"{asset["version"]}"'}),
    )


async def operating_asset(api: httpx.AsyncClient, token: str, **overrides: Any) -> dict[str, Any]:
    """An asset walked through 确权 → 移交 → 管护运营."""
    asset = await create_asset(api, token, **overrides)
    for body in (
        {
            "action": "confirm_ownership",
            "owner_kind": "village_collective",
            "owner_name": "北大河村股份经济合作社",
        },
        {"action": "hand_over", "manager_name": "北大河村股份经济合作社"},
        {"action": "start_operation"},
    ):
        resp = await step(api, token, asset, body)
        assert resp.status_code == 200, resp.text
        asset = resp.json()
    return asset


async def earning_asset(
    api: httpx.AsyncClient, token: str, revenue: str = "100000.00", **overrides: Any
) -> dict[str, Any]:
    """An operating asset with ``revenue`` recorded for November 2025 (what a 2025 distribution may share)."""
    asset = await operating_asset(api, token, **overrides)
    resp = await api.post(
        f"{ASSETS}/{asset['id']}/monthly-records",
        json={"month": "2025-11-01", "revenue": revenue, "utilisation": "0.9000"},
        headers=auth(token),
    )
    assert resp.status_code == 201, resp.text
    return asset
