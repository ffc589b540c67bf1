"""坚决杜绝因失业导致规模性返贫: a job loss recorded in employment becomes one alert in monitoring."""

from __future__ import annotations

from datetime import date

import httpx
from sqlalchemy import text

from services.monitoring.demo import fake_id_number
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth, eventually


async def test_job_loss_in_employment_raises_one_alert_in_monitoring(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    household = await api.post(
        "/api/monitoring/v1/households",
        json={
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "head_name": "刘长顺",
            "kind": "lifted_out",
            "member_count": 1,
            "members": [
                {
                    "name": "刘长顺",
                    "id_number": fake_id_number(date(1985, 5, 1), 1),
                    "relation": "head",
                    "labour": "ordinary",
                }
            ],
        },
        headers=auth(town),
    )
    assert household.status_code == 201, household.text
    household_id = household.json()["id"]
    members = await api.get(f"/api/monitoring/v1/households/{household_id}/members", headers=auth(town))
    [member_id] = [m["id"] for m in members.json()]

    async def known_to_employment() -> bool:
        # Employment checks the household and member against its projection of monitoring's events.
        async with stack.db("employment").engine.connect() as conn:
            known = await conn.scalar(
                text(
                    "SELECT (SELECT count(*) FROM employment.projected_members WHERE id = :m)"
                    " + (SELECT count(*) FROM employment.projected_households WHERE id = :h)"
                ),
                {"m": member_id, "h": household_id},
            )
            return known == 2

    await eventually(known_to_employment, timeout=15)

    worker = await api.post(
        "/api/employment/v1/workers",
        json={
            "household_id": household_id,
            "member_id": member_id,
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "status": "employed",
            "employer": "济源钢铁",
            "place": "in_county",
            "monthly_wage": "3200.00",
            "employed_since": "2026-03-01",
        },
        headers=auth(town),
    )
    assert worker.status_code == 201, worker.text
    worker_id = worker.json()["id"]

    lost = await api.post(
        f"/api/employment/v1/workers/{worker_id}/job-loss",
        json={"ended_on": "2026-11-20", "reason": "企业减员"},
        headers=auth(town, **{"If-Match": worker.headers["etag"]}),
    )
    assert lost.status_code == 200, lost.text
    assert lost.json()["status"] == "unemployed"

    async def alerts() -> list[dict[str, object]]:
        resp = await api.get(
            "/api/monitoring/v1/alerts", params={"household_id": household_id}, headers=auth(town)
        )
        return resp.json()["items"]  # type: ignore[no-any-return]

    [alert] = await eventually(alerts, timeout=30)
    assert alert["source"] == "event" and alert["status"] == "open"
    assert alert["town_code"] == KEJING and "2026-11-20" in alert["reason"]

    # The alert was itself announced, carrying ids and codes only.
    async with stack.db("monitoring").engine.connect() as conn:
        envelope = await conn.scalar(
            text(
                "SELECT envelope FROM monitoring.outbox WHERE envelope->>'type' = 'cn.xianjie.monitoring.alert.raised.v1'"
            )
        )
    assert envelope["data"] == {
        "alert_id": alert["id"],
        "household_id": household_id,
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "source": "event",
    }

    # A second job loss for the same spell is refused: the worker is already unemployed.
    again = await api.post(
        f"/api/employment/v1/workers/{worker_id}/job-loss",
        json={"ended_on": "2026-11-21", "reason": "重复"},
        headers=auth(town, **{"If-Match": lost.headers["etag"]}),
    )
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"
