"""Members and their ID numbers: validation, uniqueness in the database, masking by role."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import (
    HOUSEHOLDS,
    count,
    create_household,
    helper_id,
    household,
    id_number,
    include,
    listed,
    member,
)

MEMBER_COUNT = "SELECT count(*) FROM monitoring.members"
HEAD_BIRTH = date(1975, 3, 9)
_VALID = id_number()
INVALID_ID_NUMBERS = {
    "17 chars": "41900119800517123",
    "checksum": _VALID[:17] + ("0" if _VALID[17] != "0" else "1"),
    "month 13": "419001" + "19801332" + "1234",
    "letters": "41900119800517ABCX",
}


async def household_with_head(
    api: httpx.AsyncClient, tokens: dict[str, str], head: str
) -> tuple[dict[str, Any], str]:
    """A household of the helper's, its head and spouse registered; and its members' URL."""
    created = await create_household(
        api,
        tokens["town_kejing"],
        helper_user_id=await helper_id(api, tokens),
        members=[member(id_number=head), member(name="李秀英", relation="spouse", id_number=id_number())],
    )
    return created, f"{HOUSEHOLDS}/{created['id']}/members"


async def test_district_and_territorial_cadres_see_full_id_numbers(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    head = id_number(HEAD_BIRTH)
    _, url = await household_with_head(api, tokens, head)
    for who in ("admin", "town_kejing", "village_beidahe"):
        items = (await api.get(url, headers=auth(tokens[who]))).json()
        assert items[0]["id_number"] == head and items[0]["id_number_masked"] is False, who
        assert items[0]["birth_date"] == "1975-03-09" and items[0]["relation_label"] == "户主"


async def test_other_readers_see_masked_id_numbers_without_birth_date(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    head = id_number(HEAD_BIRTH)
    _, url = await household_with_head(api, tokens, head)
    for who in ("helper_wang", "auditor", "dept_hrss"):
        items = (await api.get(url, headers=auth(tokens[who]))).json()
        assert items[0]["id_number"] == f"{head[:6]}********{head[14:]}", who
        assert items[0]["id_number_masked"] is True and items[0]["birth_date"] is None


async def test_id_numbers_are_stored_protected_and_never_audited_or_announced(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    head = id_number(HEAD_BIRTH)
    await household_with_head(api, tokens, head)
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


async def test_added_member_answer_is_masked(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    first = await create_household(api, tokens["admin"])
    added = await api.post(
        f"{HOUSEHOLDS}/{first['id']}/members", json=member(), headers=auth(tokens["village_beidahe"])
    )
    assert added.status_code == 201, added.text
    assert added.json()["id_number_masked"] is True  # write answers are kept for replays: masked


async def test_an_id_number_registered_elsewhere_is_refused_without_echoing_it(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    h = auth(tokens["village_beidahe"])
    first = await create_household(api, tokens["admin"])
    second = await create_household(api, tokens["admin"])
    number = id_number()
    added = await api.post(f"{HOUSEHOLDS}/{first['id']}/members", json=member(id_number=number), headers=h)
    assert added.status_code == 201, added.text
    dup = await api.post(
        f"{HOUSEHOLDS}/{second['id']}/members", json=member(id_number=number.lower()), headers=h
    )
    assert dup.status_code == 409 and dup.json()["code"] == "duplicate_id_number"
    assert number not in dup.text
    assert await count(stack, MEMBER_COUNT) == 1


async def test_member_update_needs_the_current_version(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    h = auth(tokens["village_beidahe"])
    first = await create_household(api, tokens["admin"])
    added = await api.post(f"{HOUSEHOLDS}/{first['id']}/members", json=member(), headers=h)
    murl = f"{HOUSEHOLDS}/{first['id']}/members/{added.json()['id']}"
    ok = await api.patch(murl, json={"labour": "weak", "health": "chronic"}, headers={**h, "If-Match": '"1"'})
    assert ok.status_code == 200 and ok.json()["labour_label"] == "弱劳动力或半劳动力"
    stale = await api.patch(murl, json={"labour": "none"}, headers={**h, "If-Match": '"1"'})
    assert stale.status_code == 412


async def test_invalid_id_number_is_refused_with_its_field(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    target = await create_household(api, tokens["admin"])
    for case, number in INVALID_ID_NUMBERS.items():
        resp = await api.post(
            f"{HOUSEHOLDS}/{target['id']}/members",
            json=member(id_number=number),
            headers=auth(tokens["village_beidahe"]),
        )
        assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "body.id_number", case
    assert await count(stack, MEMBER_COUNT) == 0


async def test_another_towns_official_may_not_add_members(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """The household is not theirs to see: 404, not the record."""
    wangwu = await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    denied = await api.post(
        f"{HOUSEHOLDS}/{wangwu['id']}/members", json=member(), headers=auth(tokens["town_kejing"])
    )
    assert denied.status_code == 404
    assert await count(stack, MEMBER_COUNT) == 0


async def test_roles_that_do_not_keep_records_may_not_add_members(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    first = await create_household(api, tokens["admin"])
    for who in ("helper_wang", "auditor", "dept_hrss"):
        resp = await api.post(f"{HOUSEHOLDS}/{first['id']}/members", json=member(), headers=auth(tokens[who]))
        assert resp.status_code == 403, who
    assert await count(stack, MEMBER_COUNT) == 0


async def test_household_with_a_repeated_member_id_number_writes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    number = id_number()
    body = household(members=[member(id_number=number), member(id_number=number)])
    resp = await api.post(HOUSEHOLDS, json=body, headers=auth(tokens["admin"]))
    assert resp.status_code == 409 and resp.json()["code"] == "duplicate_id_number"
    assert await count(stack, "SELECT count(*) FROM monitoring.households") == 0
    assert await count(stack, "SELECT count(*) FROM monitoring.outbox") == 0


async def test_household_with_an_invalid_member_id_number_writes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    resp = await api.post(
        HOUSEHOLDS, json=household(members=[member(id_number="123")]), headers=auth(tokens["admin"])
    )
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "body.members.0.id_number"
    assert await count(stack, "SELECT count(*) FROM monitoring.households") == 0
    assert await count(stack, "SELECT count(*) FROM monitoring.outbox") == 0


async def test_households_filter_by_their_case(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    helped = await create_household(api, tokens["admin"])
    await include(api, tokens, helped["id"], stack)  # 脱贫不稳定户, 因病
    await create_household(api, tokens["admin"], kind="ordinary")
    town = tokens["town_kejing"]
    assert await listed(api, town, status="included") == {helped["id"]}
    assert await listed(api, town, subtype="unstable") == {helped["id"]}
    assert await listed(api, town, risk_cause="illness") == {helped["id"]}
    assert await listed(api, town, risk_cause="housing") == set()


async def test_households_filter_by_kind_and_helper(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    helper = await helper_id(api, tokens)
    helped = await create_household(api, tokens["admin"], helper_user_id=helper)
    plain = await create_household(api, tokens["admin"], kind="ordinary")
    town = tokens["town_kejing"]
    assert await listed(api, town, kind="ordinary") == {plain["id"]}
    assert await listed(api, town, helper_user_id=helper) == {helped["id"]}


async def test_text_search_matches_name_or_address_literally(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    named = await create_household(api, tokens["admin"], head_name="张有福", address="北大河村五组")
    placed = await create_household(api, tokens["admin"], head_name="刘平安", address="南庄")
    town = tokens["town_kejing"]
    assert await listed(api, town, q="有福") == {named["id"]}
    assert await listed(api, town, q="南庄") == {placed["id"]}
    assert await listed(api, town, q="100%") == set()


async def test_bad_filter_is_422(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    for bad in ({"status": "rich"}, {"risk_cause": "luck"}, {"q": ""}, {"town_code": "12"}):
        assert (await api.get(HOUSEHOLDS, params=bad, headers=auth(tokens["admin"]))).status_code == 422, bad
