"""List pages (shared/pagination.py, ADR 0013): a read's page runs a plan made once per list shape
on a pooled connection of its own, and rows are written as the output model writes them — the
same rows, cursors and bytes as the statement built, compiled and validated per request; inside
a transaction, or when the session already holds a connection, the page stays on it.

Monitoring's households are the example: every column kind (UUID, text, enums and an enum array,
integers, booleans, dates, times, NULLs) and five labels."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, ClassVar

import httpx
import pytest
from pydantic import ValidationError, computed_field, field_validator
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    insert,
    literal_column,
    select,
)
from sqlalchemy.exc import DBAPIError

from services.monitoring.households import repository
from services.monitoring.households.schemas import HouseholdOut
from services.monitoring.models import (
    EliminationStage,
    Household,
    HouseholdKind,
    HouseholdStatus,
    RiskCause,
    Subtype,
)
from shared import pagination
from shared.auth import Principal, Role
from shared.db import Database, create_engine
from shared.labels import label_of
from shared.pagination import Page, keyset_page, page_response
from shared.schemas import OutputModel
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth

ORDER = (Household.updated_at, Household.id)
ADMIN = Principal(subject="admin-1", username="admin", role=Role.DISTRICT_ADMIN)
TOWN = Principal(subject="town-1", username="town", role=Role.TOWN_OFFICIAL, division_code=KEJING)
VILLAGE = Principal(subject="v-1", username="v", role=Role.VILLAGE_CADRE, division_code=KEJING_VILLAGE)
HELPER = Principal(subject="helper-7", username="h", role=Role.HELPER)


def _households(count: int = 37) -> list[dict[str, Any]]:
    """Households of every kind of value a page holds, several sharing an ``updated_at`` (the
    cursor's tie on ``id``)."""
    base = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    kinds = list(HouseholdKind)
    causes = list(RiskCause)
    stages = [None, *EliminationStage]
    rows = []
    for n in range(count):
        monitored = n % 3 == 0
        village = (KEJING_VILLAGE, KEJING_OTHER_VILLAGE, WANGWU_VILLAGE)[n % 3 if n % 5 else 2]
        rows.append(
            {
                "id": uuid.UUID(int=1000 + n),
                "town_code": village[:9],
                "village_code": village,
                "head_name": f"王{n}" if n % 4 else '李"\\引号',
                "address": "北大河村三组" if n % 2 else "",
                "kind": kinds[n % len(kinds)],
                "member_count": 1 + n % 6,
                "helper_user_id": "helper-7" if n % 4 == 1 else None,
                "status": HouseholdStatus.INCLUDED if monitored else HouseholdStatus.NOT_MONITORED,
                "subtype": list(Subtype)[n % len(Subtype)] if monitored else None,
                "risk_causes": [causes[n % len(causes)], causes[(n + 3) % len(causes)]] if monitored else [],
                "housing_safe": n % 2 == 0,
                "water_safe": n % 7 != 0,
                "included_on": date(2026, 1, 1) + timedelta(days=n) if monitored else None,
                "notice_posted_on": date(2025, 12, 20) if monitored and n % 2 else None,
                "closed_on": None,
                "case_started_on": date(2025, 12, 1) if monitored else None,
                "formed_on": date(2020, 1, 1),
                "cancelled_on": date(2026, 2, 1) if n % 11 == 10 else None,
                "elimination_stage": stages[n % len(stages)] if monitored else None,
                "version": 1 + n % 3,
                "created_at": base,
                "updated_at": base + timedelta(minutes=n // 3, microseconds=n % 2),
            }
        )
    return rows


@pytest.fixture
async def own_db(stack: Stack) -> AsyncIterator[Database]:
    """A database of the test's own: the service's pool is shared with its relay and consumers,
    whose checkouts would count in the pool's figures."""
    db = Database(create_engine(stack.infra.database_url, pool_size=3))
    try:
        yield db
    finally:
        await db.dispose()


@pytest.fixture
async def households(stack: Stack) -> list[dict[str, Any]]:
    rows = _households()
    async with stack.db("monitoring").transaction() as session:
        await session.execute(insert(Household), rows)
    return rows


SHAPES: list[tuple[Principal, dict[str, Any]]] = [
    (ADMIN, {}),
    (ADMIN, {"include_cancelled": True}),
    (ADMIN, {"kind": HouseholdKind.LIFTED_OUT}),
    (ADMIN, {"status": HouseholdStatus.INCLUDED, "risk_cause": RiskCause.ILLNESS}),
    (ADMIN, {"town_code": WANGWU, "updated_since": datetime(2026, 3, 1, 8, 3, tzinfo=UTC)}),
    (ADMIN, {"q": "王1", "search_index": True}),
    (ADMIN, {"q": '"\\', "search_index": False}),
    (TOWN, {}),
    (TOWN, {"village_code": KEJING_OTHER_VILLAGE}),
    (TOWN, {"village_code": WANGWU_VILLAGE}),
    (VILLAGE, {"subtype": Subtype.UNSTABLE, "include_cancelled": True}),
    (HELPER, {}),
]


def _filtered(principal: Principal, filters: dict[str, Any]) -> Any:
    values: dict[str, Any] = {"town_code": None, "village_code": None, "kind": None, "updated_since": None}
    return repository.filtered(principal, **{**values, **filters})


async def _reference_page(
    session: Any, query: Any, cursor: str | None, limit: int
) -> tuple[list[dict[str, Any]], str | None]:
    """The page as it ran before plans: the statement built and compiled per request, through the
    session's own connection."""
    after = pagination.decode_cursor(cursor)
    if after is not None:
        after = [pagination._coerce(ORDER[0], after[0]), pagination._coerce(ORDER[1], after[1])]
    page = pagination._page_query(query, *ORDER, after, limit, columns=True)
    found = [dict(row) for row in (await session.execute(page)).mappings()]
    next_cursor = None
    if len(found) > limit:
        found = found[:limit]
        next_cursor = pagination.encode_cursor([found[-1]["updated_at"], found[-1]["id"]])
    return found, next_cursor


def _plain(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with values as JSON writes them (asyncpg's UUIDs and enum text vs SQLAlchemy's)."""
    return json.loads(json.dumps(rows, default=str))


@pytest.mark.parametrize(("principal", "filters"), SHAPES, ids=[str(n) for n in range(len(SHAPES))])
async def test_planned_pages_are_the_pages_built_per_request(
    stack: Stack, households: list[dict[str, Any]], principal: Principal, filters: dict[str, Any]
) -> None:
    db = stack.db("monitoring")
    limit = 4
    cursor: str | None = None
    pages = 0
    listed: list[Any] = []
    while True:
        async with db.reads() as session:
            found, next_cursor = await keyset_page(
                session, _filtered(principal, filters), ORDER, cursor=cursor, limit=limit, rows=True
            )
            # The session itself checked nothing out: the page ran on a pooled connection of its own.
            assert not session.in_transaction()
        async with db.reads() as session:
            expected, expected_cursor = await _reference_page(
                session, _filtered(principal, filters), cursor, limit
            )
        assert _plain(found) == _plain(expected)
        assert next_cursor == expected_cursor
        # What the endpoint answers: the bytes the output model writes after validating the rows.
        fast = page_response(Page[HouseholdOut], found, next_cursor).body
        validated = Page[HouseholdOut].model_validate({"items": expected, "next_cursor": expected_cursor})
        assert fast == validated.model_dump_json().encode()
        listed += [row["id"] for row in found]
        pages += 1
        if next_cursor is None:
            break
        cursor = next_cursor
    assert len(listed) == len(set(listed))
    if principal is ADMIN and not filters:
        assert pages > 5 and len(listed) == sum(1 for h in households if h["cancelled_on"] is None)
    shape_count = len(pagination._PLANS)
    # The same shapes again: no new plan.
    async with db.reads() as session:
        await keyset_page(
            session, _filtered(principal, filters), ORDER, cursor=cursor, limit=limit, rows=True
        )
    assert len(pagination._PLANS) == shape_count


async def test_a_plan_is_made_once_per_shape(
    stack: Stack, households: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[Any] = []
    plan_page = pagination._plan_page

    def counted(*args: Any) -> Any:
        made.append(args)
        return plan_page(*args)

    monkeypatch.setattr(pagination, "_PLANS", {})
    monkeypatch.setattr(pagination, "_plan_page", counted)
    db = stack.db("monitoring")
    seen = []
    for kind in (HouseholdKind.LIFTED_OUT, HouseholdKind.ORDINARY, HouseholdKind.LIFTED_OUT):
        async with db.reads() as session:
            rows, _ = await keyset_page(
                session, _filtered(ADMIN, {"kind": kind}), ORDER, cursor=None, limit=50, rows=True
            )
        assert rows and {row["kind"] for row in rows} == {kind.value}
        seen.append(len(rows))
    # One shape (a kind filter, no cursor), its value bound per request.
    assert len(made) == 1
    async with db.reads() as session:
        _, cursor = await keyset_page(session, _filtered(ADMIN, {}), ORDER, cursor=None, limit=2, rows=True)
        await keyset_page(session, _filtered(ADMIN, {}), ORDER, cursor=cursor, limit=2, rows=True)
    assert len(made) == 3  # no filter without and with a cursor: two more shapes


async def test_a_page_in_a_transaction_reads_that_transaction(stack: Stack) -> None:
    """A write's session: the page runs on its connection, so it sees the transaction's own rows."""
    db = stack.db("monitoring")
    row = _households(1)[0]
    async with db.transaction() as session:
        await session.execute(insert(Household), [row])
        rows, _ = await keyset_page(session, _filtered(ADMIN, {}), ORDER, cursor=None, limit=5, rows=True)
        assert [r["id"] for r in rows] == [row["id"]]
        await session.rollback()
    async with db.reads() as session:
        rows, _ = await keyset_page(session, _filtered(ADMIN, {}), ORDER, cursor=None, limit=5, rows=True)
        assert rows == []


async def test_a_session_holding_a_connection_keeps_the_page_on_it(
    stack: Stack, households: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One connection a request at most: a second checkout while the session holds one could wait
    for ever in a pool the concurrent requests have emptied the same way."""

    def refused(*_: Any) -> Any:
        raise AssertionError("a second connection for the same request")

    monkeypatch.setattr(pagination, "_fetch_pooled", refused)
    db = stack.db("monitoring")
    async with db.reads() as session:
        await session.execute(select(1))
        rows, _ = await keyset_page(session, _filtered(ADMIN, {}), ORDER, cursor=None, limit=3, rows=True)
    assert len(rows) == 3


async def test_a_refused_page_is_refused_the_sessions_way_and_the_connection_goes_back(
    own_db: Database, households: list[dict[str, Any]]
) -> None:
    db = own_db
    pool: Any = db.engine.sync_engine.pool
    before = pool.checkedout()
    query = _filtered(ADMIN, {}).where(Household.head_name == "王\x00")
    with pytest.raises(DBAPIError):
        async with db.reads() as session:
            await keyset_page(session, query, ORDER, cursor=None, limit=3, rows=True)
    assert pool.checkedout() == before
    async with db.reads() as session:
        rows, _ = await keyset_page(session, _filtered(ADMIN, {}), ORDER, cursor=None, limit=3, rows=True)
    assert len(rows) == 3


async def test_a_page_cancelled_mid_statement_never_returns_a_busy_connection(
    own_db: Database, households: list[dict[str, Any]]
) -> None:
    db = own_db
    pool: Any = db.engine.sync_engine.pool
    before = pool.checkedout()
    slow = _filtered(ADMIN, {}).where(literal_column("pg_sleep(0.5) IS NOT NULL"))
    for _ in range(3):
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.1), db.reads() as session:
                await keyset_page(session, slow, ORDER, cursor=None, limit=3, rows=True)
    assert pool.checkedout() == before
    # Every pooled connection still answers (none is left waiting for a statement it was given).
    for _ in range(pool.size() + 2):
        async with db.reads() as session:
            rows, _ = await keyset_page(session, _filtered(ADMIN, {}), ORDER, cursor=None, limit=3, rows=True)
        assert len(rows) == 3


async def test_read_sessions_give_back_what_they_hold(own_db: Database) -> None:
    db = own_db
    pool: Any = db.engine.sync_engine.pool
    before = pool.checkedout()
    async with db.reads() as session:
        pass
    async with db.reads() as session:
        assert await session.scalar(select(1)) == 1
        assert pool.checkedout() == before + 1
    assert pool.checkedout() == before
    with pytest.raises(ZeroDivisionError):
        async with db.reads() as session:
            await session.scalar(select(1))
            raise ZeroDivisionError
    assert pool.checkedout() == before
    async with db.reads() as session:
        loaded = (await session.scalars(select(Household).limit(1))).all()
    assert pool.checkedout() == before and loaded == []


async def test_the_list_endpoint_answers_the_validated_page(
    stack: Stack, households: list[dict[str, Any]], api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    params = {"limit": "7", "include_cancelled": "true"}
    resp = await api.get("/api/monitoring/v1/households", params=params, headers=auth(tokens["admin"]))
    assert resp.status_code == 200
    async with stack.db("monitoring").reads() as session:
        rows, cursor = await _reference_page(session, _filtered(ADMIN, {"include_cancelled": True}), None, 7)
    validated = Page[HouseholdOut].model_validate({"items": rows, "next_cursor": cursor})
    assert resp.content == validated.model_dump_json().encode()
    body = resp.json()
    assert any(item["risk_cause_labels"] for item in body["items"])
    assert any(item["elimination_stage_label"] for item in body["items"])


def _rows_of(rows: list[dict[str, Any]]) -> Any:
    """Rows as keyset_page gives them: the table's columns in the table's order."""
    columns = [column.name for column in Household.__table__.columns]
    return pagination._Rows([{name: row[name] for name in columns} for row in rows], Household.__table__)


async def test_a_row_the_model_would_refuse_is_refused_as_before(stack: Stack) -> None:
    rows = _plain(_households(3))
    for row in rows:
        row["updated_at"] = datetime.fromisoformat(row["updated_at"])
        row["created_at"] = datetime.fromisoformat(row["created_at"])
    bad = [dict(rows[0], kind="no_such_kind"), *rows[1:]]
    with pytest.raises(ValidationError):
        page_response(Page[HouseholdOut], _rows_of(bad), None)
    bad = [dict(rows[0], risk_causes=["illness", "no_such_cause"]), *rows[1:]]
    with pytest.raises(ValidationError):
        page_response(Page[HouseholdOut], _rows_of(bad), None)
    writer = pagination._rows_writer(Page[HouseholdOut], Household.__table__)
    assert writer is not None and writer.write(_rows_of(rows), "c") is not None  # written from rows
    good = page_response(Page[HouseholdOut], _rows_of(rows), "c").body
    assert (
        good
        == Page[HouseholdOut].model_validate({"items": rows, "next_cursor": "c"}).model_dump_json().encode()
    )
    # A row short of a column (not as keyset_page reads them): validated, and refused, as before.
    short = _rows_of(rows)
    del short[0]["closed_on"]
    with pytest.raises(ValidationError):
        page_response(Page[HouseholdOut], short, None)


_OTHER = Table(
    "other",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("name", String(20), nullable=True),
    Column("amount", Numeric(10, 2), nullable=False),
)


class _NameOut(OutputModel):
    id: int
    name: str  # the column may hold NULL: the model would refuse it


class _AmountOut(OutputModel):
    id: int
    amount: Decimal


class _CheckedOut(OutputModel):
    id: int
    name: str | None

    @field_validator("name")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value


class _UnknownComputed(OutputModel):
    id: int
    name: str | None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def shout(self) -> str:
        return (self.name or "").upper()


class _Labelled(OutputModel):
    id: int
    name: str | None
    kind: HouseholdKind  # no such column

    kind_label: ClassVar[property] = label_of("kind")


class _Fine(OutputModel):
    name: str | None
    id: int


@pytest.mark.parametrize(
    ("model", "plain"),
    [
        (_NameOut, False),
        (_AmountOut, False),
        (_CheckedOut, False),
        (_UnknownComputed, False),
        (_Labelled, False),
        (_Fine, True),
    ],
)
def test_only_models_validation_could_not_change_are_written_from_rows(model: Any, plain: bool) -> None:
    assert (pagination._rows_writer(Page[model], _OTHER) is not None) is plain


def test_households_are_written_from_rows() -> None:
    writer = pagination._rows_writer(Page[HouseholdOut], Household.__table__)
    assert writer is not None and writer.same_order
    assert [label[0] for label in writer.labels] == list(HouseholdOut.model_computed_fields)


def test_rows_in_another_order_than_the_model_are_written_in_the_models() -> None:
    rows: list[dict[str, Any]] = [
        {"id": 2, "name": None, "amount": Decimal("1.00")},
        {"id": 3, "name": "x", "amount": Decimal(0)},
    ]
    body = page_response(Page[_Fine], pagination._Rows(rows, _OTHER), None).body
    assert body == Page[_Fine].model_validate({"items": rows, "next_cursor": None}).model_dump_json().encode()
    assert body == b'{"items":[{"name":null,"id":2},{"name":"x","id":3}],"next_cursor":null}'
