"""The contract other services project: household.changed and member.changed, one event per change of
a field they carry, with the row's new version, in the change's transaction (ledger imports:
tests/monitoring/test_import.py)."""

from __future__ import annotations

from typing import Any

import httpx

from services.monitoring.households.events import HOUSEHOLD_CHANGED, MEMBER_CHANGED
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth
from tests.monitoring.factories import HOUSEHOLDS, announced, create_household, include, member


async def patch(api: httpx.AsyncClient, token: str, url: str, version: int, **body: Any) -> dict[str, Any]:
    resp = await api.patch(url, json=body, headers=auth(token, **{"If-Match": f'"{version}"'}))
    assert resp.status_code == 200, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def test_registration_announces_the_household_and_each_member_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = await create_household(
        api,
        tokens["village_beidahe"],
        members=[member(), member(name="李秀英", relation="spouse", labour="weak")],
    )
    [(envelope, household)] = await announced(stack, HOUSEHOLD_CHANGED)
    assert (
        envelope["subject"] == created["id"]
        and envelope["type"] == "cn.xianjie.monitoring.household.changed.v1"
    )
    assert household.model_dump(mode="json") == {
        "household_id": created["id"],
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "lifted_out": True,
        "status": "not_monitored",
        "subtype": None,
        "version": 1,
        "cancelled_on": None,
    }
    members = await announced(stack, MEMBER_CHANGED)
    assert sorted((m.labour, m.active, m.version) for _, m in members) == [
        ("ordinary", True, 1),
        ("weak", True, 1),
    ]
    assert all(e["subject"] == str(m.member_id) and str(m.household_id) == created["id"] for e, m in members)
    assert "王建国" not in str(members) and "李秀英" not in str(members)


async def test_a_household_change_is_announced_only_when_a_carried_field_changes(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    created = await create_household(api, admin, kind="ordinary")
    url = f"{HOUSEHOLDS}/{created['id']}"
    renamed = await patch(api, admin, url, 1, head_name="王建民", address="北大河村四组")
    relabelled = await patch(api, admin, url, renamed["version"], kind="lifted_out")
    events = [p for _, p in await announced(stack, HOUSEHOLD_CHANGED)]
    assert [(p.lifted_out, p.version) for p in events] == [(False, 1), (True, relabelled["version"])]
    assert relabelled["version"] == 3  # the rename took version 2 and told nobody


async def test_each_workflow_step_announces_the_new_status_with_the_new_version(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = await create_household(api, tokens["admin"])
    included = await include(api, tokens, created["id"], stack)
    events = [p for _, p in await announced(stack, HOUSEHOLD_CHANGED)]
    assert [(p.status, p.subtype) for p in events] == [
        ("not_monitored", None),
        ("verifying", None),
        ("village_review", "unstable"),
        ("public_notice", "unstable"),
        ("town_review", "unstable"),
        ("district_approval", "unstable"),
        ("included", "unstable"),
    ]
    versions = [p.version for p in events]
    assert versions == sorted(set(versions)) and versions[-1] == included["version"]
    assert all(p.lifted_out for p in events)


async def test_a_member_change_is_announced_only_when_a_carried_field_changes(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    created = await create_household(api, admin)
    added = await api.post(f"{HOUSEHOLDS}/{created['id']}/members", json=member(), headers=auth(admin))
    assert added.status_code == 201, added.text
    url = f"{HOUSEHOLDS}/{created['id']}/members/{added.json()['id']}"
    renamed = await patch(api, admin, url, 1, name="王建民")
    weakened = await patch(api, admin, url, renamed["version"], labour="lost")
    events = [p for _, p in await announced(stack, MEMBER_CHANGED)]
    assert [(str(p.member_id), p.labour, p.version) for p in events] == [
        (added.json()["id"], "ordinary", 1),
        (added.json()["id"], "lost", weakened["version"]),
    ]


async def test_the_contract_is_in_the_asyncapi_document(api: httpx.AsyncClient) -> None:
    document = (await api.get("/asyncapi.json")).json()
    addresses = {c["address"] for c in document["channels"].values()}
    assert {HOUSEHOLD_CHANGED.nats_subject, MEMBER_CHANGED.nats_subject} <= addresses
