"""An asset's life: 确权 → 移交 → 管护运营 → 处置 (with approval), illegal steps refused, each step kept."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.assets.factories import ASSETS, create_asset, operating_asset, step
from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth

APPROVAL = {"approved_by": "克井镇人民政府", "approval_ref": "克政〔2025〕12号", "approved_on": "2025-09-01"}
DISPOSE = {
    "action": "dispose",
    "method": "scrap",
    "reason": "设备老化报废",
    "approval": APPROVAL,
    "occurred_on": "2025-09-10",
}


async def counts(stack: Stack) -> tuple[int, int, int]:
    async with stack.db("assets").engine.connect() as conn:
        steps = await conn.scalar(text("SELECT count(*) FROM assets.lifecycle_steps"))
        events = await conn.scalar(text("SELECT count(*) FROM assets.outbox"))
        audit = await conn.scalar(text("SELECT count(*) FROM assets.audit_log"))
    return steps, events, audit


async def whole_life(api: httpx.AsyncClient, town: str) -> list[httpx.Response]:
    """A town official's asset walked from registration to disposal: the answer to each step."""
    asset = await create_asset(api, town)
    answers: list[httpx.Response] = []
    for body in (
        {
            "action": "confirm_ownership",
            "owner_kind": "village_collective",
            "owner_name": "北大河村股份经济合作社",
            "reason": "项目验收后确权",
            "documents": [{"title": "确权登记表", "ref": "KJ-2025-001"}],
        },
        {"action": "hand_over", "manager_name": "北大河村光伏运维队"},
        {"action": "start_operation"},
        DISPOSE,
    ):
        answers.append(await step(api, town, answers[-1].json() if answers else asset, body))
        assert answers[-1].status_code == 200, answers[-1].text
    return answers


async def test_an_asset_walks_its_whole_life(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    confirmed, handed, running, disposed = await whole_life(api, tokens["town_kejing"])
    assert confirmed.headers["etag"] == '"2"' and confirmed.json()["status"] == "ownership_confirmed"
    assert confirmed.json()["owner_name"] == "北大河村股份经济合作社"
    assert handed.json()["manager_name"] == "北大河村光伏运维队"
    assert running.json()["status_label"] == "管护运营中"
    assert disposed.json()["status"] == "disposed"


async def test_the_card_keeps_every_step_with_its_actor_documents_and_approval(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    *_, disposed = await whole_life(api, tokens["town_kejing"])
    card = (await api.get(f"{ASSETS}/{disposed.json()['id']}/card", headers=auth(tokens["auditor"]))).json()
    history = card["history"]
    assert [h["action"] for h in history] == [
        "register",
        "confirm_ownership",
        "hand_over",
        "start_operation",
        "dispose",
    ]
    assert [h["to_status"] for h in history][-1] == "disposed"
    assert all(h["actor_role"] == "town_official" for h in history)
    assert history[1]["documents"] == [{"title": "确权登记表", "ref": "KJ-2025-001"}]
    assert history[1]["reason"] == "项目验收后确权" and history[1]["action_label"] == "确权"
    assert history[4]["approval_ref"] == "克政〔2025〕12号" and history[4]["disposal_method_label"] == "报废"
    assert history[4]["from_status"] == "in_operation"


async def test_every_step_is_announced_without_names(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await whole_life(api, tokens["town_kejing"])
    async with stack.db("assets").engine.connect() as conn:
        changes = (
            (
                await conn.execute(
                    text(
                        "SELECT envelope->'data' FROM assets.outbox"
                        " WHERE nats_subject = 'xianjie.assets.asset.status_changed' ORDER BY position"
                    )
                )
            )
            .scalars()
            .all()
        )
    assert [(c["from_status"], c["to_status"]) for c in changes] == [
        ("formed", "ownership_confirmed"),
        ("ownership_confirmed", "handed_over"),
        ("handed_over", "in_operation"),
        ("in_operation", "disposed"),
    ]
    assert "北大河" not in str(changes)


async def test_every_step_and_the_auditors_read_are_on_record(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    *_, disposed = await whole_life(api, tokens["town_kejing"])
    await api.get(f"{ASSETS}/{disposed.json()['id']}/card", headers=auth(tokens["auditor"]))
    async with stack.db("assets").engine.connect() as conn:
        actions = (
            (await conn.execute(text("SELECT action FROM assets.audit_log ORDER BY id"))).scalars().all()
        )
    assert actions == ["create", "confirm_ownership", "hand_over", "start_operation", "dispose", "read"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"action": "hand_over", "manager_name": "运维队"}, "formed"),
        ({"action": "start_operation"}, "formed"),
        (DISPOSE, "formed"),
    ],
)
async def test_illegal_steps_are_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, body: dict[str, Any], status: str
) -> None:
    asset = await create_asset(api, tokens["admin"])
    before = await counts(stack)
    resp = await step(api, tokens["admin"], asset, body)
    assert resp.status_code == 409 and resp.json()["code"] == "invalid_transition", resp.text
    assert "已形成" in resp.json()["detail"]
    assert (await api.get(f"{ASSETS}/{asset['id']}", headers=auth(tokens["admin"]))).json()[
        "status"
    ] == status
    assert await counts(stack) == before


