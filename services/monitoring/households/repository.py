from __future__ import annotations

import typing
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Literal, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    Text,
    bindparam,
    cast,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import Household, HouseholdKind, HouseholdStatus, Member, RiskCause, Subtype
from shared.auth import Principal, Role
from shared.db import in_territory
from shared.statements import Statement

# Built once: constructing select(Household) inspects the mapper each time (7 % of a list request).
# Select objects are immutable, so every request's .where() makes a new one from this.
_ALL_HOUSEHOLDS = select(Household)


def scoped(principal: Principal) -> Select[Household]:
    """Households the caller may see at all; everything else is 'not found'."""
    query = _ALL_HOUSEHOLDS
    query = query.where(in_territory(principal, Household.village_code))
    if principal.role is Role.HELPER:
        query = query.where(Household.helper_user_id == principal.subject)
    return query


async def get(session: AsyncSession, principal: Principal, household_id: uuid.UUID) -> Household | None:
    result = await session.execute(scoped(principal).where(Household.id == household_id))
    return result.scalar_one_or_none()


async def get_for_update(
    session: AsyncSession, principal: Principal, household_id: uuid.UUID
) -> Household | None:
    """The household locked for this transaction: workflow steps on one household run one at a time."""
    result = await session.execute(scoped(principal).where(Household.id == household_id).with_for_update())
    return result.scalar_one_or_none()


def filtered(
    principal: Principal,
    *,
    town_code: str | None,
    village_code: str | None,
    kind: HouseholdKind | None,
    updated_since: datetime | None,
    subtype: Subtype | None = None,
    status: HouseholdStatus | None = None,
    risk_cause: RiskCause | None = None,
    helper_user_id: str | None = None,
    q: str | None = None,
    include_cancelled: bool = False,
) -> Select[Household]:
    query = scoped(principal)
    if not include_cancelled:
        query = query.where(Household.cancelled_on.is_(None))
    if town_code:
        query = query.where(Household.town_code == town_code)
    if village_code:
        query = query.where(Household.village_code == village_code)
    if kind:
        query = query.where(Household.kind == kind)
    if subtype:
        query = query.where(Household.subtype == subtype)
    if status:
        query = query.where(Household.status == status)
    if risk_cause:
        query = query.where(Household.risk_causes.contains([risk_cause]))
    if helper_user_id:
        query = query.where(Household.helper_user_id == helper_user_id)
    if q:
        query = query.where(
            search_chars().op("@>")(cast(sorted(set(q)), ARRAY(Text))),
            or_(
                Household.head_name.contains(q, autoescape=True),
                Household.address.contains(q, autoescape=True),
            ),
        )
    if updated_since:
        query = query.where(Household.updated_at > updated_since)
    return query


def search_chars() -> ColumnElement[Any]:
    """The characters of head name and address, as ``ix_households_search_chars`` indexes them.

    A search for ``q`` asks for rows holding every character of it (the index answers that at any
    length, one character included, where pg_trgm needs three), then for the substring itself. The
    empty pattern is written into the SQL, not bound, so the expression is the index's.
    """
    no_separator: ColumnElement[str] = literal_column("''")
    return func.regexp_split_to_array(Household.head_name, no_separator).op("||")(
        func.regexp_split_to_array(Household.address, no_separator)
    )


# What a registration sets; every other column takes its default (the Python ones, such as the id
# and the status, filled by ``Statement`` as SQLAlchemy fills them; the server's by the database).
_REGISTERED = (
    "town_code",
    "village_code",
    "head_name",
    "address",
    "kind",
    "member_count",
    "helper_user_id",
    "housing_safe",
    "water_safe",
    "version",
)
_HOUSEHOLDS = typing.cast(Table, Household.__table__)
_INSERT_HOUSEHOLD = Statement(
    insert(_HOUSEHOLDS).values({name: bindparam(name) for name in _REGISTERED}).returning(*_HOUSEHOLDS.c)
)


async def insert_household(session: AsyncSession, fields: dict[str, Any]) -> Household:
    """A new household of ``fields`` (the registration's), as the database wrote it.

    One INSERT ... RETURNING compiled once and sent on the transaction's connection
    (``shared.statements``): the ORM's add and flush of the object cost 15 % of a create's time.
    The result is a transient ``Household`` (not in the session): it is answered and announced,
    not changed again in the same request. ``tests/monitoring/test_register_lean.py`` pins the row
    to what the ORM's flush wrote.
    """
    # version 1: what the mapper's version counter gives a new row.
    row = await _INSERT_HOUSEHOLD.fetchrow(session, **fields, version=1)
    assert row is not None
    return Household(**row._asdict())


async def members_of(session: AsyncSession, household_id: uuid.UUID) -> list[Member]:
    result = await session.scalars(
        select(Member)
        .where(Member.household_id == household_id)
        .order_by(Member.created_at, Member.relation, Member.id)
    )
    return list(result)


