"""易地搬迁后续扶持 (seed §三(七)): sites, relocated households (site and move date, once), follow-up
measures reaching them, and per-site figures (labour with an employment registration, households
with a measure)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from shared import clock
from tests.conftest import Stack
from tests.helpers import KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import count, create_household, id_number, member

RELOCATION = "/api/monitoring/v1/relocation"


async def site(api: httpx.AsyncClient, token: str, **body: Any) -> httpx.Response:
    payload = {"name": "克井镇安置社区", "village_code": KEJING_VILLAGE, "planned_households": 120}
    return await api.post(f"{RELOCATION}/sites", json={**payload, **body}, headers=auth(token))


def born(age: int) -> date:
    """A birth date making someone exactly ``age`` today."""
    today = clock.today()
    return (
        today.replace(year=today.year - age)
        if (today.month, today.day) != (2, 29)
        else date(today.year - age, 2, 28)
    )


async def test_site_figures(stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin, cadre = tokens["admin"], tokens["village_beidahe"]
    made = await site(api, cadre)
    assert made.status_code == 201, made.text
    site_id = made.json()["id"]
    # Working age is 16–59: one aged 16 (in), one 59 (in), one 60 (out), one without labour (out).
    people = [
        member(id_number=id_number(born(16))),
        member(relation="spouse", id_number=id_number(born(59))),
        member(relation="parent", id_number=id_number(born(60))),
        member(relation="child", labour="none", id_number=id_number(born(30))),
    ]
    moved = await create_household(api, admin, members=people, member_count=4)
    other = await create_household(api, admin)
    moved_on = (clock.today() - timedelta(days=5)).isoformat()
    url = f"{RELOCATION}/sites/{site_id}/households"
    for household in (moved, other):
        resp = await api.post(
            url, json={"household_id": household["id"], "moved_on": moved_on}, headers=auth(cadre)
        )
        assert resp.status_code == 201, resp.text
    again = await api.post(url, json={"household_id": moved["id"], "moved_on": moved_on}, headers=auth(cadre))
    assert again.status_code == 409 and again.json()["code"] == "household_already_relocated"
    future = (clock.today() + timedelta(days=1)).isoformat()
    third = await create_household(api, admin)
    assert (
        await api.post(url, json={"household_id": third["id"], "moved_on": future}, headers=auth(cadre))
    ).status_code == 422

    # One of the three working-age people has an employment registration (employment's projection).
    members = (
        await api.get(f"/api/monitoring/v1/households/{moved['id']}/members", headers=auth(admin))
    ).json()
    sixteen = next(m for m in members if m["relation"] == "head")
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO monitoring.member_employment_records (member_id, worker_id, household_id, registered_at)"
                " VALUES (:m, :w, :h, now())"
            ),
            {"m": sixteen["id"], "w": uuid.uuid4(), "h": moved["id"]},
        )
    measure = {
        "kind": "employment",
        "title": "安置区就业帮扶车间",
        "starts_on": moved_on,
        "household_ids": [moved["id"]],
    }
    made_measure = await api.post(f"{RELOCATION}/sites/{site_id}/measures", json=measure, headers=auth(cadre))
    assert made_measure.status_code == 201, made_measure.text
    stranger = {**measure, "household_ids": [third["id"]]}
    refused = await api.post(f"{RELOCATION}/sites/{site_id}/measures", json=stranger, headers=auth(cadre))
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["body.household_ids.0"]

    resp = await api.get(f"{RELOCATION}/reports/sites", headers=auth(admin))
    [row] = [r for r in resp.json()["rows"] if r["site_id"] == site_id]
    figures = (
        "households",
        "labour",
        "employed",
        "running_measures",
        "with_site_measure",
        "with_any_measure",
    )
    assert tuple(row[f] for f in figures) == (2, 2, 1, 1, 1, 1)
    assert row["employment_share"] == "50.0%"
    # Before the move nobody lived there.
    early = await api.get(
        f"{RELOCATION}/reports/sites",
        params={"as_of": (clock.today() - timedelta(days=6)).isoformat()},
        headers=auth(admin),
    )
    [before] = [r for r in early.json()["rows"] if r["site_id"] == site_id]
    assert (before["households"], before["running_measures"]) == (0, 0)
    xlsx = await api.get(f"{RELOCATION}/reports/sites", params={"format": "xlsx"}, headers=auth(admin))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"

    # Ending the measure (If-Match) takes it out of the figures from the next day.
    measure_url = f"{RELOCATION}/sites/{site_id}/measures/{made_measure.json()['id']}"
    yesterday = (clock.today() - timedelta(days=1)).isoformat()
    ended = await api.patch(
        measure_url,
        json={"ends_on": yesterday},
        headers=auth(cadre, **{"If-Match": made_measure.headers["etag"]}),
    )
    assert ended.status_code == 200
    resp = await api.get(f"{RELOCATION}/reports/sites", headers=auth(admin))
    [after] = [r for r in resp.json()["rows"] if r["site_id"] == site_id]
    assert (after["running_measures"], after["with_site_measure"]) == (0, 0)


async def test_scope_and_roles(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    wangwu = (await site(api, admin, village_code=WANGWU_VILLAGE, name="王屋镇安置点")).json()
    assert (await site(api, town, village_code=WANGWU_VILLAGE)).status_code == 403
    assert (await site(api, tokens["helper_wang"])).status_code == 403
    assert (await site(api, tokens["auditor"])).status_code == 403
    assert (await api.get(f"{RELOCATION}/sites/{wangwu['id']}", headers=auth(town))).status_code == 404
    listed = await api.get(f"{RELOCATION}/sites", headers=auth(town))
    assert wangwu["id"] not in {s["id"] for s in listed.json()["items"]}
    household = await create_household(api, admin, town_code=WANGWU, village_code=WANGWU_VILLAGE)
    mine = (await site(api, town)).json()
    # A household outside the caller's territory is not found, like the site.
    outside = await api.post(
        f"{RELOCATION}/sites/{mine['id']}/households",
        json={"household_id": household["id"], "moved_on": clock.today().isoformat()},
        headers=auth(town),
    )
    assert outside.status_code == 404
    rows = (await api.get(f"{RELOCATION}/reports/sites", headers=auth(town))).json()["rows"]
    assert {r["site_id"] for r in rows} == {mine["id"]}


@pytest.mark.parametrize(
    ("sql", "constraint"),
    [
        (
            "WITH s AS (INSERT INTO monitoring.resettlement_sites (id, name, town_code, village_code,"
            " planned_households, version) VALUES (gen_random_uuid(), 'a', '419001100', '419001100201', 1, 1)"
            " RETURNING id) INSERT INTO monitoring.relocation_measures (id, site_id, kind, title, starts_on, ends_on,"
            " version) SELECT gen_random_uuid(), s.id, 'industry', 't', '2025-02-01', '2025-01-31', 1 FROM s",
            "ck_relocation_measures_term_in_order",
        ),
        (
            "INSERT INTO monitoring.resettlement_sites (id, name, town_code, village_code, planned_households,"
            " version) VALUES (gen_random_uuid(), 'a', '419001100', '419001109201', 1, 1)",
            "ck_resettlement_sites_village_in_town",
        ),
        (
            "INSERT INTO monitoring.resettlement_sites (id, name, town_code, village_code, planned_households,"
            " version) VALUES (gen_random_uuid(), 'a', '419001100', '419001100201', 1, 1),"
            " (gen_random_uuid(), 'a', '419001100', '419001100201', 2, 1)",
            "uq_resettlement_sites_name_in_village",
        ),
    ],
)
async def test_database_guards(stack: Stack, sql: str, constraint: str) -> None:
    with pytest.raises(IntegrityError, match=constraint):
        async with stack.db("monitoring").engine.begin() as conn:
            await conn.execute(text(sql))


async def test_a_household_is_relocated_once(
    stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    site_id = (await site(api, tokens["admin"])).json()["id"]
    household = (await create_household(api, tokens["admin"]))["id"]
    insert = (
        "INSERT INTO monitoring.household_relocations (household_id, site_id, moved_on, recorded_by)"
        " VALUES (:h, :s, '2025-01-01', 'x')"
    )
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(text(insert), {"h": household, "s": site_id})
    with pytest.raises(IntegrityError, match="pk_household_relocations"):
        async with stack.db("monitoring").engine.begin() as conn:
            await conn.execute(text(insert), {"h": household, "s": site_id})
    assert await count(stack, "SELECT count(*) FROM monitoring.household_relocations") == 1
