"""A household included as monitored (through the whole workflow) → employment lists its able-bodied
members (普通/技能劳动力, aged 16–59 on the inclusion date) for job support."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import text

from services.monitoring.households.id_numbers import check_char
from shared import clock
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth, eventually

MONITORING = "/api/monitoring/v1"


def id_number(birth: date, serial: int) -> str:
    first17 = f"419001{birth:%Y%m%d}{serial:03d}"
    return first17 + check_char(first17)


async def test_included_household_members_are_listed_for_job_support(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    village, town, admin = tokens["village_beidahe"], tokens["town_kejing"], tokens["admin"]
    today = clock.today()
    people = [
        ("周建军", "head", id_number(today.replace(year=today.year - 40), 511), "skilled"),
        ("陈桂兰", "spouse", id_number(today.replace(year=today.year - 38), 522), "weak"),
        ("周老汉", "parent", id_number(today.replace(year=today.year - 70), 533), "ordinary"),
        ("周小军", "child", id_number(today.replace(year=today.year - 19), 544), "ordinary"),
    ]
    created = await api.post(
        f"{MONITORING}/households",
        json={
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "head_name": "周建军",
            "kind": "lifted_out",
            "member_count": 4,
            "members": [
                {"name": n, "relation": r, "id_number": i, "labour": labour} for n, r, i, labour in people
            ],
        },
        headers=auth(village),
    )
    assert created.status_code == 201, created.text
    household_id = created.json()["id"]
    members = (await api.get(f"{MONITORING}/households/{household_id}/members", headers=auth(admin))).json()
    by_number = {m["id_number"]: m["id"] for m in members}
    expected = {by_number[people[0][2]], by_number[people[3][2]]}

    alert = await api.post(
        f"{MONITORING}/alerts",
        json={"household_id": household_id, "reason": "户主工伤，收入骤降", "risk_causes": ["accident"]},
        headers=auth(village),
    )
    assert alert.status_code == 201, alert.text
    # The alert came in a week ago, so the public notice has had its objection window.
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE monitoring.alerts SET created_at = now() - interval '7 days' WHERE household_id = :h"
            ),
            {"h": household_id},
        )
    posted = (today - timedelta(days=6)).isoformat()
    steps: list[tuple[str, str, dict[str, Any]]] = [
        (village, "start_verification", {}),
        (village, "submit_village_review", {"subtype": "unstable", "risk_causes": ["accident"]}),
        (village, "village_approve", {"notice_posted_on": posted}),
        (village, "close_notice", {}),
        (town, "town_approve", {}),
        (admin, "approve", {}),
    ]
    etag = created.headers["etag"]
    for token, action, extra in steps:
        resp = await api.post(
            f"{MONITORING}/households/{household_id}/transitions",
            json={"action": action, "reason": "按程序办理", **extra},
            headers=auth(token, **{"If-Match": etag}),
        )
        assert resp.status_code == 200, (action, resp.text)
        etag = resp.headers["etag"]
    assert resp.json()["status"] == "included"

    async def listed() -> set[str]:
        resp = await api.get(
            "/api/employment/v1/job-support", params={"household_id": household_id}, headers=auth(town)
        )
        assert resp.status_code == 200, resp.text
        return {item["member_id"] for item in resp.json()["items"]}

    assert await eventually(listed, timeout=30) == expected
