"""收益分配 against recorded revenue, and 冲销 (a compensating entry, never an edit)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.assets.factories import earning_asset
from tests.assets.test_distributions import URL, decision
from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth

REVERSAL = {
    "reversed_on": "2026-01-10",
    "reason": "分配名单有误，经村民代表大会重新决议",
    "approved_by": "北大河村村民代表大会",
    "approval_ref": "北村决〔2026〕1号",
    "approved_on": "2026-01-08",
}


def split(total: str, **overrides: Any) -> dict[str, Any]:
    """A one-share decision of ``total`` on the 2025 revenue."""
    share = {"use": "small_public_works", "beneficiary": "村内道路", "beneficiary_count": 0, "amount": total}
    return {"total_amount": total, "shares": [share], **overrides}


async def test_a_year_cannot_share_out_more_than_it_earned(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    village = tokens["village_beidahe"]
    asset = await earning_asset(api, village, revenue="1000.00")
    first = await api.post(URL, json=decision(asset["id"], **split("600.00")), headers=auth(village))
    assert first.status_code == 201 and first.json()["revenue_year"] == 2025
    over = await api.post(URL, json=decision(asset["id"], **split("400.01")), headers=auth(village))
    assert over.status_code == 422 and over.json()["code"] == "exceeds_recorded_revenue"
    assert over.json()["recorded_revenue"] == "1000.00" and over.json()["already_distributed"] == "600.00"
    exact = await api.post(URL, json=decision(asset["id"], **split("400.00")), headers=auth(village))
    assert exact.status_code == 201
    # Another year's revenue is another pot: nothing recorded for 2024.
    other_year = await api.post(
        URL, json=decision(asset["id"], **split("0.01", revenue_year=2024)), headers=auth(village)
    )
    assert other_year.status_code == 422 and other_year.json()["recorded_revenue"] == "0.00"
    ancient = await api.post(
        URL, json=decision(asset["id"], **split("0.01", decided_on="1999-12-31")), headers=auth(village)
    )
    assert ancient.status_code == 422 and ancient.json()["errors"][0]["field"] == "decided_on"


async def test_concurrent_decisions_cannot_overdraw_together(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    asset = await earning_asset(api, admin, revenue="1000.00")
    answers = await asyncio.gather(
        *(api.post(URL, json=decision(asset["id"], **split("600.00")), headers=auth(admin)) for _ in range(3))
    )
    assert sorted(a.status_code for a in answers) == [201, 422, 422]


async def test_a_reversal_voids_a_distribution_without_editing_it(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    village = tokens["village_beidahe"]
    asset = await earning_asset(api, village, revenue="1000.00")
    made = (await api.post(URL, json=decision(asset["id"], **split("1000.00")), headers=auth(village))).json()
    reversal_url = f"{URL}/{made['id']}/reversal"
    for broken, field in (
        ({"approved_on": "2026-01-11"}, "approved_on"),  # approval after the reversal
        ({"reversed_on": "2025-12-19", "approved_on": "2025-12-19"}, "reversed_on"),  # before the decision
    ):
        refused = await api.post(reversal_url, json={**REVERSAL, **broken}, headers=auth(village))
        assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == field, refused.text
    missing = await api.post(reversal_url, json={**REVERSAL, "reason": ""}, headers=auth(village))
    assert missing.status_code == 422
    reversed_ = await api.post(reversal_url, json=REVERSAL, headers=auth(village))
    assert reversed_.status_code == 201, reversed_.text
    body = reversed_.json()
    assert body["total_amount"] == "1000.00" and body["reversal"]["approval_ref"] == "北村决〔2026〕1号"
    again = await api.post(reversal_url, json=REVERSAL, headers=auth(village))
    assert again.status_code == 409
    # The year's revenue is free again for the corrected decision.
    corrected = await api.post(URL, json=decision(asset["id"], **split("1000.00")), headers=auth(village))
    assert corrected.status_code == 201
    shown = (await api.get(f"{URL}/{made['id']}", headers=auth(village))).json()
    assert shown["reversal"]["reason"] == REVERSAL["reason"]
    async with stack.db("assets").engine.connect() as conn:
        event = await conn.scalar(
            text(
                "SELECT envelope->'data' FROM assets.outbox"
                " WHERE nats_subject = 'xianjie.assets.distribution.reversed' AND envelope->>'subject' = :id"
            ),
            {"id": made["id"]},
        )
    assert event["total_amount"] == "1000.00" and event["revenue_year"] == 2025
    revenue = (
        await api.get("/api/assets/v1/reports/revenue", params={"year": 2025}, headers=auth(village))
    ).json()
    [kejing] = revenue["rows"]
    assert kejing["distributions"] == 1  # the reversed one no longer counts


async def test_reversals_respect_roles_and_territory(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    far = await earning_asset(api, admin, town_code=WANGWU, village_code=WANGWU_VILLAGE)
    made = (await api.post(URL, json=decision(far["id"]), headers=auth(admin))).json()
    url = f"{URL}/{made['id']}/reversal"
    assert (await api.post(url, json=REVERSAL, headers=auth(tokens["town_kejing"]))).status_code == 404
    assert (await api.post(url, json=REVERSAL, headers=auth(tokens["auditor"]))).status_code == 403


async def test_the_database_refuses_an_overdraw(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """The trigger alone, whatever writes the table: 100.00 against 99.99 recorded, then against 100.00."""
    asset = await earning_asset(api, tokens["admin"], revenue="99.99")
    insert = text(
        "INSERT INTO assets.revenue_distributions (id, asset_id, town_code, village_code, decided_on, procedure,"
        " approving_body, total_amount, actor, revenue_year) SELECT gen_random_uuid(), a.id, a.town_code,"
        " a.village_code, '2025-12-01', 'villagers_assembly', '村民代表大会', 100.00, 'sql', 2025"
        " FROM assets.assets a WHERE a.id = :asset"
    )
    engine = stack.db("assets").engine
    with pytest.raises(IntegrityError, match="exceed the recorded revenue"):
        async with engine.begin() as conn:
            await conn.execute(insert, {"asset": asset["id"]})
    async with engine.begin() as conn:
        await conn.execute(
            text("UPDATE assets.monthly_operations SET revenue = 100.00 WHERE asset_id = :asset"),
            {"asset": asset["id"]},
        )
    with pytest.raises(IntegrityError, match="shares add up"):  # past the revenue check; no shares
        async with engine.begin() as conn:
            await conn.execute(insert, {"asset": asset["id"]})
