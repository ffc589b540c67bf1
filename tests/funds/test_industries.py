"""Industry support register through the gateway: 四个一批 industries, businesses, 联农带农 links
checked against monitoring's households, parks, and flags that become one alert per household."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import nats
from sqlalchemy import text

from services.funds.industries.events import IndustryLinkAtRisk
from tests.conftest import Stack
from tests.funds.factories import API, count, projected, published_payloads
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, eventually, new_id
from tests.monitoring.factories import create_household

INDUSTRIES = f"{API}/industries"


async def post(api: httpx.AsyncClient, token: str, path: str, body: dict[str, Any]) -> httpx.Response:
    return await api.post(f"{API}/{path}", json=body, headers=auth(token))


async def created(api: httpx.AsyncClient, token: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    resp = await post(api, token, path, body)
    assert resp.status_code == 201, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def household_known_to_both(api: httpx.AsyncClient, stack: Stack, token: str) -> str:
    """A household monitoring holds, and funds has projected (so a link may name it)."""
    household = await create_household(api, token)
    await projected(stack, "projected_households", household["id"])
    return household["id"]  # type: ignore[no-any-return]


async def mushrooms(api: httpx.AsyncClient, token: str, **overrides: Any) -> dict[str, Any]:
    body = {
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "name": "北大河村食用菌",
        "industry_class": "upgrade",
        "year": 2025,
        **overrides,
    }
    return await created(api, token, "industries", body)


async def cooperative(api: httpx.AsyncClient, token: str, industry_id: str) -> dict[str, Any]:
    return await created(
        api,
        token,
        f"industries/{industry_id}/businesses",
        {"name": "北大河食用菌合作社", "kind": "农民专业合作社"},
    )


def link_body(household_id: str, kind: str = "wages") -> dict[str, Any]:
    return {"household_id": household_id, "kind": kind, "annual_amount": "12000.00", "since": "2025-03-01"}


async def alerts_of(stack: Stack, household_id: str) -> int:
    async with stack.db("monitoring").engine.connect() as conn:
        return int(
            await conn.scalar(
                text("SELECT count(*) FROM monitoring.alerts WHERE household_id = :h AND source = 'event'"),
                {"h": household_id},
            )
            or 0
        )


async def test_a_failing_business_raises_one_alert_per_household_it_carries(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    park = await created(api, town, "industry-parks", {"town_code": KEJING, "name": "克井镇乡村振兴产业园"})
    industry = await mushrooms(api, town, park_id=park["id"])
    assert industry["industry_class_label"] == "升级一批"
    business = await cooperative(api, town, industry["id"])
    first = await household_known_to_both(api, stack, town)
    second = await household_known_to_both(api, stack, town)
    # The first household gains two ways: still one household concerned.
    for household_id, kind in ((first, "wages"), (first, "dividends"), (second, "purchase")):
        await created(api, town, f"industry-businesses/{business['id']}/links", link_body(household_id, kind))

    flag = await created(
        api,
        town,
        "industry-flags",
        {
            "kind": "business_failing",
            "business_id": business["id"],
            "observed_on": "2025-10-01",
            "note": "滞销",
        },
    )
    assert flag["households_alerted"] == 2 and flag["kind_label"] == "经营主体经营困难"
    events = [p for _, p in await published_payloads(stack) if isinstance(p, IndustryLinkAtRisk)]
    assert sorted(str(e.household_id) for e in events) == sorted([first, second])
    for household_id in (first, second):
        await eventually(lambda h=household_id: alerts_of(stack, h), timeout=30)  # type: ignore[misc]
        assert await alerts_of(stack, household_id) == 1
    listed = await api.get(f"{INDUSTRIES}/{industry['id']}/businesses", headers=auth(town))
    assert listed.json()[0]["failing_since"] == "2025-10-01"


async def test_a_broken_link_alerts_its_household_once_and_cannot_break_again(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    business = await cooperative(api, town, (await mushrooms(api, town))["id"])
    household_id = await household_known_to_both(api, stack, town)
    link = await created(api, town, f"industry-businesses/{business['id']}/links", link_body(household_id))
    body = {"kind": "link_broken", "link_id": link["id"], "note": "合作社停止收购"}
    early = await post(api, town, "industry-flags", {**body, "observed_on": "2025-02-28"})
    assert early.status_code == 422 and early.json()["errors"][0]["field"] == "observed_on"
    flag = await created(api, town, "industry-flags", {**body, "observed_on": "2025-03-01"})
    assert flag["households_alerted"] == 1
    again = await post(api, town, "industry-flags", {**body, "observed_on": "2025-04-01"})
    assert again.status_code == 409 and again.json()["code"] == "link_ended"
    await eventually(lambda: alerts_of(stack, household_id), timeout=30)
    assert await alerts_of(stack, household_id) == 1


async def test_a_link_names_only_a_household_funds_knows_in_the_callers_territory(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    business = await cooperative(api, town, (await mushrooms(api, town))["id"])
    unknown = await post(api, town, f"industry-businesses/{business['id']}/links", link_body(new_id()))
    # Unknown, or not yet synchronised (a retry): never recorded.
    assert unknown.json()["code"] in ("unknown_reference", "reference_pending"), unknown.text
    wangwu = await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    await projected(stack, "projected_households", wangwu["id"])
    elsewhere = await post(api, town, f"industry-businesses/{business['id']}/links", link_body(wangwu["id"]))
    # Out of the caller's territory answers as an unknown household does.
    assert elsewhere.status_code == 422 and elsewhere.json()["code"] == "unknown_reference"
    assert await count(stack, "industry_links") == 0


async def test_industries_keep_to_their_town_and_park(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    wangwu_park = await created(api, admin, "industry-parks", {"town_code": WANGWU, "name": "王屋镇产业园"})
    wrong_park = await post(
        api,
        admin,
        "industries",
        {
            "town_code": KEJING,
            "name": "x",
            "industry_class": "adjust",
            "year": 2025,
            "park_id": wangwu_park["id"],
        },
    )
    assert wrong_park.status_code == 422 and wrong_park.json()["errors"][0]["field"] == "park_id"
    outside = await post(
        api, town, "industries", {"town_code": WANGWU, "name": "x", "industry_class": "revive", "year": 2025}
    )
    assert outside.status_code == 403
    theirs = await mushrooms(api, admin, town_code=WANGWU, village_code=WANGWU_VILLAGE, name="王屋产业")
    assert (await api.get(f"{INDUSTRIES}/{theirs['id']}", headers=auth(town))).status_code == 404
    assert (await api.get(INDUSTRIES, headers=auth(town))).json()["items"] == []
    for who in ("village_beidahe", "dept_hrss", "auditor"):
        assert (
            await post(api, tokens[who], "industry-parks", {"town_code": KEJING, "name": "y"})
        ).status_code == 403


async def test_industries_report_by_town_and_class(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    industry = await mushrooms(api, town)
    await mushrooms(api, town, name="北大河村连翘", industry_class="consolidate")
    business = await cooperative(api, town, industry["id"])
    household_id = await household_known_to_both(api, stack, town)
    await created(api, town, f"industry-businesses/{business['id']}/links", link_body(household_id))
    report = (await api.get(f"{INDUSTRIES}/report", params={"year": 2025}, headers=auth(town))).json()
    rows = {r["industry_class"]: r for r in report["rows"]}
    assert set(rows) == {"巩固一批", "升级一批"}
    assert rows["升级一批"]["businesses"] == 1 and rows["升级一批"]["households"] == 1
    assert rows["巩固一批"]["businesses"] == 0


async def test_a_redelivered_risk_event_raises_no_second_alert(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    business = await cooperative(api, town, (await mushrooms(api, town))["id"])
    household_id = await household_known_to_both(api, stack, town)
    link = await created(api, town, f"industry-businesses/{business['id']}/links", link_body(household_id))
    body = {"kind": "link_broken", "link_id": link["id"], "note": "停收", "observed_on": "2025-05-01"}
    await created(api, town, "industry-flags", body)
    await eventually(lambda: alerts_of(stack, household_id), timeout=30)
    async with stack.db("funds").engine.connect() as conn:
        subject, envelope = (
            await conn.execute(
                text(
                    "SELECT nats_subject, envelope FROM funds.outbox"
                    " WHERE envelope->>'type' LIKE '%industry_link.at_risk%'"
                )
            )
        ).one()
    # Past JetStream's duplicate window (another message id): only the consumer can tell.
    nc = await nats.connect(stack.infra.nats_url)
    try:
        js = nc.jetstream()
        await js.publish(subject, json.dumps(envelope).encode(), headers={"Nats-Msg-Id": new_id()})

        async def handled() -> bool:
            info = await js.consumer_info("XIANJIE_FUNDS", "monitoring")
            return not info.num_pending and not info.num_ack_pending

        await eventually(handled, timeout=30)
    finally:
        await nc.close()
    await asyncio.sleep(0.3)  # the handler that took it may still be committing
    assert await alerts_of(stack, household_id) == 1
