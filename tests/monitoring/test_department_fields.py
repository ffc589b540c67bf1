"""What a department may read (issue 14): the matrix of departments × fields, enforced by the
department view, audited; refusals; the 低保/特困 candidate rule at its boundary."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from services.monitoring.department_view.service import safety_net_candidate
from services.monitoring.departments import FIELDS, Department, ViewField
from services.monitoring.models import Household, HouseholdKind, HouseholdStatus, Income
from tests.conftest import Stack
from tests.gateway.helpers import create_user, password_login, unique_name
from tests.helpers import WANGWU, auth
from tests.monitoring.factories import HOUSEHOLDS, PASSWORD, create_household, id_number, include, member

VIEW = "/api/monitoring/v1/department-view/members"
IDENTIFIERS = {"member_id", "household_id", "town_code", "village_code"}
# The keys each field puts in an answer (written out here, not taken from the service).
KEYS: dict[ViewField, set[str]] = {
    ViewField.NAME: {"name"},
    ViewField.ID_NUMBER: {"id_number"},
    ViewField.BIRTH_DATE: {"birth_date"},
    ViewField.RELATION: {"relation", "relation_label"},
    ViewField.HOUSEHOLD_STATUS: {"household_status", "household_status_label"},
    ViewField.SUBTYPE: {"subtype", "subtype_label"},
    ViewField.LIFTED_OUT: {"lifted_out"},
    ViewField.HEALTH: {"health", "health_label"},
    ViewField.LABOUR: {"labour", "labour_label"},
    ViewField.SCHOOLING: {"schooling", "schooling_label"},
    ViewField.MEDICAL_INSURED: {"medical_insured"},
    ViewField.HOUSING_SAFE: {"housing_safe"},
    ViewField.RISK_CAUSES: {"risk_causes", "risk_causes_labels"},
    ViewField.PER_CAPITA_NET_INCOME: {"income_year", "per_capita_net_income"},
    ViewField.SAFETY_NET_CANDIDATE: {"safety_net_candidate"},
}
# The matrix as the issue states it, beside the table: 医保 reads insurance, 民政 the candidates.
ACCOUNT_DEPARTMENT = {
    Department.MEDICAL_INSURANCE: "医保局",
    Department.CIVIL_AFFAIRS: "民政局",
    Department.EDUCATION: "教育局",
    Department.HEALTH: "卫健委",
    Department.HOUSING: "住建局",
    Department.HUMAN_RESOURCES: "人社局",
}


def test_every_field_has_its_keys_and_every_department_its_row() -> None:
    assert set(KEYS) == set(ViewField)
    assert set(FIELDS) == set(Department)
    assert ViewField.MEDICAL_INSURED in FIELDS[Department.MEDICAL_INSURANCE]
    assert ViewField.SAFETY_NET_CANDIDATE in FIELDS[Department.CIVIL_AFFAIRS]
    assert ViewField.SAFETY_NET_CANDIDATE not in FIELDS[Department.MEDICAL_INSURANCE]


async def department_token(api: httpx.AsyncClient, admin: str, department: str) -> str:
    user = await create_user(
        api,
        admin,
        username=unique_name("dept"),
        role="department_officer",
        department=department,
        password=PASSWORD,
    )
    resp = await password_login(api, user["username"], PASSWORD)
    assert resp.status_code == 200, resp.text
    return str(resp.json()["access_token"])


@pytest.fixture(scope="module")
def department_tokens() -> dict[Department, str]:
    return {}


async def test_each_department_reads_exactly_its_fields(
    stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str], department_tokens: dict[Department, str]
) -> None:
    number = id_number()
    household = await create_household(
        api, tokens["admin"], members=[member(id_number=number, medical_insured=False)], member_count=1
    )
    await include(api, tokens, household["id"], stack)
    income = {
        "wages": "5000.00",
        "business": "0.00",
        "property": "0.00",
        "transfers": "0.00",
        "business_costs": "0.00",
        "rigid_expenses": "0.00",
    }
    resp = await api.put(
        f"{HOUSEHOLDS}/{household['id']}/incomes/2025", json=income, headers=auth(tokens["admin"])
    )
    assert resp.status_code in (200, 201), resp.text
    members = await api.get(f"{HOUSEHOLDS}/{household['id']}/members", headers=auth(tokens["admin"]))
    member_id = members.json()[0]["id"]

    for department, name in ACCOUNT_DEPARTMENT.items():
        if department not in department_tokens:
            department_tokens[department] = await department_token(api, tokens["admin"], name)
        resp = await api.get(VIEW, headers=auth(department_tokens[department]), params={"limit": 500})
        assert resp.status_code == 200, (department, resp.text)
        page = resp.json()
        assert page["department"] == department.value
        (item,) = [i for i in page["items"] if i["member_id"] == member_id]
        for field in ViewField:
            present = KEYS[field] <= set(item)
            absent = not KEYS[field] & set(item)
            if field in FIELDS[department]:
                assert present, (department, field)
            else:
                assert absent, (department, field)
        expected = IDENTIFIERS.union(*(KEYS[f] for f in FIELDS[department]))
        assert set(item) == expected, department
        if ViewField.ID_NUMBER in FIELDS[department]:
            assert item["id_number"] == number  # in full: they match it in their own system
    # What 医保 and 民政 are there for.
    insurance = await _item(api, department_tokens[Department.MEDICAL_INSURANCE], member_id)
    assert insurance["medical_insured"] is False and insurance["household_status"] == "included"
    civil = await _item(api, department_tokens[Department.CIVIL_AFFAIRS], member_id)
    assert civil["safety_net_candidate"] is True  # 5000 a head is under the 2025 line of 8600
    assert civil["per_capita_net_income"] == "5000.00" and civil["income_year"] == 2025

    # Every read is on record: who, which department, which fields.
    async with stack.db("monitoring").engine.connect() as conn:
        audits = (
            (
                await conn.execute(
                    text(
                        "SELECT changes FROM monitoring.audit_log WHERE entity = 'department_view' ORDER BY id"
                    )
                )
            )
            .scalars()
            .all()
        )
    assert {a["department"] for a in audits} == {d.value for d in Department}
    civil_audit = next(a for a in audits if a["department"] == "civil_affairs")
    assert set(civil_audit["fields"]) == {f.value for f in FIELDS[Department.CIVIL_AFFAIRS]}


async def _item(api: httpx.AsyncClient, token: str, member_id: str) -> dict[str, Any]:
    page = (await api.get(VIEW, headers=auth(token), params={"limit": 500})).json()
    (item,) = [i for i in page["items"] if i["member_id"] == member_id]
    return item  # type: ignore[no-any-return]


async def test_who_may_not_read_and_what_lies_outside(
    stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str], department_tokens: dict[Department, str]
) -> None:
    ordinary = await create_household(
        api, tokens["admin"], kind="ordinary", members=[member()], member_count=1
    )
    lifted = await create_household(api, tokens["admin"], members=[member()], member_count=1)
    for who in ("admin", "town_kejing", "village_beidahe", "helper_wang", "auditor"):
        assert (await api.get(VIEW, headers=auth(tokens[who]))).status_code == 403, who
    water = await department_token(api, tokens["admin"], "水利局")  # no row in the table
    refused = await api.get(VIEW, headers=auth(water))
    assert refused.status_code == 403 and "水利局" in refused.json()["detail"]
    # 人社局's system reads the 人社 row too.
    hrss = (await api.get(VIEW, headers=auth(tokens["integrator_hrss"]))).json()
    assert hrss["department"] == "human_resources"
    listed = {i["household_id"] for i in hrss["items"]}
    # A 脱贫户 is read; an ordinary household never monitored is nobody's business here.
    assert lifted["id"] in listed and ordinary["id"] not in listed
    other_town = await api.get(
        VIEW, headers=auth(tokens["integrator_hrss"]), params={"division_code": WANGWU}
    )
    assert lifted["id"] not in {i["household_id"] for i in other_town.json()["items"]}


def _household(status: HouseholdStatus, member_count: int = 2) -> Household:
    return Household(status=status, member_count=member_count, kind=HouseholdKind.LIFTED_OUT)


def test_safety_net_candidates_at_the_line() -> None:
    lines = {2025: Decimal("8600")}

    def income(net: str) -> Income:
        return Income(year=2025, net_income=Decimal(net))

    included = _household(HouseholdStatus.INCLUDED)
    assert safety_net_candidate(included, True, income("17199.98"), lines)  # 8599.99 a head
    assert not safety_net_candidate(included, True, income("17200.00"), lines)  # on the line
    assert not safety_net_candidate(included, True, income("17200.02"), lines)
    assert safety_net_candidate(included, False, None, lines)  # nobody able to work
    assert not safety_net_candidate(included, True, None, lines)  # no income recorded
    assert not safety_net_candidate(_household(HouseholdStatus.VERIFYING), False, income("0.00"), lines)
