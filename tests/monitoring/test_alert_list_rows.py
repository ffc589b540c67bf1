"""The alerts list answers from plain rows (``keyset_page(rows=True)`` + ``page_response``, ADR 0013)
exactly what it answered from ORM objects validated into ``AlertOut``: the same bytes, page by
page, for every kind of caller (a helper's alerts come through a join) and filter."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import insert

from services.monitoring.alerts import repository
from services.monitoring.alerts.schemas import AlertOut
from services.monitoring.models import Alert, AlertSource, AlertStatus, Household, HouseholdKind, RiskCause
from shared import pagination
from shared.auth import Principal, Role
from shared.pagination import Page, keyset_page
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU_VILLAGE, auth
from tests.monitoring.factories import ALERTS, helper_id


async def _seed(stack: Stack, helper: str) -> None:
    villages = (KEJING_VILLAGE, KEJING_OTHER_VILLAGE, WANGWU_VILLAGE)
    households = [
        {
            "id": uuid.UUID(int=7000 + n),
            "town_code": villages[n][:9],
            "village_code": villages[n],
            "head_name": f"户{n}",
            "kind": HouseholdKind.ORDINARY,
            "member_count": 2,
            "helper_user_id": helper if n == 0 else None,
            "version": 1,
        }
        for n in range(3)
    ]
    base = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
    sources = list(AlertSource)
    statuses = list(AlertStatus)
    causes = list(RiskCause)
    alerts = [
        {
            "id": uuid.UUID(int=8000 + n),
            "household_id": households[n % 3]["id"],
            "town_code": villages[n % 3][:9],
            "village_code": villages[n % 3],
            "source": sources[n % len(sources)],
            "reason": f'原因 {n} "引号"\\',
            "risk_causes": [causes[n % len(causes)]] * (n % 3),
            "department": "人社局" if n % 2 else None,
            "status": statuses[n % len(statuses)],
            "origin_ref": f"test-{n}" if n % 4 else None,
            "created_at": base,
            "updated_at": base + timedelta(seconds=n // 2),
        }
        for n in range(23)
    ]
    async with stack.db("monitoring").transaction() as session:
        await session.execute(insert(Household), households)
        await session.execute(insert(Alert), alerts)


async def _validated_pages(stack: Stack, principal: Principal, filters: dict[str, Any]) -> list[bytes]:
    """The pages as the endpoint wrote them before: ORM objects, each validated into AlertOut."""
    values = {"household_id": None, "updated_since": None, **filters}
    pages = []
    cursor = None
    while True:
        async with stack.db("monitoring").reads() as session:
            rows, cursor = await keyset_page(
                session,
                repository.filtered(principal, **values),
                (Alert.updated_at, Alert.id),
                cursor=cursor,
                limit=4,
            )
        page = Page[AlertOut](items=[AlertOut.model_validate(r) for r in rows], next_cursor=cursor)
        pages.append(page.model_dump_json().encode())
        if cursor is None:
            return pages


CASES = [
    ("admin", {}),
    ("admin", {"status": AlertStatus.OPEN}),
    ("admin", {"source": AlertSource.DEPARTMENT, "town_code": KEJING}),
    ("admin", {"household_id": uuid.UUID(int=7001)}),
    ("admin", {"updated_since": datetime(2026, 4, 1, 9, 0, 4, tzinfo=UTC)}),
    ("town_kejing", {}),
    ("village_beidahe", {}),
    ("dept_hrss", {}),
    ("helper_wang", {}),
    ("auditor", {}),
]


@pytest.mark.parametrize(("user", "filters"), CASES, ids=[f"{u}-{n}" for n, (u, _) in enumerate(CASES)])
async def test_alert_pages_from_rows_are_the_validated_pages(
    stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str], user: str, filters: dict[str, Any]
) -> None:
    helper = await helper_id(api, tokens)
    await _seed(stack, helper)
    principal = {
        "admin": Principal("admin", "admin", Role.DISTRICT_ADMIN),
        "auditor": Principal("auditor", "auditor", Role.AUDITOR),
        "town_kejing": Principal("t", "town_kejing", Role.TOWN_OFFICIAL, KEJING),
        "village_beidahe": Principal("v", "village_beidahe", Role.VILLAGE_CADRE, KEJING_VILLAGE),
        "dept_hrss": Principal("d", "dept_hrss", Role.DEPARTMENT_OFFICER, department="人社局"),
        "helper_wang": Principal(helper, "helper_wang", Role.HELPER),
    }[user]
    expected = await _validated_pages(stack, principal, filters)
    params = {name: str(value) for name, value in filters.items()}
    answered = []
    cursor = None
    while True:
        query = {**params, "limit": "4", **({"cursor": cursor} if cursor else {})}
        resp = await api.get(ALERTS, params=query, headers=auth(tokens[user]))
        assert resp.status_code == 200, resp.text
        answered.append(resp.content)
        cursor = resp.json()["next_cursor"]
        if cursor is None:
            break
    assert answered == expected
    # Written from the rows, not validated into AlertOut first.
    assert pagination._rows_writer(Page[AlertOut], Alert.__table__) is not None
    listed = [item for page in answered for item in Page[AlertOut].model_validate_json(page).items]
    assert listed, "every case lists some alert"
    if user == "admin" and not filters:
        assert len(listed) == 23 and any(item.risk_causes for item in listed)
