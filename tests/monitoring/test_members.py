"""Members and their ID numbers: validation, uniqueness in the database, masking by role."""

from __future__ import annotations

from datetime import date

import httpx
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import HOUSEHOLDS, create_household, id_number, member


async def test_members_with_masked_and_full_id_numbers(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    me = (await api.get("/auth/me", headers=auth(tokens["helper_wang"]))).json()
    head = id_number(date(1975, 3, 9))
    created = await create_household(
        api,
        tokens["town_kejing"],
        helper_user_id=me["id"],
        members=[member(id_number=head), member(name="李秀英", relation="spouse", id_number=id_number())],
    )
    url = f"{HOUSEHOLDS}/{created['id']}/members"
    for who in ("admin", "town_kejing", "village_beidahe"):
        items = (await api.get(url, headers=auth(tokens[who]))).json()
        assert items[0]["id_number"] == head and items[0]["id_number_masked"] is False
        assert items[0]["birth_date"] == "1975-03-09" and items[0]["relation_label"] == "户主"
    for who in ("helper_wang", "auditor", "dept_hrss"):
        items = (await api.get(url, headers=auth(tokens[who]))).json()
        assert items[0]["id_number"] == f"{head[:6]}********{head[14:]}", who
        assert items[0]["id_number_masked"] is True and items[0]["birth_date"] is None
    # Stored protected: no column holds the number in clear, and nothing was logged or announced.
    async with stack.db("monitoring").engine.connect() as conn:
        dump = str(
            (
                await conn.execute(
                    text(
                        "SELECT m.*, h.* FROM monitoring.members m JOIN monitoring.households h ON h.id = m.household_id"
                    )
                )
            ).all()
        )
        audit = str((await conn.execute(text("SELECT changes FROM monitoring.audit_log"))).all())
        outbox = str((await conn.execute(text("SELECT envelope FROM monitoring.outbox"))).all())
    for where in (dump, audit, outbox):
        assert head not in where and head[6:14] not in audit + outbox


async def test_member_add_update_and_duplicates(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    h = auth(tokens["village_beidahe"])
    first = await create_household(api, tokens["admin"])
    second = await create_household(api, tokens["admin"])
    number = id_number()
    added = await api.post(f"{HOUSEHOLDS}/{first['id']}/members", json=member(id_number=number), headers=h)
    assert added.status_code == 201, added.text
    assert added.json()["id_number_masked"] is True  # write answers are kept for replays: masked
    dup = await api.post(
        f"{HOUSEHOLDS}/{second['id']}/members", json=member(id_number=number.lower()), headers=h
    )
    assert dup.status_code == 409 and dup.json()["code"] == "duplicate_id_number"
    assert number not in dup.text
    murl = f"{HOUSEHOLDS}/{first['id']}/members/{added.json()['id']}"
    ok = await api.patch(murl, json={"labour": "weak", "health": "chronic"}, headers={**h, "If-Match": '"1"'})
    assert ok.status_code == 200 and ok.json()["labour_label"] == "弱劳动力或半劳动力"
    stale = await api.patch(murl, json={"labour": "none"}, headers={**h, "If-Match": '"1"'})
    assert stale.status_code == 412
    bad_cases = [
        member(id_number="41900119800517123"),  # 17 chars
        member(id_number=number[:17] + ("0" if number[17] != "0" else "1")),  # checksum
        member(id_number="419001" + "19801332" + "1234"),  # month 13
        member(id_number="41900119800517ABCX"),
    ]
    for body in bad_cases:
        resp = await api.post(f"{HOUSEHOLDS}/{second['id']}/members", json=body, headers=h)
        assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "body.id_number", resp.text
    # Another town's official cannot add members to a Kejing household (404, not the record).
    wangwu = await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    denied = await api.post(
        f"{HOUSEHOLDS}/{wangwu['id']}/members", json=member(), headers=auth(tokens["town_kejing"])
    )
    assert denied.status_code == 404
    for who in ("helper_wang", "auditor", "dept_hrss"):
        resp = await api.post(f"{HOUSEHOLDS}/{first['id']}/members", json=member(), headers=auth(tokens[who]))
        assert resp.status_code in (403, 404), who
    async with stack.db("monitoring").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM monitoring.members")) == 1


async def test_household_with_bad_member_writes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    from tests.monitoring.factories import household

    number = id_number()
    body = household(members=[member(id_number=number), member(id_number=number)])
    resp = await api.post(HOUSEHOLDS, json=body, headers=auth(tokens["admin"]))
    assert resp.status_code == 409 and resp.json()["code"] == "duplicate_id_number"
    resp = await api.post(
        HOUSEHOLDS, json=household(members=[member(id_number="123")]), headers=auth(tokens["admin"])
    )
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "body.members.0.id_number"
    async with stack.db("monitoring").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM monitoring.households")) == 0
        assert await conn.scalar(text("SELECT count(*) FROM monitoring.outbox")) == 0


async def test_household_filters(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    from tests.monitoring.factories import include

    me = (await api.get("/auth/me", headers=auth(tokens["helper_wang"]))).json()
    helped = await create_household(
        api, tokens["admin"], head_name="张有福", address="北大河村五组", helper_user_id=me["id"]
    )
    await include(api, tokens, helped["id"], stack)
    plain = await create_household(api, tokens["admin"], head_name="刘平安", address="南庄", kind="ordinary")

    async def ids(**params: str) -> set[str]:
        resp = await api.get(HOUSEHOLDS, params=params, headers=auth(tokens["town_kejing"]))
        assert resp.status_code == 200, resp.text
        return {h["id"] for h in resp.json()["items"]}

    assert await ids(status="included") == {helped["id"]}
    assert await ids(subtype="sudden_hardship") == {helped["id"]}
    assert await ids(risk_cause="illness") == {helped["id"]}
    assert await ids(risk_cause="housing") == set()
    assert await ids(kind="ordinary") == {plain["id"]}
    assert await ids(helper_user_id=me["id"]) == {helped["id"]}
    assert await ids(q="有福") == {helped["id"]}
    assert await ids(q="南庄") == {plain["id"]}
    assert await ids(q="100%") == set()
    for bad in ({"status": "rich"}, {"risk_cause": "luck"}, {"q": ""}, {"town_code": "12"}):
        resp = await api.get(HOUSEHOLDS, params=bad, headers=auth(tokens["admin"]))
        assert resp.status_code == 422, bad
