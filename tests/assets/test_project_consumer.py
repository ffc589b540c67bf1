"""funds' project.accepted → assets opened pending ownership, exactly once, each announced
(synthetic CloudEvents on the real NATS, as funds will publish them)."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import text

from tests.assets.factories import ASSETS, accepted_line, project_accepted, publish
from tests.conftest import Stack
from tests.helpers import KEJING_OTHER_VILLAGE, auth, eventually, new_id


async def opened(api: httpx.AsyncClient, token: str, project_id: str) -> list[dict[str, Any]]:
    resp = await api.get(ASSETS, params={"source_project_id": project_id}, headers=auth(token))
    return list(resp.json()["items"])


async def registered_events(stack: Stack) -> list[dict[str, Any]]:
    async with stack.db("assets").engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT envelope FROM assets.outbox WHERE nats_subject = 'xianjie.assets.asset.registered'")
        )
        return [r[0] for r in rows]


LINES = [
    accepted_line("1", name="北大河村光伏帮扶电站", category="光伏电站", value="860000.00"),
    accepted_line(
        "2", kind="public_welfare", category="道路", value="150000.50", village_code=KEJING_OTHER_VILLAGE
    ),
]


async def accepted_project(
    api: httpx.AsyncClient, stack: Stack, admin: str, lines: list[dict[str, Any]] = LINES
) -> tuple[str, dict[str, dict[str, Any]]]:
    """A project accepted with ``lines``, once its assets are open: the project id and the assets by ref."""
    project_id = new_id()
    await publish(stack.infra.nats_url, project_accepted(project_id, lines))
    items = await eventually(lambda: _count(api, admin, project_id, len(lines)), timeout=30)
    return project_id, {a["source_asset_ref"]: a for a in items}


async def test_an_accepted_project_opens_its_assets_pending_confirmation(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project_id, by_ref = await accepted_project(api, stack, tokens["admin"])
    assert set(by_ref) == {"1", "2"}
    pv = by_ref["1"]
    assert pv["status"] == "formed" and pv["status_label"] == "已形成（待确权）"
    assert (
        pv["name"] == "北大河村光伏帮扶电站" and pv["category"] == "光伏电站" and pv["value"] == "860000.00"
    )
    assert pv["formed_on"] == "2025-11-20" and pv["source_project_id"] == project_id
    assert by_ref["2"]["kind"] == "public_welfare" and by_ref["2"]["value"] == "150000.50"


async def test_a_redelivered_or_reannounced_project_opens_each_asset_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    project_id = new_id()
    event = project_accepted(project_id, LINES)
    await publish(stack.infra.nats_url, event)
    await eventually(lambda: _count(api, admin, project_id, 2), timeout=30)

    # The same event again (a redelivery under another message id), and the project announced a
    # second time under a new event id: the inbox drops the first, the unique (project, ref) the second.
    await publish(stack.infra.nats_url, event, msg_id=new_id())
    again = project_accepted(project_id, [*LINES, accepted_line("3", value="1000.00")])
    await publish(stack.infra.nats_url, again)
    items = await eventually(lambda: _count(api, admin, project_id, 3), timeout=30)
    assert sorted(a["source_asset_ref"] for a in items) == ["1", "2", "3"]
    events = [e for e in await registered_events(stack) if e["data"]["source_project_id"] == project_id]
    assert sorted(e["data"]["source_asset_ref"] for e in events) == ["1", "2", "3"]


async def test_each_opened_asset_is_announced_with_ids_and_codes(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project_id, by_ref = await accepted_project(api, stack, tokens["admin"])
    pv = by_ref["1"]
    events = [e for e in await registered_events(stack) if e["data"]["source_project_id"] == project_id]
    first = next(e for e in events if e["data"]["source_asset_ref"] == "1")
    assert first["subject"] == pv["id"] and first["type"] == "cn.xianjie.assets.asset.registered.v1"
    assert first["data"] == {
        "asset_id": pv["id"],
        "town_code": pv["town_code"],
        "village_code": pv["village_code"],
        "kind": "operating",
        "owner_kind": "village_collective",
        "value": "860000.00",
        "source_project_id": project_id,
        "source_asset_ref": "1",
    }
    assert "光伏" not in str(first)


async def test_the_card_shows_the_source_project_and_the_registration_by_event(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project_id, by_ref = await accepted_project(api, stack, tokens["admin"])
    card = (await api.get(f"{ASSETS}/{by_ref['1']['id']}/card", headers=auth(tokens["admin"]))).json()
    assert card["source_project"]["project_id"] == project_id
    assert (
        card["source_project"]["year"] == 2025 and card["source_project"]["total_investment"] == "300000.00"
    )
    assert card["source_project"]["fund_shares"][0]["amount"] == "300000.00"
    [registration] = card["history"]
    assert registration["action"] == "register" and registration["actor"] == "event:/xianjie/funds"
    assert registration["to_status"] == "formed" and registration["occurred_on"] == "2025-11-20"


async def test_territorial_scope_holds_for_assets_opened_from_events(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project_id, _ = await accepted_project(
        api, stack, tokens["admin"], [*LINES, accepted_line("3", value="1000.00")]
    )
    village = await opened(api, tokens["village_beidahe"], project_id)
    assert {a["source_asset_ref"] for a in village} == {"1", "3"}


async def test_a_known_project_may_be_named_by_a_hand_registration(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project_id, by_ref = await accepted_project(api, stack, tokens["admin"])
    manual = await api.post(
        ASSETS,
        json={
            "name": "补登设备",
            "kind": "operating",
            "category": "设备",
            "town_code": by_ref["1"]["town_code"],
            "village_code": by_ref["1"]["village_code"],
            "value": "5000.00",
            "formed_on": "2025-11-20",
            "owner_kind": "village_collective",
            "source_project_id": project_id,
        },
        headers=auth(tokens["admin"]),
    )
    assert manual.status_code == 201 and manual.json()["source_asset_ref"] is None


async def _count(api: httpx.AsyncClient, token: str, project_id: str, n: int) -> list[dict[str, Any]] | None:
    items = await opened(api, token, project_id)
    return items if len(items) == n else None


async def test_event_naming_an_unknown_village_is_parked_and_writes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project_id = new_id()
    event = project_accepted(
        project_id, [accepted_line("1"), accepted_line("2", village_code="419001100999")]
    )
    await publish(stack.infra.nats_url, event)

    async def parked() -> list[dict[str, Any]]:
        resp = await api.get("/api/assets/v1/ops/parked-events", headers=auth(tokens["admin"]))
        return [p for p in resp.json() if p["event_id"] == str(event.id)]

    [entry] = await eventually(parked, timeout=30)
    assert "unknown village" in entry["error"]
    assert await opened(api, tokens["admin"], project_id) == []
    async with stack.db("assets").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM assets.source_projects")) == 0
        assert await conn.scalar(text("SELECT count(*) FROM assets.assets")) == 0
        assert await conn.scalar(text("SELECT count(*) FROM assets.outbox")) == 0


async def test_event_with_a_negative_value_is_parked(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    event = project_accepted(new_id(), [accepted_line("1", value="-1.00")])
    await publish(stack.infra.nats_url, event)

    async def parked() -> list[dict[str, Any]]:
        resp = await api.get("/api/assets/v1/ops/parked-events", headers=auth(tokens["admin"]))
        return [p for p in resp.json() if p["event_id"] == str(event.id)]

    await eventually(parked, timeout=30)
    async with stack.db("assets").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM assets.assets")) == 0
