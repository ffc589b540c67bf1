"""Yearly income, net and per-capita net, and the per-year monitoring line."""

from __future__ import annotations

import httpx
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import HOUSEHOLDS, create_household

LINES = "/api/monitoring/v1/monitoring-lines"
INCOME = {
    "wages": "18000.00",
    "business": "6000.50",
    "property": "300.00",
    "transfers": "2400.00",
    "business_costs": "2000.00",
}


async def test_income_net_and_per_capita(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"], member_count=3)
    url = f"{HOUSEHOLDS}/{household['id']}/incomes/2025"
    created = await api.put(url, json=INCOME, headers=auth(tokens["village_beidahe"]))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["net_income"] == "24700.50"  # 18000 + 6000.50 + 300 + 2400 − 2000
    assert body["per_capita_net_income"] == "8233.50"
    assert body["monitoring_line"] == "8600.00" and body["below_line"] is True
    # Correcting needs the version; a stale one is refused.
    missing = await api.put(url, json=INCOME, headers=auth(tokens["village_beidahe"]))
    assert missing.status_code == 428
    fixed = await api.put(
        url,
        json={**INCOME, "wages": "20000.00"},
        headers=auth(tokens["village_beidahe"], **{"If-Match": '"1"'}),
    )
    assert fixed.status_code == 200 and fixed.json()["per_capita_net_income"] == "8900.17"
    assert fixed.json()["below_line"] is False
    stale = await api.put(url, json=INCOME, headers=auth(tokens["village_beidahe"], **{"If-Match": '"1"'}))
    assert stale.status_code == 412
    # A year without a line: figures, but no verdict.
    other = await api.put(
        f"{HOUSEHOLDS}/{household['id']}/incomes/2031", json=INCOME, headers=auth(tokens["admin"])
    )
    assert other.json()["monitoring_line"] is None and other.json()["below_line"] is None
    listed = (
        await api.get(f"{HOUSEHOLDS}/{household['id']}/incomes", headers=auth(tokens["auditor"]))
    ).json()
    assert [i["year"] for i in listed] == [2025, 2031]

    bad = [
        ({**INCOME, "wages": "-1.00"}, 422),
        ({**INCOME, "wages": "1.234"}, 422),
        ({**INCOME, "wages": "99999999999999999.00"}, 422),
        ({k: v for k, v in INCOME.items() if k != "wages"}, 422),
    ]
    for body_, status in bad:
        resp = await api.put(
            f"{HOUSEHOLDS}/{household['id']}/incomes/2026", json=body_, headers=auth(tokens["admin"])
        )
        assert resp.status_code == status and resp.headers["content-type"].startswith(
            "application/problem+json"
        )
    assert (
        await api.put(
            f"{HOUSEHOLDS}/{household['id']}/incomes/1990", json=INCOME, headers=auth(tokens["admin"])
        )
    ).status_code == 422
    for who in ("helper_wang", "auditor", "dept_hrss", "integrator_hrss"):
        resp = await api.put(
            f"{HOUSEHOLDS}/{household['id']}/incomes/2026", json=INCOME, headers=auth(tokens[who])
        )
        assert resp.status_code in (403, 404), who
    wangwu = await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    foreign = await api.put(
        f"{HOUSEHOLDS}/{wangwu['id']}/incomes/2025", json=INCOME, headers=auth(tokens["town_kejing"])
    )
    assert foreign.status_code == 404
    async with stack.db("monitoring").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM monitoring.incomes")) == 2


async def test_monitoring_line_is_a_yearly_table_for_district_admins(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    lines = (await api.get(LINES, headers=auth(tokens["town_kejing"]))).json()
    assert [(line["year"], line["amount"]) for line in lines] == [(2025, "8600.00")]
    created = await api.put(f"{LINES}/2026", json={"amount": "8900.00"}, headers=auth(tokens["admin"]))
    assert created.status_code == 201 and created.json()["amount"] == "8900.00"
    changed = await api.put(
        f"{LINES}/2025", json={"amount": "8700.00"}, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert changed.status_code == 200 and changed.headers["etag"] == '"2"'
    assert (
        await api.put(f"{LINES}/2025", json={"amount": "1"}, headers=auth(tokens["admin"]))
    ).status_code == 428
    for who in ("town_kejing", "village_beidahe", "dept_hrss", "auditor", "helper_wang", "integrator_hrss"):
        resp = await api.put(f"{LINES}/2027", json={"amount": "9000.00"}, headers=auth(tokens[who]))
        assert resp.status_code == 403, who
    for bad in ({"amount": "0"}, {"amount": "-8600"}, {"amount": "abc"}, {}):
        assert (await api.put(f"{LINES}/2027", json=bad, headers=auth(tokens["admin"]))).status_code == 422
    years = [line["year"] for line in (await api.get(LINES, headers=auth(tokens["admin"]))).json()]
    assert years == [2025, 2026]
