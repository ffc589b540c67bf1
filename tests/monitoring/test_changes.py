"""户籍与成员变动: deaths, moves, births, marriages, splits, merges and cancellations — dated, with a
reason and an append-only history; counts at a date follow them; events carry them."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError

from services.monitoring.households.events import HOUSEHOLD_CHANGED, MEMBER_CHANGED
from shared import clock
from tests.conftest import Stack
from tests.helpers import KEJING_OTHER_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, new_id
from tests.monitoring.factories import (
    HOUSEHOLDS,
    announced,
    count,
    create_household,
    declare,
    helper_id,
    id_number,
    include,
    listed,
    member,
    step,
)

DAY = timedelta(days=1)


async def family(api: httpx.AsyncClient, token: str, **overrides: Any) -> tuple[dict[str, Any], list[str]]:
    """A household of three registered members (head, spouse, child) and their ids in that order."""
    created = await create_household(
        api,
        token,
        member_count=3,
        members=[
            member(name="王建国", relation="head"),
            member(name="李秀英", relation="spouse", id_number=id_number(date(1982, 1, 2))),
            member(name="王小明", relation="child", id_number=id_number(date(2005, 6, 1))),
        ],
        **overrides,
    )
    members = (await api.get(f"{HOUSEHOLDS}/{created['id']}/members", headers=auth(token))).json()
    return created, [m["id"] for m in members]


async def change(
    api: httpx.AsyncClient, token: str, household_id: str, what: str, body: dict[str, Any], **headers: str
) -> httpx.Response:
    """One change of the household with its current ETag (unless If-Match is given)."""
    url = f"{HOUSEHOLDS}/{household_id}"
    if "If-Match" not in headers:
        got = await api.get(url, headers=auth(token))
        headers["If-Match"] = got.headers["etag"]
    body = {"effective_on": clock.today().isoformat(), "reason": "村委会核实", **body}
    return await api.post(f"{url}/{what}", json=body, headers=auth(token, **headers))


async def backdate(stack: Stack, household_id: str, formed_on: date) -> None:
    """The household and its members in the records since ``formed_on`` (a ledger of long ago)."""
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(
            text("UPDATE monitoring.households SET formed_on = :d WHERE id = :h"),
            {"d": formed_on, "h": household_id},
        )
        await conn.execute(
            text("UPDATE monitoring.members SET joined_on = :d WHERE household_id = :h"),
            {"d": formed_on, "h": household_id},
        )


async def test_death_keeps_the_member_with_left_on_and_the_household_follows(
    api: httpx.AsyncClient, tokens: dict[str, str], today: date
) -> None:
    cadre = tokens["village_beidahe"]
    created, (_, spouse, _) = await family(api, cadre)
    resp = await change(
        api, cadre, created["id"], "departures", {"member_id": spouse, "kind": "death", "reason": "病故"}
    )
    assert resp.status_code == 200, resp.text
    answer = resp.json()
    assert answer["household"]["member_count"] == 2
    assert resp.headers["etag"] == f'"{answer["household"]["version"]}"'
    assert answer["household"]["version"] > created["version"]
    [death] = answer["changes"]
    assert (death["kind"], death["kind_label"], death["member_name"]) == ("death", "死亡", "李秀英")
    assert death["effective_on"] == today.isoformat() and death["reason"] == "病故"
    members = (await api.get(f"{HOUSEHOLDS}/{created['id']}/members", headers=auth(cadre))).json()
    assert {m["id"]: m["left_on"] for m in members}[spouse] == today.isoformat()  # kept, not deleted
    history = (await api.get(f"{HOUSEHOLDS}/{created['id']}/changes", headers=auth(tokens["auditor"]))).json()
    assert [h["kind"] for h in history] == ["death"]


async def test_departure_announces_the_member_inactive_with_the_date(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    cadre = tokens["village_beidahe"]
    created, (_, _, child) = await family(api, cadre)
    await change(api, cadre, created["id"], "departures", {"member_id": child, "kind": "move_out"})
    *_, (envelope, payload) = [
        e for e in await announced(stack, MEMBER_CHANGED) if str(e[1].member_id) == child
    ]
    assert payload.active is False and payload.left_on == today and payload.version == 2
    assert "id_number" not in str(envelope) and "王小明" not in str(envelope)


async def test_a_member_cannot_leave_twice(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    cadre = tokens["village_beidahe"]
    created, (_, spouse, _) = await family(api, cadre)
    first = await change(
        api, cadre, created["id"], "departures", {"member_id": spouse, "kind": "marriage_out"}
    )
    assert first.status_code == 200, first.text
    again = await change(api, cadre, created["id"], "departures", {"member_id": spouse, "kind": "death"})
    assert again.status_code == 409 and again.json()["code"] == "member_already_left"


async def test_departure_date_is_not_in_the_future_nor_before_the_member_joined(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    cadre = tokens["village_beidahe"]
    created, (_, spouse, child) = await family(api, cadre)
    joined = today - 10 * DAY
    await backdate(stack, created["id"], joined)
    body = {"member_id": spouse, "kind": "death"}
    future = await change(
        api, cadre, created["id"], "departures", {**body, "effective_on": (today + DAY).isoformat()}
    )
    early = await change(
        api, cadre, created["id"], "departures", {**body, "effective_on": (joined - DAY).isoformat()}
    )
    for refused in (future, early):
        assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "body.effective_on"
    on_joining = await change(
        api, cadre, created["id"], "departures", {**body, "effective_on": joined.isoformat()}
    )
    assert on_joining.status_code == 200, on_joining.text
    on_today = await change(api, cadre, created["id"], "departures", {"member_id": child, "kind": "move_out"})
    assert on_today.status_code == 200, on_today.text


async def test_the_head_leaving_names_a_successor(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    cadre = tokens["village_beidahe"]
    created, (head, spouse, _) = await family(api, cadre)
    unnamed = await change(api, cadre, created["id"], "departures", {"member_id": head, "kind": "death"})
    assert unnamed.status_code == 422 and unnamed.json()["errors"][0]["field"] == "body.new_head_member_id"
    resp = await change(
        api,
        cadre,
        created["id"],
        "departures",
        {"member_id": head, "kind": "death", "new_head_member_id": spouse},
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["household"]["head_name"] == "李秀英"
    members = (await api.get(f"{HOUSEHOLDS}/{created['id']}/members", headers=auth(cadre))).json()
    assert {m["id"]: m["relation"] for m in members}[spouse] == "head"


async def test_the_last_member_cannot_leave_the_household_is_cancelled_instead(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    cadre = tokens["village_beidahe"]
    created = await create_household(api, cadre, member_count=1, members=[member()])
    [head] = (await api.get(f"{HOUSEHOLDS}/{created['id']}/members", headers=auth(cadre))).json()
    resp = await change(api, cadre, created["id"], "departures", {"member_id": head["id"], "kind": "death"})
    assert resp.status_code == 409 and resp.json()["code"] == "last_member"


async def test_birth_adds_a_member_with_its_id_number_protected(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    cadre = tokens["village_beidahe"]
    created, _ = await family(api, cadre)
    await backdate(stack, created["id"], today - 30 * DAY)
    born = today - 3 * DAY
    newborn = id_number(born)
    resp = await change(
        api,
        cadre,
        created["id"],
        "arrivals",
        {
            "kind": "birth",
            "effective_on": born.isoformat(),
            "member": member(name="王小宝", relation="grandchild", labour="none", id_number=newborn),
        },
    )
    assert resp.status_code == 200, resp.text
    answer = resp.json()
    assert answer["household"]["member_count"] == 4
    assert answer["member"]["id_number_masked"] is True and answer["member"]["id_number"] != newborn
    assert answer["member"]["joined_on"] == born.isoformat() and answer["changes"][0]["kind_label"] == "出生"
    active = "SELECT count(*) FROM monitoring.members WHERE household_id = :h AND left_on IS NULL"
    assert await count(stack, active, h=created["id"]) == 4
    before_birth = await change(
        api,
        cadre,
        created["id"],
        "arrivals",
        {
            "kind": "birth",
            "effective_on": (born - 2 * DAY).isoformat(),
            "member": member(relation="child", id_number=id_number(born)),
        },
    )
    assert (
        before_birth.status_code == 422 and before_birth.json()["errors"][0]["field"] == "body.effective_on"
    )


async def test_someone_who_married_out_may_marry_into_another_household_but_not_be_in_two(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    cadre = tokens["village_beidahe"]
    number = id_number(date(1999, 9, 9))
    home, _ = await family(api, cadre)
    bride_home = await create_household(
        api, cadre, member_count=2, members=[member(), member(relation="child", id_number=number)]
    )
    bride = next(
        m
        for m in (await api.get(f"{HOUSEHOLDS}/{bride_home['id']}/members", headers=auth(cadre))).json()
        if m["relation"] == "child"
    )
    arriving = {"kind": "marriage_in", "member": member(name="赵丽", relation="spouse", id_number=number)}
    while_there = await change(api, cadre, home["id"], "arrivals", arriving)
    assert while_there.status_code == 409 and while_there.json()["code"] == "duplicate_id_number"
    left = await change(
        api, cadre, bride_home["id"], "departures", {"member_id": bride["id"], "kind": "marriage_out"}
    )
    assert left.status_code == 200, left.text
    married_in = await change(api, cadre, home["id"], "arrivals", arriving)
    assert married_in.status_code == 200, married_in.text
    assert married_in.json()["changes"][0]["kind_label"] == "婚入"


async def test_split_forms_a_household_in_another_village_that_keeps_identity_and_helper(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    town = tokens["town_kejing"]
    helper = await helper_id(api, tokens)
    created, (_head, _spouse, child) = await family(api, town, helper_user_id=helper)
    resp = await change(
        api,
        town,
        created["id"],
        "split",
        {
            "member_ids": [child],
            "head_member_id": child,
            "village_code": KEJING_OTHER_VILLAGE,
            "reason": "成年分户",
        },
    )
    assert resp.status_code == 200, resp.text
    answer = resp.json()
    new = answer["other_household"]
    assert (new["village_code"], new["kind"], new["helper_user_id"]) == (
        KEJING_OTHER_VILLAGE,
        "lifted_out",
        helper,
    )
    assert (new["head_name"], new["member_count"], new["status"]) == ("王小明", 1, "not_monitored")
    assert new["formed_on"] == today.isoformat() and answer["household"]["member_count"] == 2
    moved = (await api.get(f"{HOUSEHOLDS}/{new['id']}/members", headers=auth(town))).json()
    assert [(m["id"], m["relation"], m["left_on"]) for m in moved] == [(child, "head", None)]
    for side in (created["id"], new["id"]):  # the history on both
        history = (await api.get(f"{HOUSEHOLDS}/{side}/changes", headers=auth(town))).json()
        assert [(h["kind"], h["household_id"], h["other_household_id"]) for h in history] == [
            ("split", created["id"], new["id"])
        ]
    [(_, payload)] = [e for e in await announced(stack, MEMBER_CHANGED) if str(e[1].member_id) == child][-1:]
    assert str(payload.household_id) == new["id"] and payload.active is True


async def test_split_refuses_a_village_outside_the_callers_territory(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    cadre = tokens["village_beidahe"]
    created, (_, _, child) = await family(api, cadre)
    body = {"member_ids": [child], "head_member_id": child}
    other_village = await change(
        api, cadre, created["id"], "split", {**body, "village_code": KEJING_OTHER_VILLAGE}
    )
    other_town = await change(
        api, tokens["town_kejing"], created["id"], "split", {**body, "village_code": WANGWU_VILLAGE}
    )
    assert other_village.status_code == 403 and other_town.status_code == 403
    assert await count(stack, "SELECT count(*) FROM monitoring.households") == 1


async def test_split_keeps_someone_in_the_old_household(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    cadre = tokens["village_beidahe"]
    created, ids = await family(api, cadre)
    resp = await change(api, cadre, created["id"], "split", {"member_ids": ids, "head_member_id": ids[0]})
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "body.member_ids"


async def test_split_of_a_monitored_household_asks_to_verify_the_new_one(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created, (_, _, child) = await family(api, tokens["village_beidahe"])
    await include(api, tokens, created["id"], stack)
    resp = await change(
        api, tokens["town_kejing"], created["id"], "split", {"member_ids": [child], "head_member_id": child}
    )
    assert resp.status_code == 200, resp.text
    new = resp.json()["other_household"]["id"]
    alerts = (
        await api.get(
            "/api/monitoring/v1/alerts", params={"household_id": new}, headers=auth(tokens["admin"])
        )
    ).json()
    [alert] = alerts["items"]
    assert alert["source"] == "system" and "分户" in alert["reason"] and alert["risk_causes"] == ["illness"]


async def test_merge_moves_every_member_and_cancels_the_emptied_household(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    cadre = tokens["village_beidahe"]
    target, _ = await family(api, cadre, kind="ordinary")
    source, moving = await family(api, cadre)  # a 脱贫户
    await declare(api, cadre, source["id"], reason="申报")
    resp = await change(
        api, cadre, source["id"], "merge", {"into_household_id": target["id"], "reason": "老人随子女合户"}
    )
    assert resp.status_code == 200, resp.text
    answer = resp.json()
    assert answer["household"]["cancelled_on"] == today.isoformat()
    merged = answer["other_household"]
    assert merged["member_count"] == 6 and merged["kind"] == "lifted_out"  # 脱贫人口 stay 脱贫人口
    assert [c["kind"] for c in answer["changes"]] == ["merge", "merge", "merge", "cancellation"]
    people = (await api.get(f"{HOUSEHOLDS}/{target['id']}/members", headers=auth(cadre))).json()
    assert {m["id"] for m in people} >= set(moving) and sum(m["relation"] == "head" for m in people) == 1
    assert (
        await count(
            stack,
            "SELECT count(*) FROM monitoring.alerts WHERE household_id = :h AND status = 'dismissed'",
            h=source["id"],
        )
        == 1
    )
    # the pending alert is not lost: the merged household is asked to verify
    assert (
        await count(
            stack,
            "SELECT count(*) FROM monitoring.alerts WHERE household_id = :h AND status = 'open'",
            h=target["id"],
        )
        == 1
    )
    [*_, (_, payload)] = [
        e for e in await announced(stack, HOUSEHOLD_CHANGED) if str(e[1].household_id) == source["id"]
    ]
    assert payload.cancelled_on == today


async def test_merge_into_a_household_outside_the_callers_territory_is_not_found(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    far = await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    source, _ = await family(api, tokens["town_kejing"])
    resp = await change(api, tokens["town_kejing"], source["id"], "merge", {"into_household_id": far["id"]})
    assert resp.status_code == 404
    assert await count(stack, "SELECT count(*) FROM monitoring.household_changes") == 0


async def test_cancellation_takes_the_household_out_of_lists_counts_and_workflow(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    cadre = tokens["village_beidahe"]
    created, _ids = await family(api, cadre)
    await declare(api, cadre, created["id"], reason="申报")
    resp = await change(
        api, cadre, created["id"], "cancellation", {"cause": "moved_away", "reason": "全户迁往外省"}
    )
    assert resp.status_code == 200, resp.text
    assert [c["kind"] for c in resp.json()["changes"]] == ["move_out", "move_out", "move_out", "cancellation"]
    assert created["id"] not in await listed(api, cadre)
    assert created["id"] in await listed(api, cadre, include_cancelled="true")
    assert (await api.get(f"{HOUSEHOLDS}/{created['id']}", headers=auth(cadre))).status_code == 200
    workflow = await step(api, cadre, created["id"], "start_verification")
    assert workflow.status_code == 409 and workflow.json()["code"] == "household_cancelled"
    again = await change(api, cadre, created["id"], "cancellation", {"cause": "died_out"})
    assert again.status_code == 409 and again.json()["code"] == "household_cancelled"
    patch = await api.patch(
        f"{HOUSEHOLDS}/{created['id']}",
        json={"address": "新址"},
        headers=auth(cadre, **{"If-Match": resp.headers["etag"]}),
    )
    assert patch.status_code == 409
    assert (
        await count(
            stack,
            "SELECT count(*) FROM monitoring.members WHERE household_id = :h AND left_on IS NULL",
            h=created["id"],
        )
        == 0
    )
    assert (
        await count(stack, "SELECT count(*) FROM monitoring.alerts WHERE status IN ('open', 'verifying')")
        == 0
    )
    report = (await api.get("/api/monitoring/v1/reports/households", headers=auth(tokens["admin"]))).json()
    assert report["rows"] == []


@pytest.mark.parametrize("who", ["helper_wang", "auditor", "dept_hrss"])
async def test_roles_that_do_not_keep_household_records_are_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, who: str
) -> None:
    created, (_, spouse, _) = await family(
        api, tokens["town_kejing"], helper_user_id=await helper_id(api, tokens)
    )
    resp = await change(
        api,
        tokens[who],
        created["id"],
        "departures",
        {"member_id": spouse, "kind": "death"},
        **{"If-Match": '"1"'},
    )
    assert resp.status_code == 403
    assert await count(stack, "SELECT count(*) FROM monitoring.household_changes") == 0


async def test_another_towns_household_is_not_found(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    far = await create_household(
        api,
        tokens["admin"],
        town_code=WANGWU,
        village_code=WANGWU_VILLAGE,
        members=[member(), member(relation="spouse", id_number=id_number())],
    )
    [_, spouse] = [
        m["id"]
        for m in (await api.get(f"{HOUSEHOLDS}/{far['id']}/members", headers=auth(tokens["admin"]))).json()
    ]
    town = tokens["town_kejing"]
    resp = await change(
        api, town, far["id"], "departures", {"member_id": spouse, "kind": "death"}, **{"If-Match": '"1"'}
    )
    assert resp.status_code == 404
    assert (await api.get(f"{HOUSEHOLDS}/{far['id']}/changes", headers=auth(town))).status_code == 404
    assert await count(stack, "SELECT count(*) FROM monitoring.household_changes") == 0


async def test_changes_need_the_households_version_and_replay_by_idempotency_key(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    cadre = tokens["village_beidahe"]
    created, (_, spouse, _) = await family(api, cadre)
    url = f"{HOUSEHOLDS}/{created['id']}/departures"
    body = {"member_id": spouse, "kind": "death", "effective_on": today.isoformat(), "reason": "病故"}
    assert (await api.post(url, json=body, headers=auth(cadre))).status_code == 428
    stale = await api.post(url, json=body, headers=auth(cadre, **{"If-Match": '"999"'}))
    assert stale.status_code == 412
    headers = auth(cadre, **{"If-Match": f'"{created["version"]}"', "Idempotency-Key": new_id()})
    first = await api.post(url, json=body, headers=headers)
    replay = await api.post(url, json=body, headers=headers)
    assert first.status_code == replay.status_code == 200 and replay.json() == first.json()
    assert await count(stack, "SELECT count(*) FROM monitoring.household_changes") == 1


# --- database guards, each alone ---------------------------------------------------------------


async def _sql(stack: Stack, sql: str, **params: object) -> None:
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(text(sql), params)


async def _guarded(stack: Stack, constraint: str, sql: str, **params: object) -> None:
    with pytest.raises((IntegrityError, DBAPIError)) as refused:
        await _sql(stack, sql, **params)
    assert constraint in str(refused.value)


CHANGE_ROW = (
    "INSERT INTO monitoring.household_changes (household_id, member_id, kind, effective_on, reason,"
    " other_household_id, actor, actor_role) VALUES (:h, :m, :k, current_date, '核实', :o, 'test', 'district_admin')"
)


async def test_database_refuses_a_second_departure_of_a_member(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created, (_, spouse, _) = await family(api, tokens["admin"])
    await _sql(stack, CHANGE_ROW, h=created["id"], m=spouse, k="death", o=None)
    await _guarded(
        stack,
        "uq_household_changes_one_departure",
        CHANGE_ROW,
        h=created["id"],
        m=spouse,
        k="move_out",
        o=None,
    )


async def test_database_keeps_the_history_append_only(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created, (_, spouse, _) = await family(api, tokens["admin"])
    await _sql(stack, CHANGE_ROW, h=created["id"], m=spouse, k="death", o=None)
    await _guarded(stack, "append-only", "UPDATE monitoring.household_changes SET reason = '改'")
    await _guarded(stack, "append-only", "DELETE FROM monitoring.household_changes")


async def test_database_requires_the_other_household_of_a_split(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created, (_, spouse, _) = await family(api, tokens["admin"])
    await _guarded(
        stack,
        "ck_household_changes_other_household_fits",
        CHANGE_ROW,
        h=created["id"],
        m=spouse,
        k="split",
        o=None,
    )
    await _guarded(
        stack, "ck_household_changes_member_named", CHANGE_ROW, h=created["id"], m=None, k="death", o=None
    )


async def test_database_refuses_an_id_number_active_in_two_households(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    _created, (_, spouse, _) = await family(api, tokens["admin"])
    copy = (
        "INSERT INTO monitoring.members (id, household_id, name, id_number_hash, id_number_cipher, id_number_masked,"
        " birth_date, relation, health, labour, schooling, version, left_on, joined_on)"
        " SELECT gen_random_uuid(), household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, relation,"
        " health, labour, schooling, 1, CAST(:left AS date), current_date - 5 FROM monitoring.members WHERE id = :m"
    )
    await _sql(stack, copy, m=spouse, left=today)  # a departed row of the same person is allowed
    await _guarded(stack, "uq_members_active_id_number_hash", copy, m=spouse, left=None)


async def test_database_refuses_leaving_before_joining_and_cancelling_before_forming(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created, (_, spouse, _) = await family(api, tokens["admin"])
    await _guarded(
        stack,
        "ck_members_left_after_joined",
        "UPDATE monitoring.members SET left_on = joined_on - 1 WHERE id = :m",
        m=spouse,
    )
    await _guarded(
        stack,
        "ck_households_cancelled_after_formed",
        "UPDATE monitoring.households SET cancelled_on = formed_on - 1 WHERE id = :h",
        h=created["id"],
    )


# --- counts at a date: a hand-counted population --------------------------------------------------


async def test_households_report_counts_households_and_members_on_any_date(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    """Town 克井 on D0 = 40 days ago: A (3 people), B (3), C (1) formed; 王屋: W (2).
    D1 = 30 days ago: A's spouse dies.  D2 = 20 days ago: A's child splits off into A' (克井, other
    village); B moves in a daughter-in-law.  D3 = 10 days ago: C is cancelled (died out).
    D4 = 5 days ago: B merges into A.  Counted by hand:

    | day            | 克井 households | 克井 members | 王屋 households | 王屋 members |
    | D0 − 1         | 0               | 0            | 0               | 0            |
    | D0             | 3 (A B C)       | 7            | 1               | 2            |
    | D1             | 3               | 6            | 1               | 2            |
    | D2             | 4 (A A' B C)    | 7            | 1               | 2            |
    | D3             | 3 (A A' B)      | 6            | 1               | 2            |
    | D4 and today   | 2 (A A')        | 6            | 1               | 2            |
    """
    admin = tokens["admin"]
    d0, d1, d2, d3, d4 = (today - n * DAY for n in (40, 30, 20, 10, 5))
    a, (_, a_spouse, a_child) = await family(api, admin)
    b, _ = await family(api, admin)
    c = await create_household(api, admin, member_count=1, members=[member()])
    w = await create_household(
        api,
        admin,
        town_code=WANGWU,
        village_code=WANGWU_VILLAGE,
        member_count=2,
        members=[member(), member(relation="spouse", id_number=id_number())],
    )
    for household in (a, b, c, w):
        await backdate(stack, household["id"], d0)

    async def ok(household_id: str, what: str, body: dict[str, Any]) -> None:
        resp = await change(api, admin, household_id, what, body)
        assert resp.status_code == 200, resp.text

    await ok(a["id"], "departures", {"member_id": a_spouse, "kind": "death", "effective_on": d1.isoformat()})
    await ok(
        a["id"],
        "split",
        {
            "member_ids": [a_child],
            "head_member_id": a_child,
            "village_code": KEJING_OTHER_VILLAGE,
            "effective_on": d2.isoformat(),
        },
    )
    await ok(
        b["id"],
        "arrivals",
        {
            "kind": "marriage_in",
            "effective_on": d2.isoformat(),
            "member": member(relation="other", id_number=id_number(date(1998, 3, 3))),
        },
    )
    await ok(c["id"], "cancellation", {"cause": "died_out", "effective_on": d3.isoformat()})
    await ok(b["id"], "merge", {"into_household_id": a["id"], "effective_on": d4.isoformat()})

    async def counted(day: date | None) -> dict[str, tuple[int, int]]:
        params = {"group": "kind"} | ({"as_of": day.isoformat()} if day else {})
        resp = await api.get("/api/monitoring/v1/reports/households", params=params, headers=auth(admin))
        assert resp.status_code == 200, resp.text
        totals: dict[str, tuple[int, int]] = {}
        for row in resp.json()["rows"]:
            households, members = totals.get(row["town_name"], (0, 0))
            totals[row["town_name"]] = (households + row["households"], members + row["members"])
        return totals

    assert await counted(d0 - DAY) == {}
    assert await counted(d0) == {"克井镇": (3, 7), "王屋镇": (1, 2)}
    assert await counted(d1) == {"克井镇": (3, 6), "王屋镇": (1, 2)}
    assert await counted(d2) == {"克井镇": (4, 7), "王屋镇": (1, 2)}
    assert await counted(d3) == {"克井镇": (3, 6), "王屋镇": (1, 2)}
    assert await counted(d4) == {"克井镇": (2, 6), "王屋镇": (1, 2)}
    assert await counted(None) == await counted(today) == {"克井镇": (2, 6), "王屋镇": (1, 2)}
    future = await api.get(
        "/api/monitoring/v1/reports/households",
        params={"as_of": (today + DAY).isoformat()},
        headers=auth(admin),
    )
    assert future.status_code == 422
    town_view = await api.get(
        "/api/monitoring/v1/reports/households",
        params={"as_of": d2.isoformat()},
        headers=auth(tokens["town_kejing"]),
    )
    assert {r["town_name"] for r in town_view.json()["rows"]} == {"克井镇"}


async def test_a_departure_leaves_the_roll_consistent_for_data_quality(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    """Rule 4 (登记成员数与家庭人口数不一致) compares the declared size with the active members."""
    admin = tokens["admin"]
    created, (_, spouse, _) = await family(api, admin)
    resp = await change(api, admin, created["id"], "departures", {"member_id": spouse, "kind": "death"})
    assert resp.status_code == 200, resp.text
    report = (await api.get("/api/monitoring/v1/reports/data-quality", headers=auth(admin))).json()
    assert [r for r in report["rows"] if r["rule_no"] == 4] == []


async def test_two_departures_of_one_member_at_once_record_one(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """Both ask with ``If-Match: *``: the household's lock lets one in; the other finds them gone."""
    cadre = tokens["village_beidahe"]
    created, (_, spouse, _) = await family(api, cadre)
    body = {"member_id": spouse, "kind": "death"}
    answers = await asyncio.gather(
        *(change(api, cadre, created["id"], "departures", body, **{"If-Match": "*"}) for _ in range(2))
    )
    assert sorted(a.status_code for a in answers) == [200, 409]
    assert await count(stack, "SELECT count(*) FROM monitoring.household_changes") == 1
    household = (await api.get(f"{HOUSEHOLDS}/{created['id']}", headers=auth(cadre))).json()
    assert household["member_count"] == 2


async def test_merge_refuses_an_identity_the_target_category_does_not_fit(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """A 脱贫户 merging into a 边缘易致贫户 would make it a 脱贫户, whose category cannot be 边缘易致贫户."""
    cadre = tokens["village_beidahe"]
    target, _ = await family(api, cadre, kind="ordinary")
    await include(api, tokens, target["id"], stack, subtype="marginal")
    source, _ = await family(api, cadre)
    resp = await change(api, cadre, source["id"], "merge", {"into_household_id": target["id"]})
    assert resp.status_code == 422 and resp.json()["code"] == "subtype_not_for_kind"
    itself = await change(api, cadre, source["id"], "merge", {"into_household_id": source["id"]})
    assert itself.status_code == 422 and itself.json()["errors"][0]["field"] == "body.into_household_id"
    assert await count(stack, "SELECT count(*) FROM monitoring.household_changes") == 0
