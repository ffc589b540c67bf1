"""Every field that names another service's record (docs/adr/0005-reference-projections.md) refuses
an id outside the caller's territory exactly as it refuses a made-up one: the same status, code and
text, so a town official cannot learn that another town's record exists — and nothing is written.

Members named with another town's household are refused in the services' own tests
(tests/employment/test_references.py, tests/funds/test_borrowers.py). Real records made through
the owners' APIs (monitoring's household and member); the funds project
is delivered as funds' own ``project.accepted`` event (driving a project to acceptance is
tests/e2e/test_project_asset_chain.py's job).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from services.monitoring.demo import fake_id_number
from tests.assets.factories import asset_body, known_project
from tests.conftest import Stack
from tests.employment.factories import worker
from tests.funds.factories import loan
from tests.helpers import KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, eventually, new_id, problem


async def _wangwu_household(api: httpx.AsyncClient, admin: str, stack: Stack) -> tuple[str, str]:
    """A 王屋镇 household with one member, once employment and funds have projected both."""
    created = await api.post(
        "/api/monitoring/v1/households",
        json={
            "town_code": WANGWU,
            "village_code": WANGWU_VILLAGE,
            "head_name": "王守义",
            "kind": "lifted_out",
            "member_count": 1,
            "members": [
                {
                    "name": "王守义",
                    "id_number": fake_id_number(date(1980, 3, 4), 7),
                    "relation": "head",
                    "labour": "ordinary",
                }
            ],
        },
        headers=auth(admin),
    )
    assert created.status_code == 201, created.text
    household_id = created.json()["id"]
    members = await api.get(f"/api/monitoring/v1/households/{household_id}/members", headers=auth(admin))
    [member_id] = [m["id"] for m in members.json()]

    async def projected_everywhere() -> bool:
        for service in ("employment", "funds"):
            async with stack.db(service).engine.connect() as conn:
                known = await conn.scalar(
                    text(
                        f"SELECT (SELECT count(*) FROM {service}.projected_households WHERE id = :h)"
                        f" + (SELECT count(*) FROM {service}.projected_members WHERE id = :m)"
                    ),
                    {"h": household_id, "m": member_id},
                )
            if known != 2:
                return False
        return True

    await eventually(projected_everywhere, timeout=20)
    return household_id, member_id


async def _rows(stack: Stack, service: str, table: str) -> int:
    async with stack.db(service).engine.connect() as conn:
        return int(await conn.scalar(text(f"SELECT count(*) FROM {service}.{table}")) or 0)


# (service, path, the table a write would fill, the field, the body naming the given record)
Case = tuple[str, str, str, str, Callable[[dict[str, str]], dict[str, Any]]]
CASES: list[Case] = [
    (
        "employment",
        "/api/employment/v1/workers",
        "workers",
        "household_id",
        lambda ids: worker(household_id=ids["household"], member_id=ids["member"]),
    ),
    (
        "funds",
        "/api/funds/v1/loans",
        "loans",
        "household_id",
        lambda ids: loan(household_id=ids["household"], member_id=ids["member"]),
    ),
    (
        "assets",
        "/api/assets/v1/assets",
        "assets",
        "source_project_id",
        lambda ids: asset_body(source_project_id=ids["project"]),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
async def test_an_id_of_another_town_is_refused_like_a_made_up_one(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, case: Case
) -> None:
    service, path, table, field, body = case
    household_id, member_id = await _wangwu_household(api, tokens["admin"], stack)
    project_id = await known_project(stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)
    foreign = {"household": household_id, "member": member_id, "project": project_id}
    made_up = {"household": new_id(), "member": new_id(), "project": new_id()}
    town = tokens["town_kejing"]  # 克井镇's official, writing in their own village

    refused_foreign = await api.post(path, json=body(foreign), headers=auth(town))
    refused_made_up = await api.post(path, json=body(made_up), headers=auth(town))

    assert refused_foreign.status_code == 422, refused_foreign.text
    assert refused_foreign.json()["code"] == "unknown_reference"
    assert [e["field"] for e in refused_foreign.json()["errors"]] == [field]
    assert problem(refused_foreign) == problem(refused_made_up)
    assert WANGWU not in refused_foreign.text and household_id not in refused_foreign.text
    assert await _rows(stack, service, table) == 0


async def test_a_helper_must_be_an_active_helper_account_whatever_else_the_id_names(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    """Accounts have no territory to leak; an id of a real account that is not a helper is refused
    exactly like a made-up one."""
    me = (await api.get("/auth/me", headers=auth(tokens["town_kejing"]))).json()
    body = {
        "town_code": "419001100",
        "village_code": KEJING_VILLAGE,
        "head_name": "李四",
        "kind": "ordinary",
        "member_count": 1,
    }
    real_account = await api.post(
        "/api/monitoring/v1/households",
        json={**body, "helper_user_id": me["id"]},
        headers=auth(tokens["admin"]),
    )
    made_up = await api.post(
        "/api/monitoring/v1/households",
        json={**body, "helper_user_id": new_id()},
        headers=auth(tokens["admin"]),
    )
    assert real_account.status_code == 422 and real_account.json()["code"] == "unknown_reference"
    assert problem(real_account) == problem(made_up)
