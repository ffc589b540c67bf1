"""乡村公益性岗位 through the gateway: who may hold one (脱贫 or monitored, able to work, hard to
employ elsewhere — each rule at its boundary), monthly allowances and their report."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import httpx
import openpyxl
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from services.employment.posts.service import months_before
from shared import clock
from tests.conftest import Stack
from tests.employment.factories import API, URL, count, handled, worker
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, assert_excel_report, auth, new_id
from tests.monitoring.factories import household_changed, member_changed

POSTS = f"{API}/posts"
HARD_TO_EMPLOY_MONTHS = 12  # post_hard_to_employ_months


async def _idle_worker(
    api: httpx.AsyncClient,
    token: str,
    stack: Stack,
    *,
    labour: str = "ordinary",
    village: str = KEJING_VILLAGE,
    **household: Any,
) -> str:
    """A registered worker without a job, of a household and member as monitoring announced them."""
    household_id, member_id = new_id(), new_id()
    await handled(
        stack,
        household_changed(household_id, village, **{"lifted_out": True, **household}),
        member_changed(member_id, household_id, labour=labour),
    )
    body = worker(household_id=household_id, member_id=member_id, town_code=village[:9], village_code=village)
    body.update(status="unemployed", employer=None, place=None, monthly_wage=None, employed_since=None)
    resp = await api.post(URL, json=body, headers=auth(token))
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def _past_job(api: httpx.AsyncClient, token: str, worker_id: str, started: date, ended: date) -> None:
    etag = (await api.get(f"{URL}/{worker_id}", headers=auth(token))).headers["ETag"]
    job = {
        "employer": "某建筑公司",
        "place": "in_county",
        "started_on": started.isoformat(),
        "ended_on": ended.isoformat(),
    }
    resp = await api.post(f"{URL}/{worker_id}/spells", json=job, headers={**auth(token), "If-Match": etag})
    assert resp.status_code == 201, resp.text


async def _post(api: httpx.AsyncClient, token: str, village: str = KEJING_VILLAGE) -> str:
    body = {
        "town_code": village[:9],
        "village_code": village,
        "title": "护林员",
        "monthly_allowance": "500.00",
    }
    resp = await api.post(POSTS, json=body, headers=auth(token))
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def _assign(
    api: httpx.AsyncClient, token: str, post_id: str, worker_id: str, on: date | None = None
) -> httpx.Response:
    return await api.post(
        f"{POSTS}/{post_id}/holder",
        json={"worker_id": worker_id, "started_on": (on or clock.today()).isoformat()},
        headers=auth(token),
    )


def _refused(resp: httpx.Response) -> bool:
    return resp.status_code == 409 and resp.json()["code"] == "post_not_eligible"


async def test_only_lifted_out_or_monitored_households_able_to_work(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    post = await _post(api, admin)
    neither = await _idle_worker(api, admin, stack, lifted_out=False, status="not_monitored")
    assert _refused(await _assign(api, admin, post, neither))
    for labour in ("lost", "none"):
        unable = await _idle_worker(api, admin, stack, labour=labour)
        assert _refused(await _assign(api, admin, post, unable))
    assert await count(stack, "SELECT count(*) FROM employment.post_holdings") == 0
    monitored = await _idle_worker(api, admin, stack, lifted_out=False, status="included", subtype="marginal")
    assert (await _assign(api, admin, post, monitored)).status_code == 201


async def test_hard_to_employ_means_no_main_job_for_twelve_months_or_weak_labour(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    admin = tokens["admin"]
    window_start = months_before(today, HARD_TO_EMPLOY_MONTHS)
    started = window_start - timedelta(days=200)
    # A job whose last day is the first day of the twelve months: not hard to employ.
    recent = await _idle_worker(api, admin, stack)
    await _past_job(api, admin, recent, started, window_start)
    assert _refused(await _assign(api, admin, await _post(api, admin), recent))
    # Ended the day before: twelve full months without a main job.
    long_idle = await _idle_worker(api, admin, stack)
    await _past_job(api, admin, long_idle, started, window_start - timedelta(days=1))
    assert (await _assign(api, admin, await _post(api, admin), long_idle)).status_code == 201
    # 弱劳动力或半劳动力: hard to employ whatever the last job, if none is held that day.
    weak = await _idle_worker(api, admin, stack, labour="weak")
    await _past_job(api, admin, weak, started, today - timedelta(days=1))
    assert (await _assign(api, admin, await _post(api, admin), weak)).status_code == 201
    at_work = await _idle_worker(api, admin, stack, labour="weak")
    await _past_job(api, admin, at_work, started, today)
    assert _refused(await _assign(api, admin, await _post(api, admin), at_work))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 3, 31), date(2024, 3, 31)),
        (date(2024, 2, 29), date(2023, 2, 28)),
        (date(2025, 1, 15), date(2024, 1, 15)),
    ],
)
def test_twelve_months_before_keeps_the_day_or_the_months_last(day: date, expected: date) -> None:
    assert months_before(day, 12) == expected


async def _pay(
    api: httpx.AsyncClient, token: str, post_id: str, holding: str, **overrides: Any
) -> httpx.Response:
    today = clock.today()  # the day of the call, as the service counts it
    body = {
        "holding_id": holding,
        "month": today.strftime("%Y-%m"),
        "amount": "500.00",
        "paid_on": today.isoformat(),
    }
    return await api.post(f"{POSTS}/{post_id}/allowances", json={**body, **overrides}, headers=auth(token))


async def test_allowances_are_paid_monthly_within_the_holding_and_the_posts_amount(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    post = await _post(api, town)
    held = await _assign(api, town, post, await _idle_worker(api, town, stack))
    holding = held.json()["id"]
    above = await _pay(api, town, post, holding, amount="500.01")
    assert above.status_code == 422 and above.json()["errors"][0]["field"] == "amount"
    last_month = (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    assert (await _pay(api, town, post, holding, month=last_month)).status_code == 422  # before the holding
    assert (await _pay(api, tokens["auditor"], post, holding)).status_code == 403
    paid = await _pay(api, town, post, holding)
    assert paid.status_code == 201, paid.text
    assert (paid.json()["amount"], paid.json()["month"]) == ("500.00", today.replace(day=1).isoformat())
    again = await _pay(api, town, post, holding, amount="100.00")
    assert again.status_code == 409 and again.json()["code"] == "allowance_paid"

    theirs = await _post(api, admin, WANGWU_VILLAGE)
    their_holding = (
        await _assign(api, admin, theirs, await _idle_worker(api, admin, stack, village=WANGWU_VILLAGE))
    ).json()["id"]
    assert (await _pay(api, town, theirs, their_holding)).status_code == 404
    assert (await _pay(api, admin, theirs, their_holding, amount="300.00")).status_code == 201
    assert (await _pay(api, admin, post, their_holding)).status_code == 422  # not this post's holding

    report = (await api.get(f"{POSTS}/allowances", headers=auth(admin))).json()
    assert [(r["town_code"], r["payments"], r["amount"]) for r in report["rows"]] == [
        (KEJING, 1, "500.00"),
        (WANGWU, 1, "300.00"),
    ]
    mine = await api.get(f"{POSTS}/allowances", params={"format": "xlsx"}, headers=auth(town))
    sheet = openpyxl.load_workbook(io.BytesIO(mine.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "金额" and len(rows) == 2 and rows[1][-1] == 500  # a number Excel sums
    town_report = (await api.get(f"{POSTS}/allowances", headers=auth(town))).json()
    assert_excel_report(town_report, mine.content)


async def test_the_database_guards_allowances(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    post = await _post(api, admin)
    holding = (await _assign(api, admin, post, await _idle_worker(api, admin, stack))).json()["id"]
    insert = (
        "INSERT INTO employment.post_allowance_payments (id, holding_id, post_id, worker_id, town_code,"
        " village_code, month, amount, paid_on) SELECT gen_random_uuid(), h.id, h.post_id, h.worker_id,"
        " h.town_code, p.village_code, CAST(CAST(:month AS text) AS date), CAST(CAST(:amount AS text) AS numeric), current_date"
        " FROM employment.post_holdings h JOIN employment.posts p ON p.id = h.post_id WHERE h.id = :holding"
    )
    cases = [
        ("2025-03-02", "1", "ck_post_allowance_payments_month_first_day"),
        ("2025-03-01", "0", "amount_positive"),
    ]
    for month, amount, constraint in cases:
        with pytest.raises(IntegrityError, match=constraint):
            async with stack.db("employment").engine.begin() as conn:
                await conn.execute(text(insert), {"holding": holding, "month": month, "amount": amount})
    async with stack.db("employment").engine.begin() as conn:
        await conn.execute(text(insert), {"holding": holding, "month": "2025-03-01", "amount": "1"})
    with pytest.raises(IntegrityError, match="uq_post_allowance_payments_holding_id_month"):
        async with stack.db("employment").engine.begin() as conn:
            await conn.execute(text(insert), {"holding": holding, "month": "2025-03-01", "amount": "1"})
