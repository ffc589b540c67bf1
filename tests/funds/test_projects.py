"""Project library (项目库) through the gateway: proposals, scope, idempotency, versions, bad input."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text

from tests.conftest import Stack
from tests.funds.factories import PROJECTS, count, project_body
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, new_id

URL = PROJECTS


async def create(api: httpx.AsyncClient, token: str, **overrides: Any) -> httpx.Response:
    resp = await api.post(URL, json=project_body(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp


async def amend(api: httpx.AsyncClient, token: str, project_id: str, body: dict[str, Any]) -> httpx.Response:
    return await api.patch(f"{URL}/{project_id}", json=body, headers=auth(token, **{"If-Match": '"1"'}))


async def listed_ids(api: httpx.AsyncClient, token: str) -> set[str]:
    resp = await api.get(URL, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return {p["id"] for p in resp.json()["items"]}


async def four_projects(api: httpx.AsyncClient, admin: str) -> dict[str, dict[str, Any]]:
    """克井's village project, 克井's town-wide one, one of 克井's other village, one of 王屋."""
    return {
        "kejing": (await create(api, admin)).json(),
        "kejing_town_wide": (await create(api, admin, village_code=None)).json(),
        "other_village": (await create(api, admin, village_code=KEJING_OTHER_VILLAGE)).json(),
        "wangwu": (await create(api, admin, town_code=WANGWU, village_code=WANGWU_VILLAGE)).json(),
    }


