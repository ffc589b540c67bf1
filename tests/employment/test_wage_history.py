"""工资变动 through the gateway: one wage per spell and month within the spell, the latest month's
wage the current one, and the growth report (JSON and XLSX) within the caller's territory."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import httpx
import openpyxl
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from shared import clock
from tests.conftest import Stack
from tests.employment.factories import API, URL, count, create
from tests.helpers import WANGWU, WANGWU_VILLAGE, assert_excel_report, auth

GROWTH = f"{API}/reports/wage-growth"


async def _spell(api: httpx.AsyncClient, token: str, worker_id: str) -> str:
    spells = (await api.get(f"{URL}/{worker_id}/spells", headers=auth(token))).json()
    return str(spells[0]["id"])


async def _etag(api: httpx.AsyncClient, token: str, worker_id: str) -> str:
    return (await api.get(f"{URL}/{worker_id}", headers=auth(token))).headers["ETag"]


async def _wage(
    api: httpx.AsyncClient, token: str, worker_id: str, spell_id: str, month: str, wage: str, **headers: Any
) -> httpx.Response:
    etag = await _etag(api, token, worker_id)
    return await api.post(
        f"{API}/spells/{spell_id}/wages",
        json={"month": month, "monthly_wage": wage},
        headers={**auth(token), "If-Match": etag, **headers},
    )


@pytest.fixture
async def worker(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> str:
    # employed since 2025-03-01 at 3200.50 (the factory's worker)
    return str((await create(api, tokens["admin"], stack)).json()["id"])


async def test_the_latest_month_is_the_current_wage_and_the_history_is_kept(
    api: httpx.AsyncClient, tokens: dict[str, str], worker: str
) -> None:
    town = tokens["town_kejing"]
    spell = await _spell(api, town, worker)
    assert (await _wage(api, town, worker, spell, "2025-03", "3200.00")).status_code == 201
    june = await _wage(api, town, worker, spell, "2025-06", "3600.00")
    assert june.status_code == 201, june.text
    assert june.headers["ETag"] == await _etag(api, town, worker)
    # A month recorded late does not replace the newer one as current wage.
    assert (await _wage(api, town, worker, spell, "2025-04", "3400.00")).status_code == 201
    assert (await api.get(f"{URL}/{worker}", headers=auth(town))).json()["monthly_wage"] == "3600.00"
    history = (await api.get(f"{API}/spells/{spell}/wages", headers=auth(tokens["auditor"]))).json()
    assert [(w["month"], w["monthly_wage"]) for w in history] == [
        ("2025-03-01", "3200.00"),
        ("2025-04-01", "3400.00"),
        ("2025-06-01", "3600.00"),
    ]
    again = await _wage(api, town, worker, spell, "2025-06", "3700.00")
    assert again.status_code == 409 and again.json()["code"] == "wage_month_recorded"


async def test_months_outside_the_spell_and_stale_versions_are_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str
) -> None:
    town = tokens["town_kejing"]
    spell = await _spell(api, town, worker)
    # The spell starts 2025-03-01: February is outside, March is its first month.
    assert (await _wage(api, town, worker, spell, "2025-02", "3000.00")).status_code == 422
    next_month = clock.today().replace(day=28).toordinal() + 4
    future = date.fromordinal(next_month).strftime("%Y-%m")
    assert (await _wage(api, town, worker, spell, future, "3000.00")).status_code == 422
    assert (await _wage(api, town, worker, spell, "2025-13", "3000.00")).status_code == 422
    assert (await _wage(api, town, worker, spell, "2025-05", "-1")).status_code == 422
    stale = await _wage(api, town, worker, spell, "2025-05", "3000.00", **{"If-Match": '"999"'})
    assert stale.status_code == 412
    no_match = await api.post(
        f"{API}/spells/{spell}/wages", json={"month": "2025-05", "monthly_wage": "1"}, headers=auth(town)
    )
    assert no_match.status_code == 428
    assert (await _wage(api, tokens["auditor"], worker, spell, "2025-05", "3000.00")).status_code == 403
    elsewhere = (
        await create(api, tokens["admin"], stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)
    ).json()
    theirs = await _spell(api, tokens["admin"], elsewhere["id"])
    refused = await api.post(
        f"{API}/spells/{theirs}/wages",
        json={"month": "2025-05", "monthly_wage": "1.00"},
        headers={**auth(town), "If-Match": '"1"'},
    )
    assert refused.status_code == 404
    assert (await api.get(f"{API}/spells/{theirs}/wages", headers=auth(town))).status_code == 404
    assert await count(stack, "SELECT count(*) FROM employment.spell_wages") == 0


async def test_the_growth_report_compares_first_and_latest_month_in_scope(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str
) -> None:
    admin = tokens["admin"]
    spell = await _spell(api, admin, worker)
    await _wage(api, admin, worker, spell, "2025-03", "3200.00")
    await _wage(api, admin, worker, spell, "2025-12", "3600.00")
    elsewhere = (await create(api, admin, stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()["id"]
    await _wage(api, admin, elsewhere, await _spell(api, admin, elsewhere), "2025-04", "3000.00")

    report = (await api.get(GROWTH, params={"year": 2025}, headers=auth(admin))).json()
    mine = next(r for r in report["rows"] if r["worker_id"] == worker)
    assert (mine["first_month"], mine["first_wage"], mine["latest_month"], mine["latest_wage"]) == (
        "2025-03",
        "3200.00",
        "2025-12",
        "3600.00",
    )
    assert mine["growth_percent"] == "12.5"
    only = next(r for r in report["rows"] if r["worker_id"] == elsewhere)
    assert only["growth_percent"] == "0.0"  # one month: no change yet
    town = (await api.get(GROWTH, params={"year": 2025}, headers=auth(tokens["town_kejing"]))).json()
    assert [r["worker_id"] for r in town["rows"]] == [worker]
    assert (await api.get(GROWTH, params={"year": 2024}, headers=auth(admin))).json()["rows"] == []
    xlsx = await api.get(GROWTH, params={"year": 2025, "format": "xlsx"}, headers=auth(tokens["town_kejing"]))
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert "增长（%）" in rows[0] and len(rows) == 2 and 12.5 in rows[1]
    assert_excel_report(town, xlsx.content)


@pytest.mark.parametrize(
    ("month", "wage", "constraint"),
    [
        ("2025-03-02", "1", "ck_spell_wages_month_first_day"),
        ("2025-03-01", "-1", "monthly_wage_non_negative"),
    ],
)
async def test_the_database_guards_wages(
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    stack: Stack,
    worker: str,
    month: str,
    wage: str,
    constraint: str,
) -> None:
    spell = await _spell(api, tokens["admin"], worker)
    insert = (
        "INSERT INTO employment.spell_wages (id, spell_id, worker_id, town_code, village_code, month,"
        " monthly_wage) SELECT gen_random_uuid(), s.id, w.id, w.town_code, w.village_code, CAST(CAST(:month AS text) AS date),"
        " CAST(CAST(:wage AS text) AS numeric) FROM employment.spells s JOIN employment.workers w ON w.id = s.worker_id"
        " WHERE s.id = :spell"
    )
    with pytest.raises(IntegrityError, match=constraint):
        async with stack.db("employment").engine.begin() as conn:
            await conn.execute(text(insert), {"spell": spell, "month": month, "wage": wage})
    async with stack.db("employment").engine.begin() as conn:
        await conn.execute(text(insert), {"spell": spell, "month": "2025-03-01", "wage": "1"})
    with pytest.raises(IntegrityError, match="uq_spell_wages_spell_id_month"):
        async with stack.db("employment").engine.begin() as conn:
            await conn.execute(text(insert), {"spell": spell, "month": "2025-03-01", "wage": "2"})
