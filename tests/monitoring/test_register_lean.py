"""Registering a household on the lean write path (ADR 0010) writes the row, audit record, events
and kept answer the ORM path wrote."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from services.monitoring.households import repository
from services.monitoring.households.events import household_changed
from services.monitoring.households.schemas import HouseholdCreate, HouseholdOut
from services.monitoring.models import Household, HouseholdKind, HouseholdStatus, kit
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth, new_id
from tests.monitoring.test_households import URL, household

# Set by the database or new for each row.
OWN = {"id", "created_at", "updated_at"}


def columns(row: Household) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in Household.__table__.c if c.key not in OWN}


async def test_the_row_is_the_one_the_orm_flushed(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    for body in (
        {
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "head_name": "甲",
            "kind": "lifted_out",
            "member_count": 1,
        },
        {
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "head_name": "乙",
            "address": "三组",
            "kind": "ordinary",
            "member_count": 5,
            "housing_safe": False,
            "water_safe": False,
        },
    ):
        fields = HouseholdCreate.model_validate(body).model_dump(exclude={"members"})
        async with component.db.transaction() as session:
            lean = await repository.insert_household(session, fields)
            orm = Household(**fields)  # the form register had before
            session.add(orm)
            await session.flush()
            stored = (await session.scalars(select(Household).where(Household.id == lean.id))).one()
            assert columns(lean) == columns(orm) == columns(stored)
            assert lean.created_at == stored.created_at and lean.updated_at == stored.updated_at
            assert isinstance(lean.kind, HouseholdKind) and lean.status is HouseholdStatus.NOT_MONITORED
            assert lean.risk_causes == [] and lean.version == 1
            assert HouseholdOut.model_validate(lean) == HouseholdOut.model_validate(stored)
            assert household_changed(lean) == household_changed(stored)


async def test_the_kept_answer_is_the_answer_sent(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    key = new_id()
    first = await api.post(URL, json=household(), headers=auth(tokens["admin"], **{"Idempotency-Key": key}))
    assert first.status_code == 201
    table = kit.idempotency_keys
    async with stack.apps["monitoring"].state.component.db.sessions() as session:
        kept = (await session.execute(select(table).where(table.c.key == key))).one()
    assert kept.status_code == 201
    assert kept.response_body == first.json()
    assert kept.response_headers == {"ETag": first.headers["etag"], "Location": first.headers["location"]}
