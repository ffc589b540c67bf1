"""The lean write path (ADR 0010): statements compiled once and sent on the transaction's own
asyncpg connection write what the session's statements wrote, commit and roll back with the
session, and fail with the same SQLAlchemy errors; an answer rendered once is the answer
``JSONResponse`` rendered."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from fastapi.responses import JSONResponse
from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError

from services.monitoring.households.schemas import HouseholdOut
from services.monitoring.models import HouseholdKind
from shared.context import RenderedJSONResponse
from shared.statements import Statement
from shared.work import audit_json, record_audit
from tests.conftest import Stack

CHANGES: list[dict[str, Any] | None] = [
    None,
    {},
    {
        "kind": HouseholdKind.LIFTED_OUT,
        "on": date(2026, 3, 2),
        "at": datetime(2026, 3, 2, 8, 30, tzinfo=UTC),
        "amount": Decimal("8600.50"),
        "id": uuid.UUID(int=7),
        "names": ["王", "李\"'\\"],
        "nested": {"n": 1, "ok": True, "none": None},
    },
]


async def test_the_audit_row_is_the_one_the_session_wrote(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    table = component.tables.audit_log
    for changes in CHANGES:
        request_id = uuid.uuid4().hex
        fields = {
            "actor": "u-1",
            "actor_role": "district_admin",
            "action": "create",
            "entity": "household",
            "request_id": request_id,
        }
        async with component.db.transaction() as session:
            await record_audit(
                session, component.tables, entity_id=uuid.UUID(int=1), changes=changes, **fields
            )
            # The form record_audit had before (ORM session, insert().values(...)).
            await session.execute(
                insert(table).values(
                    **fields,
                    entity_id=str(uuid.UUID(int=1)),
                    changes=audit_json(changes),
                )
            )
        async with component.db.sessions() as session:
            rows = (
                await session.execute(
                    select(table.c.actor, table.c.actor_role, table.c.action, table.c.entity)
                    .add_columns(table.c.entity_id, table.c.changes, table.c.request_id)
                    .add_columns(func.jsonb_typeof(table.c.changes).label("json_type"))
                    .where(table.c.request_id == request_id)
                )
            ).all()
        assert len(rows) == 2 and rows[0] == rows[1], rows
        if changes:
            # Money keeps its digits in the audit trail (a float would read 8600.5).
            assert rows[0].changes["amount"] == "8600.50"


async def test_statements_commit_and_roll_back_with_the_session(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    table = component.tables.idempotency_keys
    claim = Statement(
        pg_insert(table)
        .values(
            principal=bindparam("principal"), key=bindparam("key"), request_hash=bindparam("request_hash")
        )
        .on_conflict_do_nothing()
        .returning(table.c.key)
    )
    kept, dropped = uuid.uuid4().hex, uuid.uuid4().hex
    async with component.db.transaction() as session:
        # First statement of the transaction: the Statement begins it, the session's INSERT joins.
        assert await claim.scalar(session, principal="p", key=kept, request_hash="h") == kept
        await session.execute(insert(table).values(principal="p", key=kept + "-orm", request_hash="h"))
    with pytest.raises(RuntimeError):
        async with component.db.transaction() as session:
            await session.execute(insert(table).values(principal="p", key=dropped + "-orm", request_hash="h"))
            assert await claim.scalar(session, principal="p", key=dropped, request_hash="h") == dropped
            raise RuntimeError("the request failed")
    async with component.db.sessions() as session:
        keys = set((await session.scalars(select(table.c.key).where(table.c.principal == "p"))).all())
    assert {kept, kept + "-orm"} <= keys
    assert not {dropped, dropped + "-orm"} & keys
    async with component.db.transaction() as session:
        assert await claim.scalar(session, principal="p", key=kept, request_hash="h") is None  # taken


async def test_a_refusal_is_the_error_the_session_raises(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    table = component.tables.idempotency_keys
    plain = Statement(
        insert(table).values(
            principal=bindparam("principal"), key=bindparam("key"), request_hash=bindparam("h")
        )
    )
    key = uuid.uuid4().hex
    async with component.db.transaction() as session:
        await plain.execute(session, principal="p", key=key, h="h")
    with pytest.raises(IntegrityError) as caught:
        async with component.db.transaction() as session:
            await plain.execute(session, principal="p", key=key, h="h")
    assert getattr(caught.value.orig, "sqlstate", None) == "23505"
    assert "'h'" not in str(caught.value)  # values stay out of the error's text (and so the log)
    with pytest.raises(TypeError):
        async with component.db.transaction() as session:
            await plain.execute(session, principal="p", key=key, h="h", unexpected=1)


async def test_returned_rows_are_typed_as_the_session_types_them(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    table = component.tables.idempotency_keys
    keep = Statement(
        pg_insert(table)
        .values(
            principal=bindparam("principal"),
            key=bindparam("key"),
            request_hash=bindparam("request_hash"),
            response_body=bindparam("body"),
        )
        .returning(table)
    )
    key = uuid.uuid4().hex
    async with component.db.transaction() as session:
        row = await keep.fetchrow(session, principal="p", key=key, request_hash="h", body={"a": [1, "二"]})
        assert row is not None
        through_session = (await session.execute(select(table).where(table.c.key == key))).mappings().one()
    assert row._asdict() == dict(through_session)
    assert row.response_body == {"a": [1, "二"]}


def test_a_rendered_answer_is_the_answer_json_response_rendered() -> None:
    out = HouseholdOut.model_validate(
        {
            "id": uuid.uuid4(),
            "town_code": "419001100",
            "village_code": "419001100201",
            "head_name": "王\"建'国\\\n\u2028😀",
            "address": "北大河村</script>三组",
            "kind": "lifted_out",
            "member_count": 4,
            "helper_user_id": None,
            "status": "included",
            "subtype": "unstable",
            "risk_causes": ["illness", "housing"],
            "housing_safe": False,
            "water_safe": True,
            "case_started_on": date(2026, 1, 2),
            "notice_posted_on": None,
            "included_on": date(2026, 2, 3),
            "closed_on": None,
            "formed_on": date(2025, 12, 31),
            "cancelled_on": None,
            "elimination_stage": None,
            "version": 3,
            "created_at": datetime(2026, 3, 2, 8, 30, 1, 123456, tzinfo=UTC),
            "updated_at": datetime(2026, 3, 2, 8, 30, 1, tzinfo=UTC),
        }
    )
    expected = JSONResponse(out.model_dump(mode="json", by_alias=True))
    rendered = RenderedJSONResponse(out.model_dump_json(by_alias=True))
    assert rendered.body == expected.body
    assert json.loads(rendered.body) == out.model_dump(mode="json", by_alias=True)
