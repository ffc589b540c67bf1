"""乡村工匠 and 劳务品牌 through the gateway: registration, the provincial (third batch) and national
nominations with their rules and decisions, the announcement, brands and their workers, reports."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import httpx
import openpyxl
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.conftest import Stack
from tests.employment.factories import API, count, create, outbox
from tests.helpers import KEJING, WANGWU, WANGWU_VILLAGE, auth

CRAFTSMEN = f"{API}/craftsmen"
BRANDS = f"{API}/labour-brands"


async def _craftsman(
    api: httpx.AsyncClient, token: str, worker_id: str, craft: str = "竹编"
) -> dict[str, Any]:
    resp = await api.post(CRAFTSMEN, json={"worker_id": worker_id, "craft": craft}, headers=auth(token))
    assert resp.status_code == 201, resp.text
    body: dict[str, Any] = resp.json()
    return body


async def _nominate(api: httpx.AsyncClient, token: str, craftsman_id: str, tier: str) -> httpx.Response:
    body = {"tier": tier, "nominated_on": "2025-05-01"}
    return await api.post(f"{CRAFTSMEN}/{craftsman_id}/nominations", json=body, headers=auth(token))


async def _decide(
    api: httpx.AsyncClient, token: str, nomination: httpx.Response, status: str
) -> httpx.Response:
    return await api.post(
        f"{CRAFTSMEN}/nominations/{nomination.json()['id']}/decision",
        json={"status": status, "decided_on": "2025-09-01"},
        headers={**auth(token), "If-Match": nomination.headers["ETag"]},
    )


@pytest.fixture
async def worker(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> str:
    return str((await create(api, tokens["admin"], stack)).json()["id"])


async def test_a_craftsman_rises_from_provincial_to_national_master(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str
) -> None:
    town, admin = tokens["town_kejing"], tokens["admin"]
    craftsman = await _craftsman(api, town, worker)
    assert (craftsman["level"], craftsman["level_label"]) == ("craftsman", "乡村工匠")
    again = await api.post(CRAFTSMEN, json={"worker_id": worker, "craft": "木工"}, headers=auth(town))
    assert again.status_code == 409 and again.json()["code"] == "craftsman_exists"
    # National recommendation is only for provincial masters (择优推荐).
    early = await _nominate(api, town, craftsman["id"], "national")
    assert early.status_code == 409 and early.json()["code"] == "not_nominable"
    provincial = await _nominate(api, town, craftsman["id"], "provincial")
    assert provincial.status_code == 201, provincial.text
    assert (provincial.json()["batch"], provincial.json()["status_label"]) == (3, "已申报")
    twice = await _nominate(api, town, craftsman["id"], "provincial")
    assert twice.status_code == 409 and twice.json()["code"] == "nomination_exists"
    # The decision is the district's (the province announces it); a town may not record it.
    assert (await _decide(api, town, provincial, "recognised")).status_code == 403
    stale = await api.post(
        f"{CRAFTSMEN}/nominations/{provincial.json()['id']}/decision",
        json={"status": "recognised", "decided_on": "2025-09-01"},
        headers={**auth(admin), "If-Match": '"9"'},
    )
    assert stale.status_code == 412
    decided = await _decide(api, admin, provincial, "recognised")
    assert decided.status_code == 200, decided.text
    assert (await _decide(api, admin, decided, "rejected")).status_code == 409
    national = await _nominate(api, town, craftsman["id"], "national")
    assert national.status_code == 201 and national.json()["batch"] is None
    assert (await _decide(api, admin, national, "recognised")).status_code == 200
    listed = (await api.get(CRAFTSMEN, params={"level": "national_master"}, headers=auth(town))).json()
    assert [c["level_label"] for c in listed["items"]] == ["国家级乡村工匠名师"]
    history = (await api.get(f"{CRAFTSMEN}/{craftsman['id']}/nominations", headers=auth(town))).json()
    assert [(n["tier"], n["status"]) for n in history] == [
        ("provincial", "recognised"),
        ("national", "recognised"),
    ]
    events = await outbox(stack, "craftsman")
    assert [e["data"]["level"] for e in events] == ["provincial_master", "national_master"]
    assert events[0]["data"]["batch"] == 3


async def test_a_rejected_nomination_may_be_followed_by_another(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str
) -> None:
    craftsman = await _craftsman(api, tokens["town_kejing"], worker)
    first = await _nominate(api, tokens["town_kejing"], craftsman["id"], "provincial")
    assert (await _decide(api, tokens["admin"], first, "rejected")).status_code == 200
    assert (await _nominate(api, tokens["town_kejing"], craftsman["id"], "provincial")).status_code == 201
    assert await outbox(stack, "craftsman") == []


async def test_scope_roles_and_bad_input_are_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str
) -> None:
    town = tokens["town_kejing"]
    elsewhere = (
        await create(api, tokens["admin"], stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)
    ).json()
    assert (
        await api.post(CRAFTSMEN, json={"worker_id": elsewhere["id"], "craft": "木工"}, headers=auth(town))
    ).status_code == 404
    assert (
        await api.post(CRAFTSMEN, json={"worker_id": worker, "craft": "  "}, headers=auth(town))
    ).status_code == 422
    assert (
        await api.post(
            CRAFTSMEN, json={"worker_id": worker, "craft": "木工"}, headers=auth(tokens["auditor"])
        )
    ).status_code == 403
    assert await count(stack, "SELECT count(*) FROM employment.craftsmen") == 0
    theirs = await _craftsman(api, tokens["admin"], elsewhere["id"])
    assert (await _nominate(api, town, theirs["id"], "provincial")).status_code == 404
    assert theirs["id"] not in [
        c["id"] for c in (await api.get(CRAFTSMEN, headers=auth(town))).json()["items"]
    ]
    assert await count(stack, "SELECT count(*) FROM employment.craftsman_nominations") == 0


async def test_the_craftsmen_report_counts_titles_and_open_nominations_by_town(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str
) -> None:
    admin = tokens["admin"]
    first = await _craftsman(api, admin, worker)
    second = await _craftsman(api, admin, (await create(api, admin, stack)).json()["id"], "石匠")
    await _decide(api, admin, await _nominate(api, admin, first["id"], "provincial"), "recognised")
    await _nominate(api, admin, second["id"], "provincial")
    elsewhere = (await create(api, admin, stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()["id"]
    await _craftsman(api, admin, elsewhere)
    rows = (await api.get(f"{API}/reports/craftsmen", headers=auth(admin))).json()["rows"]
    assert [
        (r["town_code"], r["craftsmen"], r["provincial_masters"], r["provincial_open"]) for r in rows
    ] == [
        (KEJING, 2, 1, 1),
        (WANGWU, 1, 0, 0),
    ]
    xlsx = await api.get(
        f"{API}/reports/craftsmen", params={"format": "xlsx"}, headers=auth(tokens["town_kejing"])
    )
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    assert len(list(sheet.iter_rows(values_only=True))) == 2  # header and their own town


async def test_labour_brands_and_the_workers_they_employ(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str
) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    assert (
        await api.post(BRANDS, json={"name": "济源焊工", "trade": "焊工"}, headers=auth(town))
    ).status_code == 403
    brand = await api.post(BRANDS, json={"name": "济源焊工", "trade": "焊工"}, headers=auth(admin))
    assert brand.status_code == 201, brand.text
    dup = await api.post(BRANDS, json={"name": "济源焊工", "trade": "电焊"}, headers=auth(admin))
    assert dup.status_code == 409 and dup.json()["code"] == "brand_exists"
    url = f"{BRANDS}/{brand.json()['id']}/workers"
    assert (
        await api.post(url, json={"worker_id": worker, "joined_on": "2025-04-01"}, headers=auth(town))
    ).status_code == 201
    again = await api.post(url, json={"worker_id": worker, "joined_on": "2025-05-01"}, headers=auth(town))
    assert again.status_code == 409 and again.json()["code"] == "already_in_brand"
    elsewhere = (await create(api, admin, stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()["id"]
    assert (
        await api.post(url, json={"worker_id": elsewhere, "joined_on": "2025-04-01"}, headers=auth(town))
    ).status_code == 404
    assert (
        await api.post(url, json={"worker_id": elsewhere, "joined_on": "2025-04-01"}, headers=auth(admin))
    ).status_code == 201
    mine = (await api.get(url, headers=auth(town))).json()["items"]
    assert [m["worker_id"] for m in mine] == [worker]
    report = (await api.get(f"{API}/reports/labour-brands", headers=auth(admin))).json()["rows"]
    assert report == [{"name": "济源焊工", "trade": "焊工", "workers": 2, "employed": 2}]
    theirs = (await api.get(f"{API}/reports/labour-brands", headers=auth(town))).json()["rows"]
    assert theirs[0]["workers"] == 1


@pytest.mark.parametrize(
    ("values", "constraint"),
    [
        ("'provincial', NULL, 'nominated', NULL", "ck_craftsman_nominations_provincial_has_batch"),
        ("'national', NULL, 'recognised', NULL", "ck_craftsman_nominations_decided_when_not_open"),
        (
            "'national', NULL, 'recognised', DATE '2025-04-30'",
            "ck_craftsman_nominations_decided_after_nominated",
        ),
    ],
)
async def test_the_database_guards_nominations(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str, values: str, constraint: str
) -> None:
    craftsman = await _craftsman(api, tokens["admin"], worker)
    insert = (
        "INSERT INTO employment.craftsman_nominations (id, craftsman_id, town_code, village_code, tier, batch,"
        f" status, decided_on, nominated_on, version) SELECT gen_random_uuid(), id, town_code, village_code, {values},"
        " DATE '2025-05-01', 1 FROM employment.craftsmen WHERE id = :id"
    )
    with pytest.raises(IntegrityError, match=constraint):
        async with stack.db("employment").engine.begin() as conn:
            await conn.execute(text(insert), {"id": craftsman["id"]})


async def test_the_database_allows_one_live_nomination_per_tier(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str
) -> None:
    craftsman = await _craftsman(api, tokens["admin"], worker)
    insert = (
        "INSERT INTO employment.craftsman_nominations (id, craftsman_id, town_code, village_code, tier, batch,"
        " status, decided_on, nominated_on, version) SELECT gen_random_uuid(), id, town_code, village_code,"
        " 'provincial', 3, CAST(:status AS employment.nomination_status), :decided, DATE '2025-05-01', 1"
        " FROM employment.craftsmen WHERE id = :id"
    )
    async with stack.db("employment").engine.begin() as conn:
        await conn.execute(
            text(insert), {"id": craftsman["id"], "status": "rejected", "decided": date(2025, 6, 1)}
        )
        await conn.execute(text(insert), {"id": craftsman["id"], "status": "nominated", "decided": None})
    with pytest.raises(IntegrityError, match="uq_craftsman_nominations_live"):
        async with stack.db("employment").engine.begin() as conn:
            await conn.execute(text(insert), {"id": craftsman["id"], "status": "nominated", "decided": None})
