"""The project library's life through the gateway: steps, entry rules, performance, acceptance,
the accepted event for the asset registry, and the asset registry's events linking assets back."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import nats
import pytest

from services.funds.projects.events import ASSET_REGISTERED
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
    planned_project,
    published_payloads,
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


async def completed_project(api: httpx.AsyncClient, tokens: dict[str, str]) -> tuple[str, str]:
    """A project the town completed after paying part of its allocation: (project id, allocation id)."""
    admin, town = tokens["admin"], tokens["town_kejing"]
    fund = await new_fund(api, admin)
    project, allocation = await funded_project(api, admin, fund["id"], "1000000.00")
    assert (await pay(api, town, allocation["id"], "400000.00")).status_code == 201
    await must_step(api, town, project["id"], "completed")
    return project["id"], allocation["id"]


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


async def lived_project(api: httpx.AsyncClient, tokens: dict[str, str]) -> str:
    """A village's proposal taken by everyone whose turn it is from proposal to acceptance."""
    admin, town, village = tokens["admin"], tokens["town_kejing"], tokens["village_beidahe"]
    pid: str = (await new_project(api, village))["id"]
    assert (await set_targets(api, village, pid)).status_code == 200
    await must_step(api, village, pid, "in_review")
    await must_step(api, admin, pid, "in_library", "planned")
    fund = await new_fund(api, admin)
    allocation = (await allocate(api, admin, fund["id"], pid, "1000000.00")).json()
    await must_step(api, admin, pid, "approved")
    await must_step(api, town, pid, "in_progress")
    assert (await pay(api, town, allocation["id"], "400000.00")).status_code == 201
    await must_step(api, town, pid, "completed")
    assert (await evaluate(api, town, pid)).status_code == 200
    assert (await accept(api, admin, pid, ASSETS)).status_code == 200
    return pid