async def test_a_step_cannot_be_taken_twice_or_backwards(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    asset = await operating_asset(api, admin)
    again = await step(api, admin, asset, {"action": "start_operation"})
    assert again.status_code == 409
    back = await step(
        api, admin, asset, {"action": "confirm_ownership", "owner_kind": "other", "owner_name": "x"}
    )
    assert back.status_code == 409


async def test_no_correction_after_confirmation(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    asset = await operating_asset(api, admin)
    fix = await api.patch(
        f"{ASSETS}/{asset['id']}",
        json={"value": "1.00"},
        headers=auth(admin, **{"If-Match": f'"{asset["version"]}"'}),
    )
    assert fix.status_code == 409 and fix.json()["code"] == "invalid_transition"


async def test_a_disposed_asset_takes_no_further_step(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    gone = (await step(api, admin, await operating_asset(api, admin), DISPOSE)).json()
    after = await step(api, admin, gone, DISPOSE)
    assert after.status_code == 409 and "已处置" in after.json()["detail"]


async def test_a_disposal_without_a_complete_approval_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    asset = await operating_asset(api, tokens["admin"])
    before = await counts(stack)
    no_approval = await step(api, tokens["admin"], asset, {**DISPOSE, "approval": None})
    assert no_approval.status_code == 422 and no_approval.json()["code"] == "disposal_not_approved"
    assert "审批" in no_approval.json()["detail"]
    no_reason = await step(api, tokens["admin"], asset, {**DISPOSE, "reason": None})
    assert no_reason.status_code == 422 and no_reason.json()["errors"][0]["field"] == "reason"
    late_approval = await step(api, tokens["admin"], asset, {**DISPOSE, "occurred_on": "2025-08-01"})
    assert (
        late_approval.status_code == 422
        and late_approval.json()["errors"][0]["field"] == "approval.approved_on"
    )
    bad_method = await step(api, tokens["admin"], asset, {**DISPOSE, "method": "sell_cheap"})
    assert bad_method.status_code == 422
    assert await counts(stack) == before
    assert (await api.get(f"{ASSETS}/{asset['id']}", headers=auth(tokens["admin"]))).json()[
        "status"
    ] == "in_operation"


async def test_village_cadres_may_not_dispose(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    asset = await operating_asset(api, tokens["admin"])
    before = await counts(stack)
    village = await step(api, tokens["village_beidahe"], asset, DISPOSE)
    assert village.status_code == 403 and village.json()["code"] == "forbidden"
    assert await counts(stack) == before


async def test_the_database_refuses_an_unapproved_disposal(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """Even if a code path forgot to check."""
    asset = await create_asset(api, tokens["admin"])
    with pytest.raises(IntegrityError, match="disposal_approved"):
        async with stack.db("assets").engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO assets.lifecycle_steps (id, asset_id, action, to_status, occurred_on, documents,"
                    " actor, actor_role) VALUES (gen_random_uuid(), :id, 'dispose', 'disposed', '2025-09-10',"
                    " '[]', 'x', 'district_admin')"
                ),
                {"id": asset["id"]},
            )


CONFIRM = {
    "action": "confirm_ownership",
    "owner_kind": "village_collective",
    "owner_name": "北大河村",
    "occurred_on": "2025-08-01",
}


async def test_a_step_needs_the_current_version(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    url = f"{ASSETS}/{(await create_asset(api, tokens['admin']))['id']}/lifecycle"
    town = tokens["town_kejing"]
    missing = await api.post(url, json=CONFIRM, headers=auth(town))
    assert missing.status_code == 428
    stale = await api.post(url, json=CONFIRM, headers=auth(town, **{"If-Match": '"7"'}))
    assert stale.status_code == 412 and stale.headers["etag"] == '"1"'


async def test_another_towns_asset_is_not_found(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    wangwu = await create_asset(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    town = tokens["town_kejing"]
    assert (await step(api, town, wangwu, CONFIRM)).status_code == 404
    assert (await api.get(f"{ASSETS}/{wangwu['id']}/card", headers=auth(town))).status_code == 404


async def test_readers_and_helpers_may_not_take_steps(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    asset = await create_asset(api, tokens["admin"])
    before = await counts(stack)
    for caller in ("auditor", "dept_hrss", "integrator_hrss", "helper_wang"):
        refused = await step(api, tokens[caller], asset, CONFIRM)
        assert refused.status_code == 403, caller
    assert await counts(stack) == before


async def test_an_unknown_step_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    asset = await create_asset(api, tokens["admin"])
    assert (await step(api, tokens["town_kejing"], asset, {"action": "sell"})).status_code == 422


async def test_a_retried_step_is_taken_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    url = f"{ASSETS}/{(await create_asset(api, tokens['admin']))['id']}/lifecycle"
    key = {"Idempotency-Key": "confirm-1", "If-Match": '"1"'}
    first = await api.post(url, json=CONFIRM, headers=auth(tokens["town_kejing"], **key))
    replay = await api.post(url, json=CONFIRM, headers=auth(tokens["town_kejing"], **key))
    assert first.status_code == replay.status_code == 200
    assert replay.headers.get("idempotent-replayed") == "true" and replay.json() == first.json()
    async with stack.db("assets").engine.connect() as conn:
        steps = await conn.scalar(
            text("SELECT count(*) FROM assets.lifecycle_steps WHERE action = 'confirm_ownership'")
        )
    assert steps == 1
