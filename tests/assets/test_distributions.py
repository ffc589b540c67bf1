"""收益分配: a decision with its procedure and approving body, split among uses that add up exactly."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.assets.factories import create_asset, earning_asset
from tests.conftest import Stack
from tests.helpers import KEJING_OTHER_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, new_id

URL = "/api/assets/v1/distributions"


def decision(asset_id: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "asset_id": asset_id,
        "decided_on": "2025-12-20",
        "procedure": "four_discussions_two_publications",
        "approving_body": "北大河村村民代表大会",
        "decision_ref": "北村决〔2025〕3号",
        "total_amount": "100000.00",
        "shares": [
            {
                "use": "public_welfare_posts",
                "beneficiary": "村公益性岗位人员",
                "beneficiary_count": 12,
                "amount": "40000.00",
            },
            {
                "use": "small_public_works",
                "beneficiary": "村内道路维修",
                "beneficiary_count": 0,
                "amount": "25000.00",
            },
            {
                "use": "monitored_household_assistance",
                "beneficiary": "监测对象户",
                "beneficiary_count": 5,
                "amount": "20000.01",
            },
            {
                "use": "collective_reinvestment",
                "beneficiary": "村集体经济",
                "beneficiary_count": 0,
                "amount": "14999.99",
            },
        ],
    }
    body.update(overrides)
    return body


async def counts(stack: Stack) -> tuple[int, int, int]:
    async with stack.db("assets").engine.connect() as conn:
        return (
            await conn.scalar(text("SELECT count(*) FROM assets.revenue_distributions")),
            await conn.scalar(text("SELECT count(*) FROM assets.distribution_shares")),
            await conn.scalar(
                text(
                    "SELECT count(*) FROM assets.outbox WHERE nats_subject = 'xianjie.assets.distribution.decided'"
                )
            ),
        )


async def decided(
    api: httpx.AsyncClient, token: str, asset: dict[str, Any], **headers: str
) -> dict[str, Any]:
    resp = await api.post(URL, json=decision(asset["id"]), headers=auth(token, **headers))
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def test_a_distribution_that_adds_up_is_recorded(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    village = tokens["village_beidahe"]
    created = await decided(api, village, await earning_asset(api, village))
    assert created["total_amount"] == "100000.00" and created["procedure_label"] == "四议两公开"
    assert [s["use"] for s in created["shares"]] == [
        "public_welfare_posts",
        "small_public_works",
        "monitored_household_assistance",
        "collective_reinvestment",
    ]
    assert (
        created["shares"][2]["amount"] == "20000.01" and created["shares"][0]["use_label"] == "设置公益性岗位"
    )
    assert await counts(stack) == (1, 4, 1)


async def test_a_retried_distribution_is_recorded_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    village = tokens["village_beidahe"]
    asset = await earning_asset(api, village)
    created = await decided(api, village, asset, **{"Idempotency-Key": "d-1"})
    replay = await api.post(
        URL, json=decision(asset["id"]), headers=auth(village, **{"Idempotency-Key": "d-1"})
    )
    assert replay.status_code == 201 and replay.json()["id"] == created["id"]
    assert await counts(stack) == (1, 4, 1)


async def test_a_distribution_reads_back_by_id_asset_and_date(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    village = tokens["village_beidahe"]
    asset = await earning_asset(api, village)
    created = await decided(api, village, asset)
    got = await api.get(f"{URL}/{created['id']}", headers=auth(tokens["auditor"]))
    assert got.json() == created
    listed = (
        await api.get(URL, params={"asset_id": asset["id"]}, headers=auth(tokens["town_kejing"]))
    ).json()
    assert [d["id"] for d in listed["items"]] == [created["id"]]
    window = await api.get(URL, params={"decided_from": "2026-01-01"}, headers=auth(tokens["admin"]))
    assert window.json()["items"] == []


async def test_a_distribution_is_announced_with_amounts_and_no_names(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    village = tokens["village_beidahe"]
    created = await decided(api, village, await earning_asset(api, village))
    async with stack.db("assets").engine.connect() as conn:
        event = await conn.scalar(
            text(
                "SELECT envelope FROM assets.outbox WHERE nats_subject = 'xianjie.assets.distribution.decided'"
            )
        )
    assert event["type"] == "cn.xianjie.assets.distribution.decided.v1" and event["subject"] == created["id"]
    assert event["data"]["total_amount"] == "100000.00" and event["data"]["revenue_year"] == 2025
    assert [s["amount"] for s in event["data"]["shares"]] == ["40000.00", "25000.00", "20000.01", "14999.99"]
    assert "村" not in str(event["data"])  # no names, just codes, uses and amounts


async def test_the_asset_card_lists_its_distributions(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    village = tokens["village_beidahe"]
    asset = await earning_asset(api, village)
    created = await decided(api, village, asset)
    card = (await api.get(f"/api/assets/v1/assets/{asset['id']}/card", headers=auth(village))).json()
    assert [d["id"] for d in card["distributions"]] == [created["id"]]


@pytest.mark.parametrize("off_by", ["0.01", "-0.01", "50000.00"])
async def test_split_that_does_not_add_up_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, off_by: str
) -> None:
    from decimal import Decimal

    asset = await earning_asset(api, tokens["admin"])
    body = decision(asset["id"])
    body["total_amount"] = f"{Decimal(body['total_amount']) + Decimal(off_by):.2f}"
    resp = await api.post(URL, json=body, headers=auth(tokens["admin"]))
    assert resp.status_code == 422 and resp.json()["code"] == "split_mismatch", resp.text
    problem = resp.json()
    assert problem["shares_sum"] == "100000.00" and problem["total_amount"] == body["total_amount"]
    assert "合计" in problem["detail"]
    assert await counts(stack) == (0, 0, 0)


async def test_an_asset_not_running_has_nothing_to_distribute(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    formed = await create_asset(api, tokens["admin"])
    not_running = await api.post(URL, json=decision(formed["id"]), headers=auth(tokens["admin"]))
    assert not_running.status_code == 409 and not_running.json()["code"] == "invalid_transition"
    assert await counts(stack) == (0, 0, 0)


async def test_a_distribution_for_an_unknown_asset_is_not_found(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    unknown = await api.post(URL, json=decision(new_id()), headers=auth(tokens["admin"]))
    assert unknown.status_code == 404


async def test_an_invalid_distribution_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    running = await earning_asset(api, admin)
    for bad in (
        decision(running["id"], shares=[]),
        decision(running["id"], total_amount="0"),
        decision(running["id"], total_amount="-100000.00"),
        decision(running["id"], procedure="by_the_secretary"),
        decision(
            running["id"], shares=[{**decision("x")["shares"][0], "amount": "100000.00", "use": "banquet"}]
        ),
        decision(running["id"], shares=[{**decision("x")["shares"][0], "amount": "-1"}]),
    ):
        resp = await api.post(URL, json=bad, headers=auth(admin))
        assert resp.status_code == 422 and resp.json()["code"] == "validation_failed", bad
    assert await counts(stack) == (0, 0, 0)


async def test_writers_cannot_distribute_outside_their_territory(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    wangwu = await earning_asset(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    neighbour = await earning_asset(api, tokens["admin"], village_code=KEJING_OTHER_VILLAGE)
    town = await api.post(URL, json=decision(wangwu["id"]), headers=auth(tokens["town_kejing"]))
    assert town.status_code == 404
    village = await api.post(URL, json=decision(neighbour["id"]), headers=auth(tokens["village_beidahe"]))
    assert village.status_code == 404
    assert await counts(stack) == (0, 0, 0)


async def test_readers_may_not_record_distributions(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    asset = await earning_asset(api, tokens["admin"])
    for reader in ("auditor", "dept_hrss", "integrator_hrss"):
        refused = await api.post(URL, json=decision(asset["id"]), headers=auth(tokens[reader]))
        assert refused.status_code == 403, reader
    assert await counts(stack) == (0, 0, 0)


async def test_helpers_may_not_read_distributions(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(URL, headers=auth(tokens["helper_wang"]))).status_code == 403


async def test_distributions_outside_ones_territory_are_not_found(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    wangwu = await earning_asset(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    created = await decided(api, tokens["admin"], wangwu)
    assert (await api.get(f"{URL}/{created['id']}", headers=auth(tokens["town_kejing"]))).status_code == 404
    assert (await api.get(URL, headers=auth(tokens["town_kejing"]))).json()["items"] == []
    assert await counts(stack) == (1, 4, 1)


INSERT_DISTRIBUTION = text(
    "INSERT INTO assets.revenue_distributions (id, asset_id, town_code, village_code, decided_on, procedure,"
    " approving_body, total_amount, actor, revenue_year) SELECT :id, a.id, a.town_code, a.village_code,"
    " '2025-12-01', 'villagers_assembly', '村民代表大会', 100.00, 'sql', 2025 FROM assets.assets a WHERE a.id = :asset"
)
INSERT_SHARE = text(
    "INSERT INTO assets.distribution_shares (id, distribution_id, position, use, beneficiary,"
    " beneficiary_count, amount) VALUES (gen_random_uuid(), :id, :pos, 'small_public_works', '道路', 0, :amount)"
)


async def split_in_two_steps(stack: Stack, asset: dict[str, Any]) -> str:
    """A distribution of 100.00 written row by row, as 60.00 + 40.00: fine once it adds up at commit."""
    distribution_id = new_id()
    async with stack.db("assets").engine.begin() as conn:
        await conn.execute(INSERT_DISTRIBUTION, {"id": distribution_id, "asset": asset["id"]})
        await conn.execute(INSERT_SHARE, {"id": distribution_id, "pos": 0, "amount": "60.00"})
        await conn.execute(INSERT_SHARE, {"id": distribution_id, "pos": 1, "amount": "40.00"})
    return distribution_id


async def test_the_database_refuses_a_commit_whose_shares_miss_the_total(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """The deferred constraint trigger: whatever writes the tables, a commit with a mismatch fails."""
    asset = await earning_asset(api, tokens["admin"])
    bad_id = new_id()
    with pytest.raises(IntegrityError, match="shares add up to"):
        async with stack.db("assets").engine.begin() as conn:
            await conn.execute(INSERT_DISTRIBUTION, {"id": bad_id, "asset": asset["id"]})
            await conn.execute(INSERT_SHARE, {"id": bad_id, "pos": 0, "amount": "99.99"})
    await split_in_two_steps(stack, asset)  # shares written in two steps are fine once they add up
    assert await counts(stack) == (1, 2, 0)


async def test_the_database_refuses_a_change_that_breaks_a_split(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    good_id = await split_in_two_steps(stack, await earning_asset(api, tokens["admin"]))
    engine = stack.db("assets").engine
    with pytest.raises(IntegrityError, match="shares add up to"):
        async with engine.begin() as conn:
            await conn.execute(
                text("UPDATE assets.revenue_distributions SET total_amount = 100.01 WHERE id = :id"),
                {"id": good_id},
            )
    with pytest.raises(IntegrityError, match="shares add up to"):
        async with engine.begin() as conn:
            await conn.execute(
                text("DELETE FROM assets.distribution_shares WHERE distribution_id = :id AND position = 1"),
                {"id": good_id},
            )
    async with engine.connect() as conn:
        total = await conn.scalar(text("SELECT sum(amount) FROM assets.distribution_shares"))
    assert str(total) == "100.00"