async def test_proposal_answers_the_project_with_version_location_and_labels(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    resp = await create(api, tokens["admin"])
    created = resp.json()
    assert resp.headers["etag"] == '"1"' and resp.headers["location"] == f"/v1/projects/{created['id']}"
    assert created["planned_amount"] == "1200000.00"
    assert created["status"] == "proposed" and created["status_label"] == "已申报"
    assert created["category_label"] == "产业"
    assert created["requires_elevated_review"] is False


async def test_a_proposed_project_reads_back_as_answered(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    created = (await create(api, tokens["admin"])).json()
    got = await api.get(f"{URL}/{created['id']}", headers=auth(tokens["admin"]))
    assert got.status_code == 200 and got.headers["etag"] == '"1"' and got.json() == created
    assert await listed_ids(api, tokens["admin"]) == {created["id"]}


async def test_a_proposal_is_stored_to_the_fen_and_audited(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await create(api, tokens["admin"])
    async with stack.db("funds").engine.connect() as conn:
        amount = await conn.scalar(text("SELECT planned_amount FROM funds.projects"))
        audit = (await conn.execute(text("SELECT actor_role, action, entity FROM funds.audit_log"))).all()
    assert str(amount) == "1200000.00"
    assert [tuple(r) for r in audit] == [("district_admin", "create", "project")]


async def test_a_proposal_publishes_project_proposed(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = (await create(api, tokens["admin"])).json()
    async with stack.db("funds").engine.connect() as conn:
        envelopes = (await conn.execute(text("SELECT envelope FROM funds.outbox"))).scalars().all()
        subjects = (await conn.execute(text("SELECT nats_subject FROM funds.outbox"))).scalars().all()
    [event] = envelopes
    assert event["type"] == "cn.xianjie.funds.project.proposed.v1" and event["subject"] == created["id"]
    assert subjects == ["xianjie.funds.project.proposed"]
    assert event["data"] == {
        "project_id": created["id"],
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "category": "industry",
        "year": 2025,
        "planned_amount": "1200000.00",
        "requires_elevated_review": False,
    }


async def test_a_town_official_proposes_a_town_wide_project(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    town_wide = (
        await create(api, tokens["town_kejing"], village_code=None, category="infrastructure")
    ).json()
    assert town_wide["village_code"] is None and town_wide["category_label"] == "小型公益性基础设施"


async def test_elevated_review_is_required_from_ten_million_yuan(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    big = (await create(api, tokens["admin"], planned_amount="10000000.00")).json()
    assert big["requires_elevated_review"] is True  # 1000 万元及以上须省级提级论证
    small = (await create(api, tokens["admin"], planned_amount="9999999.99")).json()
    assert small["requires_elevated_review"] is False


async def test_amending_needs_if_match(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    created = (await create(api, tokens["admin"])).json()
    missing = await api.patch(f"{URL}/{created['id']}", json={"year": 2026}, headers=auth(tokens["admin"]))
    assert missing.status_code == 428 and missing.json()["code"] == "if_match_required"


async def test_amending_the_planned_amount_decides_the_elevated_review_again(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    created = (await create(api, tokens["admin"])).json()
    body = {"planned_amount": "15000000.00", "name": "北大河村食用菌产业园"}
    ok = await amend(api, tokens["admin"], created["id"], body)
    assert ok.status_code == 200, ok.text
    assert ok.headers["etag"] == '"2"'
    assert ok.json()["planned_amount"] == "15000000.00" and ok.json()["requires_elevated_review"] is True


async def test_amending_a_stale_version_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    created = (await create(api, tokens["admin"])).json()
    assert (await amend(api, tokens["admin"], created["id"], {"name": "改名"})).status_code == 200
    stale = await amend(api, tokens["admin"], created["id"], {"year": 2026})
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    assert (await api.get(f"{URL}/{created['id']}", headers=auth(tokens["admin"]))).json()["year"] == 2025


async def test_amending_to_a_zero_amount_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    created = (await create(api, tokens["admin"])).json()
    assert (await amend(api, tokens["admin"], created["id"], {"planned_amount": "0"})).status_code == 422


async def test_an_amendment_is_audited(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    created = (await create(api, tokens["admin"])).json()
    assert (await amend(api, tokens["admin"], created["id"], {"year": 2026})).status_code == 200
    async with stack.db("funds").engine.connect() as conn:
        actions = (await conn.execute(text("SELECT action FROM funds.audit_log ORDER BY id"))).scalars().all()
    assert actions == ["create", "update"]


async def test_cursor_pages_through_every_project_in_order(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    ids = [(await create(api, tokens["admin"], name=f"项目{i}")).json()["id"] for i in range(5)]
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = (await api.get(URL, params=params, headers=auth(tokens["admin"]))).json()
        assert len(page["items"]) <= 2
        seen += [p["id"] for p in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ids


async def test_updated_since_lists_only_what_changed(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    ids = [(await create(api, tokens["admin"], name=f"项目{i}")).json()["id"] for i in range(3)]
    since = (await api.get(f"{URL}/{ids[-1]}", headers=auth(tokens["admin"]))).json()["updated_at"]
    assert (await amend(api, tokens["admin"], ids[1], {"category": "employment"})).status_code == 200
    delta = (await api.get(URL, params={"updated_since": since}, headers=auth(tokens["admin"]))).json()
    assert [p["id"] for p in delta["items"]] == [ids[1]]


async def test_lists_filter_by_category_and_year(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    await create(api, tokens["admin"])
    employment = (await create(api, tokens["admin"], category="employment")).json()
    by_category = (
        await api.get(URL, params={"category": "employment"}, headers=auth(tokens["admin"]))
    ).json()
    assert [p["id"] for p in by_category["items"]] == [employment["id"]]
    assert (await api.get(URL, params={"year": 2024}, headers=auth(tokens["admin"]))).json()["items"] == []


async def test_a_town_official_sees_its_towns_projects_only(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await four_projects(api, tokens["admin"])
    town = tokens["town_kejing"]
    kejing = {made[k]["id"] for k in ("kejing", "kejing_town_wide", "other_village")}
    assert await listed_ids(api, town) == kejing
    assert (await api.get(f"{URL}/{made['wangwu']['id']}", headers=auth(town))).status_code == 404


async def test_a_town_official_proposes_and_amends_in_its_town_only(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    wangwu = (await create(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()
    town = tokens["town_kejing"]
    denied = await api.post(
        URL, json=project_body(town_code=WANGWU, village_code=WANGWU_VILLAGE), headers=auth(town)
    )
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    assert (await amend(api, town, wangwu["id"], {"year": 2026})).status_code == 404


async def test_a_village_cadre_sees_its_village_and_its_towns_town_wide_projects(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await four_projects(api, tokens["admin"])
    village = tokens["village_beidahe"]
    assert await listed_ids(api, village) == {made["kejing"]["id"], made["kejing_town_wide"]["id"]}
    assert (await api.get(f"{URL}/{made['other_village']['id']}", headers=auth(village))).status_code == 404


async def test_a_village_cadre_proposes_for_its_village_only(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    town_wide = (await create(api, tokens["admin"], village_code=None)).json()
    village = tokens["village_beidahe"]
    assert (
        await api.post(URL, json=project_body(village_code=None), headers=auth(village))
    ).status_code == 403
    assert (await amend(api, village, town_wide["id"], {"year": 2026})).status_code == 403
    assert (await api.post(URL, json=project_body(), headers=auth(village))).status_code == 201


async def test_a_department_proposes_anywhere_and_amends_its_own_proposals_only(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await four_projects(api, tokens["admin"])
    dept = tokens["dept_hrss"]
    proposed = await api.post(
        URL,
        json=project_body(category="employment", town_code=WANGWU, village_code=WANGWU_VILLAGE),
        headers=auth(dept),
    )
    assert proposed.status_code == 201, proposed.text
    assert (await amend(api, dept, proposed.json()["id"], {"year": 2026})).status_code == 200
    assert (await amend(api, dept, made["kejing"]["id"], {"year": 2026})).status_code == 403
    assert len(await listed_ids(api, dept)) == 5


@pytest.mark.parametrize("reader", ["auditor", "integrator_hrss"])
async def test_auditors_and_integrators_read_every_project_and_write_none(
    api: httpx.AsyncClient, tokens: dict[str, str], reader: str
) -> None:
    made = await four_projects(api, tokens["admin"])
    token = tokens[reader]
    assert await listed_ids(api, token) == {p["id"] for p in made.values()}
    denied = await api.post(URL, json=project_body(), headers=auth(token))
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    assert (await amend(api, token, made["kejing"]["id"], {"year": 2026})).status_code == 403


async def test_helpers_have_no_access_to_projects(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(URL, headers=auth(tokens["helper_wang"]))).status_code == 403


async def test_a_retried_proposal_is_answered_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    first = await api.post(URL, json=project_body(), headers=headers)
    again = await api.post(URL, json=project_body(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"] and again.headers.get("idempotent-replayed") == "true"
    assert await count(stack, "projects") == 1
    assert await count(stack, "outbox") == 1


async def test_an_idempotency_key_reused_for_another_proposal_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    assert (await api.post(URL, json=project_body(), headers=headers)).status_code == 201
    different = await api.post(URL, json=project_body(year=2026), headers=headers)
    assert different.status_code == 422 and different.json()["code"] == "idempotency_key_reused"
    assert await count(stack, "projects") == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**project_body(), "owner": "x"}, "body.owner"),
        (project_body(planned_amount="0.00"), "body.planned_amount"),
        (project_body(planned_amount="-5"), "body.planned_amount"),
        (project_body(planned_amount="一百万"), "body.planned_amount"),
        (project_body(year="今年"), "body.year"),
        (project_body(year=1990), "body.year"),
        (project_body(category="tourism"), "body.category"),
        (project_body(name=""), "body.name"),
        (project_body(town_code="419001999", village_code=None), "town_code"),
        (project_body(village_code="419001100999"), "village_code"),
        (project_body(village_code=WANGWU_VILLAGE), "village_code"),
    ],
)
async def test_a_bad_proposal_is_refused_naming_the_field_and_writes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, body: dict[str, Any], field: str
) -> None:
    resp = await api.post(URL, json=body, headers=auth(tokens["admin"]))
    assert resp.status_code == 422, resp.text
    problem = resp.json()
    assert problem["code"] == "validation_failed"
    assert any(e["field"] == field for e in problem["errors"]), problem
    assert await count(stack, "projects") == 0
    assert await count(stack, "outbox") == 0


async def test_an_unknown_project_is_not_found(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(f"{URL}/{new_id()}", headers=auth(tokens["admin"]))).status_code == 404


async def test_a_malformed_project_id_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(f"{URL}/not-a-uuid", headers=auth(tokens["admin"]))).status_code == 422
