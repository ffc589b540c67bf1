"""公示异议 as records: lodged during a notice (inclusion or elimination), handled with a finding;
upheld sends the case back, dismissed lets the notice run on; no notice closes over an open one."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy.exc import IntegrityError

from shared import clock
from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import HOUSEHOLDS, advance, count, create_household, declare, step
from tests.monitoring.measures import eligible_household, run_procedure, sql


def objections_url(household_id: str) -> str:
    return f"{HOUSEHOLDS}/{household_id}/objections"


async def lodge(api: httpx.AsyncClient, token: str, household_id: str, **body: Any) -> httpx.Response:
    return await api.post(
        objections_url(household_id), json={"content": "其子在城里有商品房和车", **body}, headers=auth(token)
    )


async def find(
    api: httpx.AsyncClient, token: str, objection: httpx.Response, finding: str, if_match: str | None = None
) -> httpx.Response:
    body = objection.json()
    return await api.post(
        f"{objections_url(body['household_id'])}/{body['id']}/finding",
        json={"finding": finding, "note": "经入户核查"},
        headers=auth(token, **{"If-Match": if_match or objection.headers["etag"]}),
    )


async def in_notice(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> str:
    """A household in its inclusion notice, posted six days ago (the window is over)."""
    hid = (await create_household(api, tokens["admin"]))["id"]
    await advance(api, tokens, hid, stack, through="village_approve")
    return hid  # type: ignore[no-any-return]


async def household(api: httpx.AsyncClient, token: str, hid: str) -> dict[str, Any]:
    return (await api.get(f"{HOUSEHOLDS}/{hid}", headers=auth(token))).json()  # type: ignore[no-any-return]


async def test_an_objection_is_recorded_with_who_what_when_and_by_whom(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await in_notice(api, tokens, stack)
    anonymous = await lodge(api, tokens["village_beidahe"], hid)
    assert anonymous.status_code == 201, anonymous.text
    body = anonymous.json()
    assert body["objector"] == "匿名" and body["objector_name"] is None
    assert body["procedure"] == "inclusion" and body["procedure_label"] == "识别纳入公示"
    assert body["lodged_on"] == clock.today().isoformat() and body["recorded_by_role"] == "village_cadre"
    assert body["status"] == "open" and body["status_label"] == "待处理"
    named = await lodge(api, tokens["town_kejing"], hid, objector_name="李四")
    assert named.json()["objector"] == "李四"
    listed = await api.get(objections_url(hid), headers=auth(tokens["auditor"]))
    assert {o["id"] for o in listed.json()["items"]} == {body["id"], named.json()["id"]}
    opened = await api.get(objections_url(hid), params={"status": "open"}, headers=auth(tokens["admin"]))
    assert len(opened.json()["items"]) == 2


async def test_the_notice_cannot_close_over_an_open_objection(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await in_notice(api, tokens, stack)
    objection = await lodge(api, tokens["village_beidahe"], hid)
    refused = await step(api, tokens["village_beidahe"], hid, "close_notice")
    assert refused.status_code == 409 and refused.json()["code"] == "open_objection"
    assert refused.json()["open_objections"] == 1
    dismissed = await find(api, tokens["village_beidahe"], objection, "dismissed")
    assert dismissed.status_code == 200 and dismissed.json()["status_label"] == "异议不成立"
    assert dismissed.json()["handled_by_role"] == "village_cadre" and dismissed.json()["handled_at"]
    assert (await household(api, tokens["admin"], hid))["status"] == "public_notice"  # the notice runs on
    assert (await step(api, tokens["village_beidahe"], hid, "close_notice")).status_code == 200


async def test_an_upheld_objection_sends_the_inclusion_back_to_verification(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await in_notice(api, tokens, stack)
    objection = await lodge(api, tokens["village_beidahe"], hid, objector_name="李四")
    upheld = await find(api, tokens["village_beidahe"], objection, "upheld")
    assert upheld.status_code == 200 and upheld.json()["status"] == "upheld"
    back = await household(api, tokens["admin"], hid)
    assert back["status"] == "verifying" and back["notice_posted_on"] is None
    history = (await api.get(f"{HOUSEHOLDS}/{hid}/transitions", headers=auth(tokens["admin"]))).json()
    assert history[-1]["action"] == "object" and history[-1]["reason"] == "公示异议成立：经入户核查"


async def test_an_upheld_objection_sends_the_elimination_back_to_the_household_check(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await eligible_household(api, tokens, stack))["id"]
    await run_procedure(api, tokens, stack, hid, "post_elimination_notice")
    objection = await lodge(api, tokens["village_beidahe"], hid, content="该户仍有重病患者")
    assert objection.json()["procedure"] == "elimination"
    closing = await step(api, tokens["village_beidahe"], hid, "close_elimination_notice")
    assert closing.status_code == 409 and closing.json()["code"] == "open_objection"
    assert (await find(api, tokens["village_beidahe"], objection, "upheld")).status_code == 200
    back = await household(api, tokens["admin"], hid)
    assert (back["status"], back["elimination_stage"], back["notice_posted_on"]) == (
        "included",
        "household_check",
        None,
    )


async def test_an_objection_is_handled_once_and_with_its_version(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await in_notice(api, tokens, stack)
    objection = await lodge(api, tokens["village_beidahe"], hid)
    stale = await find(api, tokens["village_beidahe"], objection, "dismissed", if_match='"7"')
    assert stale.status_code == 412
    missing = await api.post(
        f"{objections_url(hid)}/{objection.json()['id']}/finding",
        json={"finding": "dismissed", "note": "x"},
        headers=auth(tokens["village_beidahe"]),
    )
    assert missing.status_code == 428
    assert (await find(api, tokens["village_beidahe"], objection, "dismissed")).status_code == 200
    again = await find(api, tokens["village_beidahe"], objection, "upheld", if_match='"2"')
    assert again.status_code == 409 and again.json()["code"] == "objection_closed"
    assert (await household(api, tokens["admin"], hid))["status"] == "public_notice"


async def test_an_objection_needs_a_running_notice_and_a_date_within_it(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    resting = (await create_household(api, tokens["admin"]))["id"]
    none = await lodge(api, tokens["village_beidahe"], resting)
    assert none.status_code == 409 and none.json()["code"] == "no_public_notice"
    hid = await in_notice(api, tokens, stack)
    posted = date.fromisoformat((await household(api, tokens["admin"], hid))["notice_posted_on"])
    early = await lodge(
        api, tokens["village_beidahe"], hid, lodged_on=(posted - timedelta(days=1)).isoformat()
    )
    assert early.status_code == 422 and early.json()["errors"][0]["field"] == "body.lodged_on"
    later = await lodge(
        api, tokens["village_beidahe"], hid, lodged_on=(clock.today() + timedelta(days=1)).isoformat()
    )
    assert later.status_code == 422
    on_the_day = await lodge(api, tokens["village_beidahe"], hid, lodged_on=posted.isoformat())
    assert on_the_day.status_code == 201
    assert await count(stack, "SELECT count(*) FROM monitoring.objections") == 1


async def test_the_object_step_is_no_longer_taken_by_hand(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await in_notice(api, tokens, stack)
    for action in ("object", "object_elimination"):
        direct = await step(api, tokens["admin"], hid, action)
        assert direct.status_code == 422 and direct.json()["code"] == "objection_required", action
    assert (await household(api, tokens["admin"], hid))["status"] == "public_notice"


async def test_objections_are_scoped_like_their_household(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await in_notice(api, tokens, stack)
    objection = await lodge(api, tokens["village_beidahe"], hid)
    for who in ("auditor", "helper_wang", "dept_hrss"):
        assert (await lodge(api, tokens[who], hid)).status_code == 403, who
    wangwu = (await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE))[
        "id"
    ]
    await declare(api, tokens["admin"], wangwu)
    assert (await lodge(api, tokens["town_kejing"], wangwu)).status_code == 404
    assert (await api.get(objections_url(wangwu), headers=auth(tokens["town_kejing"]))).status_code == 404
    # The objection named under another household the caller can see: not found either.
    other = (await create_household(api, tokens["admin"]))["id"]
    misplaced = await api.post(
        f"{objections_url(other)}/{objection.json()['id']}/finding",
        json={"finding": "upheld", "note": "x"},
        headers=auth(tokens["admin"], **{"If-Match": objection.headers["etag"]}),
    )
    assert misplaced.status_code == 404


async def insert_objection(stack: Stack, household_id: str, **columns: object) -> None:
    values = {
        "posted": clock.today(),
        "lodged": clock.today(),
        "status": "open",
        "finding": None,
        "handled_by": None,
        **columns,
    }
    await sql(
        stack,
        "INSERT INTO monitoring.objections (id, household_id, town_code, village_code, procedure, "
        "notice_posted_on, content, lodged_on, recorded_by, recorded_by_role, status, finding, handled_by, "
        "handled_at, version) VALUES (gen_random_uuid(), :h, '419001100', '419001100201', 'inclusion', :posted, "
        "'x', :lodged, 'u', 'village_cadre', CAST(:status AS monitoring.objection_status), CAST(:finding AS text), "
        "CAST(:handled_by AS text), CASE WHEN CAST(:handled_by AS text) IS NULL THEN NULL ELSE now() END, 1)",
        h=household_id,
        **values,
    )


async def test_the_database_keeps_objections_within_their_notice_and_whole(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await create_household(api, tokens["admin"]))["id"]
    with pytest.raises(IntegrityError, match="ck_objections_lodged_during_notice"):
        await insert_objection(stack, hid, lodged=clock.today() - timedelta(days=1))
    with pytest.raises(IntegrityError, match="ck_objections_closed_with_finding"):
        await insert_objection(stack, hid, status="upheld")
    with pytest.raises(IntegrityError, match="ck_objections_closed_with_finding"):
        await insert_objection(stack, hid, finding="成立", handled_by="u")
    await insert_objection(stack, hid, status="dismissed", finding="不成立", handled_by="u")


async def test_an_objection_and_the_closing_of_the_notice_at_once_agree(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """Both lock the household: either the objection is lodged and the notice stays open, or the
    notice closed first and the objection finds no notice — never a closed notice with an open one."""
    hid = await in_notice(api, tokens, stack)
    village = tokens["village_beidahe"]
    objection, closing = await asyncio.gather(
        lodge(api, village, hid), step(api, village, hid, "close_notice")
    )
    assert (objection.status_code, closing.status_code) in {(201, 409), (409, 200)}, (
        objection.text,
        closing.text,
    )
    status = (await household(api, tokens["admin"], hid))["status"]
    assert status == ("public_notice" if objection.status_code == 201 else "town_review")


async def test_an_objection_found_after_its_notice_ended_is_recorded_without_moving_the_case(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await in_notice(api, tokens, stack)
    objection = await lodge(api, tokens["village_beidahe"], hid)
    rejected = await step(api, tokens["village_beidahe"], hid, "reject", reason="经评议不予纳入")
    assert rejected.status_code == 200
    upheld = await find(api, tokens["village_beidahe"], objection, "upheld")
    assert upheld.status_code == 200 and upheld.json()["status"] == "upheld"
    assert (await household(api, tokens["admin"], hid))["status"] == "not_monitored"
    history = (await api.get(f"{HOUSEHOLDS}/{hid}/transitions", headers=auth(tokens["admin"]))).json()
    assert history[-1]["action"] == "reject"