async def test_entry_needs_performance_targets(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    pid = (await new_project(api, tokens["village_beidahe"]))["id"]
    assert (await step(api, tokens["village_beidahe"], pid, "in_review")).status_code == 200
    no_targets = await step(api, admin, pid, "in_library")
    assert no_targets.status_code == 409 and no_targets.json()["code"] == "performance_targets_required"


async def test_approval_needs_an_allocation(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    project = await planned_project(api, tokens["admin"])
    unfunded = await step(api, tokens["admin"], project["id"], "approved")
    assert unfunded.status_code == 409 and unfunded.json()["code"] == "not_funded"


async def test_an_allocated_project_is_approved(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    project = await planned_project(api, admin)
    fund = await new_fund(api, admin)
    assert (await allocate(api, admin, fund["id"], project["id"], "1000000.00")).status_code == 201
    approved = await must_step(api, admin, project["id"], "approved")
    assert approved["status_label"] == "已批复并安排资金"


async def test_completion_carries_what_was_paid(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    pid, _ = await completed_project(api, tokens)
    completed = (await api.get(f"{PROJECTS}/{pid}", headers=auth(tokens["admin"]))).json()
    assert completed["status"] == "completed" and completed["paid"] == "400000.00"


async def test_acceptance_needs_the_performance_evaluation(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    pid, _ = await completed_project(api, tokens)
    unevaluated = await accept(api, tokens["admin"], pid, ASSETS)
    assert unevaluated.status_code == 409 and unevaluated.json()["code"] == "evaluation_required"


async def test_no_payment_once_the_project_is_completed(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    _, allocation_id = await completed_project(api, tokens)
    late_pay = await pay(api, tokens["town_kejing"], allocation_id, "1.00")
    assert late_pay.status_code == 409 and late_pay.json()["code"] == "project_not_under_way"


async def test_acceptance_is_the_districts(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    pid, _ = await completed_project(api, tokens)
    assert (await evaluate(api, tokens["town_kejing"], pid)).status_code == 200
    assert (await accept(api, tokens["town_kejing"], pid, ASSETS)).status_code == 403
    accepted = await accept(api, tokens["admin"], pid, ASSETS)
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"


async def test_the_dossier_records_every_step_with_its_actor_reason_and_documents(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    pid = await lived_project(api, tokens)
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
    await settled(stack)


async def test_the_dossier_shows_actual_performance_and_the_announced_assets(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    pid = await lived_project(api, tokens)
    dossier = (await api.get(f"{PROJECTS}/{pid}/dossier", headers=auth(tokens["auditor"]))).json()
    assert {i["kind"]: i["actual"] for i in dossier["indicators"]} == {
        "output": "20.00",
        "benefit": "30.00",
        "satisfaction": "90.00",
    }
    assert [a["asset_ref"] for a in dossier["assets"]] == ["1", "2"]
    await settled(stack)


async def test_every_step_taken_is_audited(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await lived_project(api, tokens)
    assert await count(stack, "audit_log", "entity = 'project' AND action = 'transition'") == 6
    await settled(stack)


async def test_a_project_announces_proposal_approval_completion_and_acceptance(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await lived_project(api, tokens)
    assert [subject for subject, _ in await published_payloads(stack)] == [
        "xianjie.funds.project.proposed",
        "xianjie.funds.project.approved",
        "xianjie.funds.project.completed",
        "xianjie.funds.project.accepted",
    ]
    await settled(stack)


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
    await settled(stack)


async def test_accepted_event_reaches_the_funds_stream(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await accepted_project(api, tokens)

    async def published() -> list[dict[str, Any]]:
        messages = await stream_messages(
            stack.infra.nats_url, "XIANJIE_FUNDS", "xianjie.funds.project.accepted"
        )
        return [m for m in messages if m["subject"] == project["id"]]

    [message] = await eventually(published)
    assert message["data"]["total_investment"] == "1000000.00"
    await settled(stack)


def asset_registered(
    project_id: str | None,
    asset_ref: str | None,
    asset_id: uuid.UUID | None = None,
    village_code: str = KEJING_VILLAGE,
) -> CloudEvent:
    return CloudEvent(
        id=uuid.uuid4(),
        source=ASSET_REGISTERED.source,
        type=ASSET_REGISTERED.type,
        subject=str(asset_id or uuid.uuid4()),
        time=datetime.now(UTC),
        data={
            "asset_id": str(asset_id or uuid.uuid4()),
            "town_code": village_code[:9],
            "village_code": village_code,
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
            ASSET_REGISTERED.nats_subject,
            event.model_dump_json().encode(),
            headers={"Nats-Msg-Id": str(uuid.uuid4())},
        )
    finally:
        await nc.close()


async def publish_twice_each(stack: Stack, project_id: str, *refs: str | None) -> list[CloudEvent]:
    events = [asset_registered(project_id, ref) for ref in refs]
    for event in events:
        await publish(stack, event)
        await publish(stack, event)  # delivered twice: one link
    return events


async def test_announced_assets_link_once_however_often_registered(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    # The asset registry may be registering the announced assets itself (it consumes
    # project.accepted); whoever comes first, each announced asset ends up linked exactly once.
    project = await accepted_project(api, tokens)
    await publish_twice_each(stack, project["id"], "1", "2")
    await eventually(lambda: count(stack, "asset_links", "asset_ref IS NOT NULL"))
    await settled(stack)
    assert await count(stack, "asset_links", "asset_ref IS NOT NULL") == 2
    assert await count(stack, "audit_log", "action = 'link_asset'") == 2
    dossier = (await api.get(f"{PROJECTS}/{project['id']}/dossier", headers=auth(tokens["admin"]))).json()
    assert all(a["asset_id"] for a in dossier["assets"])


async def test_the_project_is_handed_over_once_every_announced_asset_is_registered(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await accepted_project(api, tokens)
    await publish_twice_each(stack, project["id"], "1", "2")

    async def handed_over() -> bool:
        got = (await api.get(f"{PROJECTS}/{project['id']}", headers=auth(tokens["admin"]))).json()
        return got["status"] == "handed_over"

    await eventually(handed_over)
    await settled(stack)
    assert await count(stack, "project_steps", "to_status = 'handed_over' AND actor_role = 'system'") == 1


async def test_an_asset_registered_by_hand_for_a_project_links_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await new_project(api, tokens["admin"])
    [hand_made] = await publish_twice_each(stack, project["id"], None)
    await eventually(lambda: count(stack, "asset_links", f"asset_id = '{hand_made.data['asset_id']}'"))
    await settled(stack)
    assert await count(stack, "asset_links", "asset_ref IS NULL") == 1
    assert await count(stack, "audit_log", "action = 'link_asset'") == 1


async def test_an_asset_from_outside_the_project_library_is_ignored(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await publish(stack, asset_registered(None, None))
    await settled(stack)
    # Handled, not parked (periodic tasks' period claims share the inbox: not counted).
    assert await count(stack, "inbox", "event_type NOT LIKE 'period:%'") == 1
    assert await count(stack, "asset_links") == 0 and await count(stack, "parked_events") == 0


@pytest.mark.parametrize("to", ["approved", "in_library", "accepted", "handed_over", "proposed", "completed"])
async def test_a_step_off_the_workflow_is_an_invalid_transition(
    api: httpx.AsyncClient, tokens: dict[str, str], to: str
) -> None:
    project = await new_project(api, tokens["admin"])
    resp = await step(api, tokens["admin"], project["id"], to)
    assert resp.status_code == 409 and resp.json()["code"] == "invalid_transition", resp.text


async def test_a_step_needs_a_reason(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    project = await new_project(api, tokens["admin"])
    bad = await api.post(
        f"{PROJECTS}/{project['id']}/steps",
        json={"to": "in_review", "reason": ""},
        headers=auth(tokens["admin"], **{"If-Match": '"1"'}),
    )
    assert bad.status_code == 422


async def test_a_step_needs_if_match(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    project = await new_project(api, tokens["admin"])
    missing = await api.post(
        f"{PROJECTS}/{project['id']}/steps",
        json={"to": "in_review", "reason": "x"},
        headers=auth(tokens["admin"]),
    )
    assert missing.status_code == 428


async def test_readers_who_may_not_write_take_no_step(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await new_project(api, tokens["admin"])
    for token in ("auditor", "integrator_hrss", "helper_wang"):
        resp = await step(api, tokens[token], project["id"], "in_review", etag='"1"')
        assert resp.status_code == 403, token
    assert await count(stack, "project_steps") == 1  # the proposal only: no refused step


async def test_a_department_submits_only_what_it_proposed(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await new_project(api, tokens["admin"])
    assert (await step(api, tokens["dept_hrss"], project["id"], "in_review")).status_code == 403
    assert await count(stack, "project_steps") == 1


async def test_only_the_district_takes_a_project_into_the_library(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    project = await new_project(api, admin)
    await set_targets(api, admin, project["id"])
    await must_step(api, admin, project["id"], "in_review")
    for token in ("town_kejing", "village_beidahe", "dept_hrss"):
        resp = await step(api, tokens[token], project["id"], "in_library")
        assert resp.status_code == 403 and resp.json()["code"] == "forbidden", token
    assert await count(stack, "project_steps") == 2  # proposed, in_review: no refused step


async def test_a_rejected_project_does_not_enter_the_library(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    project = await new_project(api, admin)
    await must_step(api, admin, project["id"], "in_review")
    rejected = await must_step(api, admin, project["id"], "rejected")
    assert rejected["status_label"] == "论证未通过"
    assert (await step(api, admin, project["id"], "in_library")).status_code == 409


async def test_a_step_on_another_towns_project_is_not_found(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    wangwu = await new_project(api, tokens["admin"], town_code="419001109", village_code=WANGWU_VILLAGE)
    assert (await step(api, tokens["town_kejing"], wangwu["id"], "in_review", etag='"1"')).status_code == 404


async def test_targets_are_set_at_entry_only(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    project = await planned_project(api, tokens["admin"])
    assert (await set_targets(api, tokens["admin"], project["id"])).status_code == 409


REVIEW = {"reviewed_on": "2025-03-10", "document": "豫农〔2025〕8号", "reason": "论证通过"}


async def record_review(api: httpx.AsyncClient, token: str, project_id: str) -> httpx.Response:
    etag = await version(api, token, project_id)
    return await api.post(
        f"{PROJECTS}/{project_id}/elevated-review", json=REVIEW, headers=auth(token, **{"If-Match": etag})
    )


async def big_project_in_review(api: httpx.AsyncClient, tokens: dict[str, str]) -> str:
    admin = tokens["admin"]
    big = await new_project(api, tokens["town_kejing"], village_code=None, planned_amount="10000000.00")
    assert (await set_targets(api, admin, big["id"])).status_code == 200
    await must_step(api, admin, big["id"], "in_review")
    return str(big["id"])


async def test_a_big_project_needs_the_elevated_review_before_entry(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    pid = await big_project_in_review(api, tokens)
    refused = await step(api, tokens["admin"], pid, "in_library")
    assert refused.status_code == 409 and refused.json()["code"] == "elevated_review_required"
    assert await count(stack, "project_steps", "to_status = 'in_library'") == 0


async def test_only_the_district_records_the_elevated_review(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    pid = await big_project_in_review(api, tokens)
    assert (await record_review(api, tokens["town_kejing"], pid)).status_code == 403


async def test_a_recorded_elevated_review_opens_the_library(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    pid = await big_project_in_review(api, tokens)
    recorded = await record_review(api, tokens["admin"], pid)
    assert recorded.status_code == 200 and recorded.json()["elevated_review_document"] == "豫农〔2025〕8号"
    assert (await step(api, tokens["admin"], pid, "in_library")).status_code == 200


async def test_a_project_under_the_threshold_needs_no_elevated_review(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    small = await new_project(api, tokens["admin"])
    assert (await record_review(api, tokens["admin"], small["id"])).status_code == 409


async def test_the_database_keeps_a_big_project_out_of_the_library_without_review(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    other = await new_project(api, tokens["admin"], planned_amount="12000000.00")
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


async def test_evaluation_waits_for_completion(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    project, _ = await funded_project(api, admin, (await new_fund(api, admin))["id"], "100000.00")
    assert (await evaluate(api, admin, project["id"])).status_code == 409


async def test_evaluation_needs_an_actual_for_every_indicator_of_the_project(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    pid, _ = await completed_project(api, tokens)
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
    assert await scalar(stack, "SELECT count(*) FROM funds.projects WHERE evaluated_on IS NOT NULL") == 0


async def test_acceptance_with_bad_assets_is_refused_and_changes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    pid, _ = await completed_project(api, tokens)
    assert (await evaluate(api, admin, pid)).status_code == 200
    cases = {
        "village outside the project's town": [{**ASSETS[0], "village_code": WANGWU_VILLAGE}],
        "asset_ref twice": [ASSETS[0], {**ASSETS[1], "asset_ref": "1"}],
        "no value": [{**ASSETS[0], "value": "0"}],
        "unknown kind": [{**ASSETS[0], "kind": "house"}],
    }
    for case, assets in cases.items():
        resp = await accept(api, admin, pid, assets)
        assert resp.status_code == 422 and resp.json()["code"] == "validation_failed", (case, resp.text)
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


async def parked(api: httpx.AsyncClient, admin: str, event: CloudEvent) -> dict[str, Any]:
    """The parked entry of ``event``, once the consumer has given up on it."""

    async def entries() -> list[dict[str, Any]]:
        resp = await api.get("/api/funds/v1/ops/parked-events", headers=auth(admin))
        return [p for p in resp.json() if p["event_id"] == str(event.id)]

    [entry] = await eventually(entries, timeout=30)
    return entry


async def test_asset_of_an_unknown_project_is_parked(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    event = asset_registered(str(uuid.uuid4()), "1")
    await publish(stack, event)
    assert "unknown" in (await parked(api, tokens["admin"], event))["error"]
    assert await count(stack, "asset_links") == 0


async def test_an_asset_of_another_town_is_parked_as_a_refused_link_not_linked(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    # A registry that named 克井镇's project (its id is on the public listing) for a 王屋镇 asset.
    project = await new_project(api, tokens["admin"])
    event = asset_registered(project["id"], None, village_code=WANGWU_VILLAGE)
    await publish(stack, event)
    assert "refused link" in (await parked(api, tokens["admin"], event))["error"]
    assert await count(stack, "asset_links") == 0
    assert await count(stack, "audit_log", "action = 'link_asset'") == 0


TARGETS_URL = PROJECTS + "/{}/performance-targets"
OUTPUT = {"kind": "output", "name": "大棚", "unit": "座", "target": "1"}


async def test_targets_are_set_by_proposers_only(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await new_project(api, tokens["admin"])
    url = TARGETS_URL.format(project["id"])
    for token in ("auditor", "integrator_hrss", "helper_wang", "dept_hrss"):
        resp = await api.put(
            url, json={"indicators": [OUTPUT]}, headers=auth(tokens[token], **{"If-Match": '"1"'})
        )
        assert resp.status_code == 403, token
    assert await count(stack, "performance_indicators") == 0


async def test_a_target_named_twice_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    project = await new_project(api, tokens["admin"])
    resp = await api.put(
        TARGETS_URL.format(project["id"]),
        json={"indicators": [OUTPUT, OUTPUT]},
        headers=auth(tokens["admin"], **{"If-Match": '"1"'}),
    )
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "indicators"


async def test_a_negative_target_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await new_project(api, tokens["admin"])
    negative = {"indicators": [{**OUTPUT, "target": "-1"}]}
    resp = await api.put(
        TARGETS_URL.format(project["id"]), json=negative, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert resp.status_code == 422
    assert await count(stack, "performance_indicators") == 0


async def test_evaluation_is_left_to_the_district_and_the_town(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    done, _ = await funded_project(api, admin, (await new_fund(api, admin))["id"], "1000.00")
    await must_step(api, admin, done["id"], "completed")
    for token in ("village_beidahe", "dept_hrss", "auditor"):
        resp = await evaluate(api, tokens[token], done["id"])
        assert resp.status_code == 403, token
    assert await scalar(stack, "SELECT count(*) FROM funds.projects WHERE evaluated_on IS NOT NULL") == 0