async def member(session: AsyncSession, household_id: uuid.UUID, member_id: uuid.UUID) -> Member | None:
    return await session.scalar(
        select(Member).where(Member.id == member_id, Member.household_id == household_id).with_for_update()
    )


async def id_number_taken(
    session: AsyncSession, digest: bytes, except_member: uuid.UUID | None = None
) -> bool:
    # Only active members hold a number: someone who left one household may arrive in another.
    query = select(Member.id).where(Member.id_number_hash == digest, Member.left_on.is_(None))
    if except_member is not None:
        query = query.where(Member.id != except_member)
    return (await session.scalar(query)) is not None


class ImportRecord(NamedTuple):
    """One ledger row as COPY'd into the staging table ``import_rows`` (its columns, in order)."""

    row_no: int
    town_code: str
    village_code: str
    head_name: str
    address: str
    kind: str
    member_count: int
    id_hash: bytes
    id_cipher: bytes
    id_masked: str
    birth_date: date
    health: str
    labour: str
    schooling: str
    medical_insured: bool
    id_match: str
    # The ids the row's household and head get if its head is new: time-ordered (UUIDv7), so the
    # primary keys and the (…, updated_at, id) indexes grow at their right edge.
    household_id: str
    member_id: str


# The staging table ImportRecord's rows are COPY'd into (dropped with the transaction);
# ``known_*`` name the household an already registered head lives in.
_CREATE_IMPORT_ROWS = """
    CREATE TEMP TABLE import_rows (
        row_no int, town_code text, village_code text,
        head_name text, address text, kind text, member_count int, id_hash bytea,
        id_cipher bytea, id_masked text, birth_date date, health text, labour text,
        schooling text, medical_insured boolean, id_match text,
        household_id uuid NOT NULL, member_id uuid NOT NULL,
        known_household uuid, known_village text
    ) ON COMMIT DROP
"""
# Set-based, one statement each: mark the rows whose head is registered already (an active member
# holds the number), insert the others' households, then their heads, then read the known rows'
# household and where it lies (a new row's are the record's own). Separate statements (not one CTE
# chain) let each step read the staging table directly instead of a spilled CTE.
_MARK_KNOWN_HEADS = """
    UPDATE import_rows r SET known_household = m.household_id, known_village = h.village_code
    FROM monitoring.members m JOIN monitoring.households h ON h.id = m.household_id
    WHERE m.id_number_hash = r.id_hash AND m.left_on IS NULL
"""
_INSERT_HOUSEHOLDS = """
    INSERT INTO monitoring.households
        (id, town_code, village_code, head_name, address, kind, member_count, version)
    SELECT household_id, town_code, village_code, head_name, address,
           kind::monitoring.household_kind, member_count, 1
    FROM import_rows WHERE known_household IS NULL
"""
_INSERT_HEADS = """
    INSERT INTO monitoring.members
        (id, household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date,
         relation, health, labour, schooling, medical_insured, version, id_number_match_hash)
    SELECT member_id, household_id, head_name, id_hash, id_cipher, id_masked, birth_date,
           'head', health::monitoring.member_health, labour::monitoring.labour_capacity,
           schooling::monitoring.schooling_status, medical_insured, 1, id_match
    FROM import_rows WHERE known_household IS NULL
"""
_KNOWN_OUTCOMES = """
    SELECT row_no, known_household::text, known_village FROM import_rows WHERE known_household IS NOT NULL
"""


class ImportOutcome(NamedTuple):
    """What became of one valid ledger row: ``accepted`` (a new household) or ``unchanged`` (its
    head's ID number was registered already), the household, and the village it lies in."""

    status: Literal["accepted", "unchanged"]
    household_id: str
    village_code: str


async def import_households(
    session: AsyncSession, records: Sequence[ImportRecord]
) -> dict[int, ImportOutcome]:
    """COPY the validated rows in, insert those whose head is not registered yet, set-based.

    Returns each file row's :class:`ImportOutcome` (re-importing a file changes nothing). The
    staging table stays for the transaction: the announcement joins it (a known head's row names a
    ``household_id`` that was never inserted, so it joins nothing).
    """
    await session.execute(text(_CREATE_IMPORT_ROWS))
    raw = await (await session.connection()).get_raw_connection()
    await raw.driver_connection.copy_records_to_table(  # type: ignore[union-attr]
        "import_rows", records=records, columns=ImportRecord._fields
    )
    # A temp table has no statistics until analysed; without them a million rows are planned as few.
    await session.execute(text("ANALYZE import_rows"))
    await session.execute(text(_MARK_KNOWN_HEADS))
    await session.execute(text(_INSERT_HOUSEHOLDS))
    await session.execute(text(_INSERT_HEADS))
    driver = raw.driver_connection
    known = {
        row_no: ImportOutcome("unchanged", household_id, village_code)
        for row_no, household_id, village_code in await driver.fetch(_KNOWN_OUTCOMES)  # type: ignore[union-attr]
    }
    return {
        record.row_no: known.get(record.row_no)
        or ImportOutcome("accepted", record.household_id, record.village_code)
        for record in records
    }
