"""The project library's life through the gateway: steps, entry rules, performance, acceptance,
the accepted event for the asset registry, and the asset registry's events linking assets back."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import nats

from shared.events.envelope import CloudEvent
from tests.conftest import Stack
from tests.e2e.test_event_delivery import stream_messages
from tests.funds.factories import (
    PROJECTS,
    allocate,
    count,
    funded_project,
    must_step,
    new_fund,
    new_project,
    pay,
    scalar,
    set_targets,
    settled,
    step,
    version,
)
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU_VILLAGE, auth, eventually

ASSETS = [
    {
        "asset_ref": "1",
        "name": "食用菌大棚",
        "kind": "operating",
        "category": "农业设施",
        "value": "800000.00",
        "village_code": KEJING_VILLAGE,
        "owner_kind": "village_collective",
    },
    {
        "asset_ref": "2",
        "name": "产业路",
        "kind": "public_welfare",
        "category": "道路",
        "value": "200000.00",
        "village_code": KEJING_OTHER_VILLAGE,
        "owner_kind": "village_collective",
    },
]


async def evaluate(api: httpx.AsyncClient, token: str, project_id: str) -> httpx.Response:
    dossier = (await api.get(f"{PROJECTS}/{project_id}/dossier", headers=auth(token))).json()
    actuals = [{"indicator_id": i["id"], "actual": i["target"]} for i in dossier["indicators"]]
    body = {"evaluated_on": "2025-11-20", "conclusion": "绩效目标全部完成", "actuals": actuals}
    etag = await version(api, token, project_id)
    return await api.post(
        f"{PROJECTS}/{project_id}/performance-evaluation",
        json=body,
        headers=auth(token, **{"If-Match": etag}),
    )


async def accept(
    api: httpx.AsyncClient, token: str, project_id: str, assets: list[dict[str, Any]]
) -> httpx.Response:
    etag = await version(api, token, project_id)
    body = {
        "accepted_on": "2025-11-28",
        "reason": "验收合格",
        "documents": ["验收报告2025-07"],
        "assets": assets,
    }
    return await api.post(
        f"{PROJECTS}/{project_id}/acceptance", json=body, headers=auth(token, **{"If-Match": etag})
    )


async def accepted_project(api: httpx.AsyncClient, tokens: dict[str, str]) -> dict[str, Any]:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="1000000.00")
    district = await new_fund(api, admin, amount="500000.00", source="district")
    project, allocation = await funded_project(api, admin, fund["id"], "900000.00")
    assert (await allocate(api, admin, district["id"], project["id"], "100000.00")).status_code == 201
    assert (await pay(api, tokens["town_kejing"], allocation["id"], "900000.00")).status_code == 201
    await must_step(api, tokens["town_kejing"], project["id"], "completed")
    assert (await evaluate(api, tokens["town_kejing"], project["id"])).status_code == 200
    resp = await accept(api, admin, project["id"], ASSETS)
    assert resp.status_code == 200, resp.text
    return {**resp.json(), "fund_ids": {"central": fund["id"], "district": district["id"]}}


async def test_full_life_of_a_project(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    project = await new_project(api, tokens["village_beidahe"])
    pid = project["id"]
    assert (await step(api, tokens["village_beidahe"], pid, "in_review")).status_code == 200
    no_targets = await step(api, admin, pid, "in_library")
    assert no_targets.status_code == 409 and no_targets.json()["code"] == "performance_targets_required"
    assert (await set_targets(api, tokens["village_beidahe"], pid)).status_code == 200
    await must_step(api, admin, pid, "in_library", "planned")
    unfunded = await step(api, admin, pid, "approved")
    assert unfunded.status_code == 409 and unfunded.json()["code"] == "not_funded"
    fund = await new_fund(api, admin)
    allocation = (await allocate(api, admin, fund["id"], pid, "1000000.00")).json()
    approved = await must_step(api, admin, pid, "approved")
    assert approved["status_label"] == "已批复并安排资金"
    await must_step(api, town, pid, "in_progress")
    assert (await pay(api, town, allocation["id"], "400000.00")).status_code == 201
    completed = await must_step(api, town, pid, "completed")
    assert completed["paid"] == "400000.00"
    unevaluated = await accept(api, admin, pid, ASSETS)
    assert unevaluated.status_code == 409 and unevaluated.json()["code"] == "evaluation_required"
    late_pay = await pay(api, town, allocation["id"], "1.00")
    assert late_pay.status_code == 409 and late_pay.json()["code"] == "project_not_under_way"
    assert (await evaluate(api, town, pid)).status_code == 200
    assert (await accept(api, town, pid, ASSETS)).status_code == 403  # acceptance is the district's
    accepted = await accept(api, admin, pid, ASSETS)
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"

    dossier = (await api.get(f"{PROJECTS}/{pid}/dossier", headers=auth(tokens["auditor"]))).json()
    assert [s["to_status"] for s in dossier["steps"]] == [
        "proposed",
        "in_review",
        "in_library",
        "planned",
        "approved",
        "in_progress",
        "completed",
        "accepted",
    ]
    assert dossier["steps"][1]["actor_role"] == "village_cadre"
    assert (
        dossier["steps"][-1]["documents"] == ["验收报告2025-07"]
        and dossier["steps"][-1]["reason"] == "验收合格"
    )
    assert {i["kind"]: i["actual"] for i in dossier["indicators"]} == {
        "output": "20.00",
        "benefit": "30.00",
        "satisfaction": "90.00",
    }
    assert [(a["asset_ref"], a["asset_id"]) for a in dossier["assets"]] == [("1", None), ("2", None)]
    subjects = await _outbox_subjects(stack)
    assert subjects == [
        "xianjie.funds.project.proposed",
        "xianjie.funds.project.approved",
        "xianjie.funds.project.completed",
        "xianjie.funds.project.accepted",
    ]
    assert await count(stack, "audit_log", "entity = 'project' AND action = 'transition'") == 6
    await settled(stack)


async def _outbox_subjects(stack: Stack) -> list[str]:
    async with stack.db("funds").engine.connect() as conn:
        from sqlalchemy import text

        return list(
            (await conn.execute(text("SELECT nats_subject FROM funds.outbox ORDER BY position"))).scalars()
        )


async def test_accepted_event_carries_what_the_asset_registry_needs(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await accepted_project(api, tokens)
    envelope = await scalar(
        stack, "SELECT envelope FROM funds.outbox WHERE nats_subject = 'xianjie.funds.project.accepted'"
    )
    assert envelope["type"] == "cn.xianjie.funds.project.accepted.v1" and envelope["subject"] == project["id"]
    data = envelope["data"]
    shares = sorted(data.pop("fund_shares"), key=lambda s: s["source"])
    assert shares == [
        {"fund_id": project["fund_ids"]["central"], "source": "central", "amount": "900000.00"},
        {"fund_id": project["fund_ids"]["district"], "source": "district", "amount": "100000.00"},
    ]
    assert data == {
        "project_id": project["id"],
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "category": "industry",
        "year": 2025,
        "accepted_on": "2025-11-28",
        "total_investment": "1000000.00",
        "assets": [{**{k: v for k, v in a.items()}, "town_code": KEJING} for a in ASSETS],
    }

    async def published() -> list[dict[str, Any]]:
        messages = await stream_messages(
            stack.infra.nats_url, "XIANJIE_FUNDS", "xianjie.funds.project.accepted"
        )
        return [m for m in messages if m["subject"] == project["id"]]

    [message] = await eventually(published)
    assert message["data"]["total_investment"] == "1000000.00"
    await settled(stack)


def asset_registered(
    project_id: str | None, asset_ref: str | None, asset_id: uuid.UUID | None = None
) -> CloudEvent:
    return CloudEvent(
        id=uuid.uuid4(),
        source="/xianjie/assets",
        type="cn.xianjie.assets.asset.registered.v1",
        subject=str(asset_id or uuid.uuid4()),
        time=datetime.now(UTC),
        data={
            "asset_id": str(asset_id or uuid.uuid4()),
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "kind": "operating",
            "owner_kind": "village_collective",
            "value": "800000.00",
            "source_project_id": project_id,
            "source_asset_ref": asset_ref,
        },
    )


async def publish(stack: Stack, event: CloudEvent) -> None:
    nc = await nats.connect(stack.infra.nats_url)
    try:
        # A fresh message id each time: the second delivery reaches the consumer, as after a replay.
        await nc.jetstream().publish(
            "xianjie.assets.asset.registered",
            event.model_dump_json().encode(),
            headers={"Nats-Msg-Id": str(uuid.uuid4())},
        )
    finally:
        await nc.close()


async def test_registered_assets_link_back_once_and_hand_the_project_over(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    # The asset registry may be registering the announced assets itself (it consumes
    # project.accepted); whoever comes first, each announced asset ends up linked exactly once.
    project = await accepted_project(api, tokens)
    for ref in ("1", "2"):
        event = asset_registered(project["id"], ref)
        await publish(stack, event)
        await publish(stack, event)  # delivered twice: one link
    hand_made = asset_registered(project["id"], None)  # registered by hand, naming the project
    await publish(stack, hand_made)
    await publish(stack, hand_made)
    unrelated = asset_registered(None, None)  # not from the project library: ignored
    await publish(stack, unrelated)

    async def handed_over() -> bool:
        got = (await api.get(f"{PROJECTS}/{project['id']}", headers=auth(tokens["admin"]))).json()
        return got["status"] == "handed_over"

    await eventually(handed_over)
    await eventually(lambda: count(stack, "asset_links", f"asset_id = '{hand_made.data['asset_id']}'"))
    await settled(stack)
    assert await count(stack, "asset_links", "asset_ref IS NOT NULL") == 2
    assert await count(stack, "asset_links", "asset_ref IS NULL") == 1
    assert await count(stack, "project_steps", "to_status = 'handed_over' AND actor_role = 'system'") == 1
    dossier = (await api.get(f"{PROJECTS}/{project['id']}/dossier", headers=auth(tokens["admin"]))).json()
    assert all(a["asset_id"] for a in dossier["assets"])
    assert await count(stack, "audit_log", "action = 'link_asset'") == 3


async def test_illegal_transitions_and_roles(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    project = await new_project(api, admin)
    pid = project["id"]
    for to in ("approved", "in_library", "accepted", "handed_over", "proposed", "completed"):
        resp = await step(api, admin, pid, to)
        assert resp.status_code == 409 and resp.json()["code"] == "invalid_transition", (to, resp.text)
    bad = await api.post(
        f"{PROJECTS}/{pid}/steps",
        json={"to": "in_review", "reason": ""},
        headers=auth(admin, **{"If-Match": '"1"'}),
    )
    assert bad.status_code == 422
    missing = await api.post(
        f"{PROJECTS}/{pid}/steps", json={"to": "in_review", "reason": "x"}, headers=auth(admin)
    )
    assert missing.status_code == 428
    for token in ("auditor", "integrator_hrss", "helper_wang"):
        resp = await step(api, tokens[token], pid, "in_review", etag='"1"')
        assert resp.status_code == 403, token
    assert (await step(api, tokens["dept_hrss"], pid, "in_review")).status_code == 403  # not its proposal
    await set_targets(api, admin, pid)
    await must_step(api, admin, pid, "in_review")
    for token in ("town_kejing", "village_beidahe", "dept_hrss"):
        resp = await step(api, tokens[token], pid, "in_library")
        assert resp.status_code == 403 and resp.json()["code"] == "forbidden", token
    rejected = await must_step(api, admin, pid, "rejected")
    assert rejected["status_label"] == "论证未通过"
    assert (await step(api, admin, pid, "in_library")).status_code == 409
    wangwu = await new_project(api, admin, town_code="419001109", village_code=WANGWU_VILLAGE)
    assert (await step(api, tokens["town_kejing"], wangwu["id"], "in_review", etag='"1"')).status_code == 404
    assert await count(stack, "project_steps") == 4  # two proposals, in_review, rejected: no refused step
    # Targets are set at entry only.
    late = await set_targets(api, admin, pid)
    assert late.status_code == 409


async def test_elevated_review_gate(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    admin = tokens["admin"]
    big = await new_project(api, tokens["town_kejing"], village_code=None, planned_amount="10000000.00")
    pid = big["id"]
    assert (await set_targets(api, admin, pid)).status_code == 200
    await must_step(api, admin, pid, "in_review")
    refused = await step(api, admin, pid, "in_library")
    assert refused.status_code == 409 and refused.json()["code"] == "elevated_review_required"
    assert await count(stack, "project_steps", "to_status = 'in_library'") == 0
    review = {"reviewed_on": "2025-03-10", "document": "豫农〔2025〕8号", "reason": "论证通过"}
    url = f"{PROJECTS}/{pid}/elevated-review"
    etag = await version(api, admin, pid)
    town = await api.post(url, json=review, headers=auth(tokens["town_kejing"], **{"If-Match": etag}))
    assert town.status_code == 403
    recorded = await api.post(url, json=review, headers=auth(admin, **{"If-Match": etag}))
    assert recorded.status_code == 200 and recorded.json()["elevated_review_document"] == "豫农〔2025〕8号"
    assert (await step(api, admin, pid, "in_library")).status_code == 200
    small = await new_project(api, admin)
    etag = await version(api, admin, small["id"])
    needless = await api.post(
        f"{PROJECTS}/{small['id']}/elevated-review", json=review, headers=auth(admin, **{"If-Match": etag})
    )
    assert needless.status_code == 409
    # The database holds the rule too: no way around it by writing the status directly.
    other = await new_project(api, admin, planned_amount="12000000.00")
    try:
        await scalar(
            stack,
            "UPDATE funds.projects SET status = 'in_library' WHERE id = :id RETURNING id",
            id=other["id"],
        )
    except Exception as exc:
        assert "elevated_review_before_entry" in str(exc)
    else:
        raise AssertionError("the database let a big project into the library without review")


async def test_evaluation_and_acceptance_bad_input(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin)
    project, _ = await funded_project(api, admin, fund["id"], "100000.00")
    pid = project["id"]
    early = await evaluate(api, admin, pid)
    assert early.status_code == 409
    await must_step(api, admin, pid, "completed")
    etag = await version(api, admin, pid)
    partial = await api.post(
        f"{PROJECTS}/{pid}/performance-evaluation",
        json={
            "evaluated_on": "2025-11-20",
            "conclusion": "部分",
            "actuals": [{"indicator_id": str(uuid.uuid4()), "actual": "1"}],
        },
        headers=auth(admin, **{"If-Match": etag}),
    )
    assert partial.status_code == 422 and partial.json()["errors"][0]["field"] == "actuals"
    assert (await evaluate(api, admin, pid)).status_code == 200
    cases = [
        [{**ASSETS[0], "village_code": WANGWU_VILLAGE}],
        [ASSETS[0], {**ASSETS[1], "asset_ref": "1"}],
        [{**ASSETS[0], "value": "0"}],
        [{**ASSETS[0], "kind": "house"}],
    ]
    for assets in cases:
        resp = await accept(api, admin, pid, assets)
        assert resp.status_code == 422 and resp.json()["code"] == "validation_failed", resp.text
    assert await count(stack, "project_assets") == 0
    assert (
        await scalar(stack, "SELECT status::text FROM funds.projects WHERE id = :id", id=pid) == "completed"
    )
    assert await count(stack, "outbox", "nats_subject = 'xianjie.funds.project.accepted'") == 0


async def test_a_retried_step_is_answered_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    project = await new_project(api, admin)
    headers = auth(admin, **{"If-Match": '"1"', "Idempotency-Key": str(uuid.uuid4())})
    body = {"to": "in_review", "reason": "提交入库论证", "documents": []}
    first = await api.post(f"{PROJECTS}/{project['id']}/steps", json=body, headers=headers)
    again = await api.post(f"{PROJECTS}/{project['id']}/steps", json=body, headers=headers)
    assert first.status_code == again.status_code == 200  # not 412: the retry gets the first answer
    assert again.headers["idempotent-replayed"] == "true" and again.json() == first.json()
    assert await count(stack, "project_steps", "to_status = 'in_review'") == 1


async def test_asset_of_an_unknown_project_is_parked(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    event = asset_registered(str(uuid.uuid4()), "1")
    await publish(stack, event)

    async def parked() -> list[dict[str, Any]]:
        resp = await api.get("/api/funds/v1/ops/parked-events", headers=auth(tokens["admin"]))
        return [p for p in resp.json() if p["event_id"] == str(event.id)]

    [entry] = await eventually(parked, timeout=30)
    assert "unknown" in entry["error"]
    assert await count(stack, "asset_links") == 0


async def test_targets_and_evaluation_denied_to_others(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    project = await new_project(api, admin)
    url = f"{PROJECTS}/{project['id']}/performance-targets"
    body = {"indicators": [{"kind": "output", "name": "大棚", "unit": "座", "target": "1"}]}
    for token in ("auditor", "integrator_hrss", "helper_wang", "dept_hrss"):
        resp = await api.put(url, json=body, headers=auth(tokens[token], **{"If-Match": '"1"'}))
        assert resp.status_code == 403, token
    duplicate = {"indicators": [body["indicators"][0], body["indicators"][0]]}
    resp = await api.put(url, json=duplicate, headers=auth(admin, **{"If-Match": '"1"'}))
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "indicators"
    negative = {"indicators": [{**body["indicators"][0], "target": "-1"}]}
    assert (await api.put(url, json=negative, headers=auth(admin, **{"If-Match": '"1"'}))).status_code == 422
    assert await count(stack, "performance_indicators") == 0
    fund = await new_fund(api, admin)
    done, _ = await funded_project(api, admin, fund["id"], "1000.00")
    await must_step(api, admin, done["id"], "completed")
    for token in ("village_beidahe", "dept_hrss", "auditor"):
        resp = await evaluate(api, tokens[token], done["id"])
        assert resp.status_code == 403, token
    assert await scalar(stack, "SELECT count(*) FROM funds.projects WHERE evaluated_on IS NOT NULL") == 0
