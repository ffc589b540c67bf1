from __future__ import annotations

import re
import time
import typing
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from typing import Any, Literal, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    Text,
    bindparam,
    cast,
    false,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, configure_mappers

from services.monitoring.models import (
    Household,
    HouseholdKind,
    HouseholdStatus,
    Member,
    RiskCause,
    Subtype,
    household_search_terms,
)
from shared.auth import Principal, Role
from shared.db import in_territory
from shared.errors import ValidationFailed
from shared.pagination import decode_cursor
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
    search_index: bool = True,
    term_statistics: TermStatistics | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Select[Household]:
    """The list's filters. ``search_index`` says whether ``q`` also asks the character index
    (``@>``): without it the planner can only walk the list's ``(updated_at, id)`` order (or a
    filter's index) and test the substring row by row — the faster way for a term many households
    hold (see :func:`search_by_index`). Both return the same rows: the substring implies the
    characters.

    A page with a ``q``, a ``risk_cause``, a monitored ``status`` or a ``subtype`` (and no helper
    filter, not a helper's) walks the rows of one term of ``household_search_terms`` instead,
    already in list order, every other filter but the helper tested in that index (see
    :func:`walk_plan` and :func:`term_walk`); ``term_statistics`` says which term is rarest;
    ``cursor`` and ``limit``, the page's as ``keyset_page`` is given them, then bound that walk."""
    plan = walk_plan(principal, q or None, subtype, status, risk_cause, helper_user_id, term_statistics)
    if plan is not None:
        return term_walk(
            principal,
            plan,
            town_code=town_code,
            village_code=village_code,
            kind=kind,
            subtype=subtype,
            status=status,
            updated_since=updated_since,
            include_cancelled=include_cancelled,
            cursor=cursor,
            limit=limit,
        )
    prefix = principal.division_prefix
    if principal.role is not Role.HELPER and prefix is not None and len(prefix) == TOWN_CODE_LENGTH:
        # A town's territory as the town itself instead of its villages' code prefix: the same
        # rows (the database holds left(village_code, 9) = town_code), and a town official's page
        # can walk the (town_code, updated_at, id) index. Named beside the prefix, the two
        # conditions were counted as independent and the planner expected a sixteenth of the rows
        # it found (a status filter went from 8 to 58 ms at 1M).
        query = _ALL_HOUSEHOLDS.where(Household.town_code == prefix)
        if village_code:
            # A village of the town is the territory by itself (its code holds the town's): named
            # beside the town, the two were counted as independent again, and the prepared page's
            # generic plan sorted a bitmap of the whole village (30–100 ms at 1M) instead of
            # walking the village's (village_code, updated_at, id) index.
            query = _ALL_HOUSEHOLDS if village_code.startswith(prefix) else _ALL_HOUSEHOLDS.where(false())
    else:
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
        if search_index:
            query = query.where(search_chars().op("@>")(cast(sorted(set(q)), ARRAY(Text))))
        query = query.where(_holds(Household, q))
    if updated_since:
        query = query.where(Household.updated_at > updated_since)
    return query


def _holds(households: Any, q: str) -> ColumnElement[bool]:
    """The search itself: the head name or the address holds ``q`` (LIKE's wildcards as text)."""
    return or_(
        households.head_name.contains(q, autoescape=True), households.address.contains(q, autoescape=True)
    )


# Terms household_search_terms leaves out (migration 5c0d18s0e0m1's KEPT, negated): made only of
# digits and the address's 组, 号 and 村, which most households hold, but for a digit and 组 (an
# address's group); and 村 with a digit (the same in every address). Matched whole.
SEARCH_TERM_LEFT_OUT = re.compile("(?![0-9]组$)[0-9组号村]+|村[0-9]")
# What marks a risk cause's, a status's and a category's term (the migration's marks).
CAUSE_MARK, STATUS_MARK, SUBTYPE_MARK = "#", "$", "&"
# How many terms besides the walked one a page probes in the key (each a lookup per row walked).
_PROBED_MAX = 3
# What probing a term for a walked row costs against stepping to the next row of the walk (an
# index-only step ~0.2 µs, a descent of the key ~4 µs at 1M; measured in EXPLAIN ANALYZE).
_PROBE_OVER_STEP = 20.0
_TERMS = household_search_terms.c


class TermWalk(NamedTuple):
    """How a list page reads ``household_search_terms``: the term whose rows it walks, the terms
    each of those households must hold too (probed in the key), and the text the head name or
    address must hold when no term says it exactly (``q`` of three or more characters)."""

    walked: str
    probed: tuple[str, ...] = ()
    holds: str | None = None


def search_terms(q: str) -> list[str]:
    """The terms of ``household_search_terms`` every household holding ``q`` holds: ``q`` itself if
    it is one (one or two characters, not left out); else its two-character substrings the table
    holds, or, if none, its single characters it holds. Empty: the table cannot serve ``q``."""
    if len(q) <= 2 and not SEARCH_TERM_LEFT_OUT.fullmatch(q):
        return [q]
    for width in (2, 1):
        found = [
            t
            for t in dict.fromkeys(q[i : i + width] for i in range(len(q) - width + 1))
            if not SEARCH_TERM_LEFT_OUT.fullmatch(t)
        ]
        if found:
            return found
    return []


def walk_plan(
    principal: Principal,
    q: str | None,
    subtype: Subtype | None,
    status: HouseholdStatus | None,
    risk_cause: RiskCause | None,
    helper_user_id: str | None,
    statistics: TermStatistics | None = None,
) -> TermWalk | None:
    """Which term of ``household_search_terms`` a list page walks, or ``None`` when the page is
    read from the households as before: not for a helper or a helper filter (a helper's few
    households have their own index), nor when no filter has a term (the territory, the town,
    the village, the kind and ``not_monitored`` have indexes of their own in list order).

    The terms: ``q``'s (:func:`search_terms`), the risk cause's (``#illness``), a monitored
    status's (``$included``) and the category's (``&marginal``). The rarest is walked
    (``statistics``; without them, the last of ``q``'s two-character terms — a name's given
    name — or the cause, the status, the category in that order), the next rarest of ``q``'s and
    the cause probed; the status, category and kind are tested in the index itself."""
    if principal.role is Role.HELPER or helper_user_id is not None:
        return None
    terms = search_terms(q) if q is not None else []
    if q is not None and not terms:
        return None
    holds = q if q is not None and terms != [q] else None
    cause = [CAUSE_MARK + risk_cause.value] if risk_cause is not None else []
    tested = []
    if status is not None and status is not HouseholdStatus.NOT_MONITORED:
        tested.append(STATUS_MARK + status.value)
    if subtype is not None:
        tested.append(SUBTYPE_MARK + subtype.value)
    candidates = [*reversed(terms), *cause, *tested]
    if not candidates:
        return None
    if statistics is not None:
        # A status or category is tested in the index while another term is walked; walked
        # itself, the other term is probed for every row (a lookup in the key, ~20 times the cost
        # of stepping to the next entry): it pays only for a status that much rarer.
        def cost(term: str) -> float:
            return statistics.share(term) * (_PROBE_OVER_STEP if term in tested else 1.0)

        # sorted() is stable: equal estimates keep the order above.
        candidates = sorted(candidates, key=cost)
    walked = candidates[0]
    # What only a term says must be probed when not walked: the cause, and q when it is its own
    # term. q's other terms only narrow the households whose text is tested: the rarest few.
    required = [t for t in (*cause, *([] if holds else terms)) if t != walked]
    narrowing = [t for t in candidates[1:] if t in terms and t not in required]
    probed = (*required, *narrowing[: max(0, _PROBED_MAX - len(required))])
    return TermWalk(walked, probed, holds)


def walked_term(
    principal: Principal,
    q: str | None,
    kind: HouseholdKind | None,
    subtype: Subtype | None,
    status: HouseholdStatus | None,
    risk_cause: RiskCause | None,
    helper_user_id: str | None,
) -> str | None:
    """The term a list page of these filters walks (:func:`walk_plan` without statistics), or
    ``None`` when it reads the households as before. ``kind`` is tested in the index, never walked."""
    plan = walk_plan(principal, q, subtype, status, risk_cause, helper_user_id)
    return None if plan is None else plan.walked


def term_walk(
    principal: Principal,
    plan: TermWalk,
    *,
    town_code: str | None,
    village_code: str | None,
    kind: HouseholdKind | None = None,
    subtype: Subtype | None = None,
    status: HouseholdStatus | None = None,
    updated_since: datetime | None,
    include_cancelled: bool,
    cursor: str | None,
    limit: int,
) -> Select[Household]:
    """The households the list query finds for these filters, read by walking ``plan.walked``'s
    rows of ``household_search_terms`` in list order: one page of ``limit`` (and the one row more
    that ``keyset_page`` asks for to know a next page exists).

    Its key ``(term, updated_at, household_id)`` is the list order of one term's households, and
    the village, cancelled flag, status, kind and category it includes let the territory and the
    other filters be tested in the index alone. Each further term of ``plan.probed`` is looked up
    in the same key (``EXISTS``: the household's row of that term, same ``updated_at``); the
    substring of ``plan.holds`` is tested on the household (a name of three characters holds its
    two-character terms, but not every household holding both holds the name). The page's rows
    come from that subquery, ordered and limited there, then those households joined by id.
    Every condition is the side table's: a term is a substring of the head name or of the
    address, or marks a cause, status or category of the household; the other columns are the
    household's (the triggers keep them in step). As a plain join ordered by the households'
    columns it was planned badly for a common term: the planner expected a few matches from the
    join and hashed the whole households table (a custom plan for 王 at 1M: 1.36 s).
    """
    walk = select(_TERMS.household_id).where(
        _TERMS.term == plan.walked, in_territory(principal, _TERMS.village_code)
    )
    if not include_cancelled:
        walk = walk.where(_TERMS.cancelled.is_(False))
    if town_code:
        walk = walk.where(_TERMS.village_code.startswith(town_code, autoescape=True))
    if village_code:
        walk = walk.where(_TERMS.village_code == village_code)
    if kind:
        walk = walk.where(_TERMS.kind == kind)
    if subtype:
        walk = walk.where(_TERMS.subtype == subtype)
    if status:
        walk = walk.where(_TERMS.status == status)
    if updated_since:
        walk = walk.where(_TERMS.updated_at > updated_since)
    for term in plan.probed:
        other = household_search_terms.alias()
        walk = walk.where(
            select(literal_column("1"))
            .where(
                other.c.term == term,
                other.c.updated_at == _TERMS.updated_at,
                other.c.household_id == _TERMS.household_id,
            )
            .exists()
        )
    if plan.holds is not None:
        held = aliased(Household)
        walk = walk.where(
            select(held.id).where(held.id == _TERMS.household_id, _holds(held, plan.holds)).exists()
        )
    if (after := decode_cursor(cursor)) is not None:
        walk = walk.where(tuple_(_TERMS.updated_at, _TERMS.household_id) > _cursor_values(after))
    page = walk.order_by(_TERMS.updated_at, _TERMS.household_id).limit(limit + 1).subquery("walk")
    return _ALL_HOUSEHOLDS.join(page, page.c.household_id == Household.id)


class TermStatistics(NamedTuple):
    """What ANALYZE knows of ``household_search_terms``: the share of its rows each of its most
    common terms has, and an upper bound for any other (the least common it counted)."""

    shares: dict[str, float]
    other_share: float
    read_at: float

    def share(self, term: str) -> float:
        return self.shares.get(term, self.other_share / 2)


_term_statistics: TermStatistics | None = None

_READ_TERM_STATISTICS = text("""
    SELECT most_common_vals::text::text[] AS terms, most_common_freqs AS freqs
    FROM pg_stats
    WHERE schemaname = 'monitoring' AND tablename = 'household_search_terms' AND attname = 'term'
""")


async def term_statistics(session: AsyncSession) -> TermStatistics | None:
    """ANALYZE's figures for the terms, read at most every five minutes per process; ``None``
    before the first ANALYZE (the page then walks by the order :func:`walk_plan` says)."""
    global _term_statistics
    now = time.monotonic()
    if _term_statistics is None or now - _term_statistics.read_at > _STATISTICS_MAX_AGE_S:
        row = (await session.execute(_READ_TERM_STATISTICS)).one_or_none()
        if row is None or not row.terms:
            _term_statistics = TermStatistics({}, 0.0, now)
        else:
            _term_statistics = TermStatistics(
                dict(zip(row.terms, row.freqs, strict=False)), min(row.freqs), now
            )
    return _term_statistics if _term_statistics.shares else None


def needs_term_statistics(
    q: str | None, subtype: Subtype | None, status: HouseholdStatus | None, risk_cause: RiskCause | None
) -> bool:
    """Whether a page of these filters has several terms to choose the walked one from."""
    count = len(search_terms(q)) if q else 0
    return count + (risk_cause is not None) + (status is not None) + (subtype is not None) > 1


def _cursor_values(after: list[Any]) -> tuple[datetime, uuid.UUID]:
    """A list page's cursor as ``keyset_page`` reads it (which answers a bad one the same way)."""
    try:
        first, second = after
        return datetime.fromisoformat(first), uuid.UUID(str(second))
    except (ValueError, TypeError) as exc:
        raise ValidationFailed("cursor", "分页游标无效", "invalid cursor") from exc


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
    # The instance made without its constructor (whose per-attribute events cost 40 µs) and
    # given the row's values, as the ORM gives a loaded row's.
    household: Household = _households().new_instance()
    household.__dict__.update(row._asdict())
    return household


@cache
def _households() -> Any:
    """Household's class manager, the mappers configured (as the constructor's first call does)."""
    configure_mappers()
    return Household.__mapper__.class_manager


TOWN_CODE_LENGTH = 9
# What a list page costs per row, relatively: walking the (updated_at, id) order reads rows mostly
# in heap order and stops after a page; the character index's bitmap reads every matching row's
# heap block, in no useful order, and sorts them. Measured at 1M households (bench/BULK.md "Lists at
# 1M"): a walk ~2 µs a row, a bitmap ~18 µs a matching row.
_BITMAP_ROW_OVER_WALK_ROW = 9.0
_STATISTICS_MAX_AGE_S = 300.0


class SearchStatistics(NamedTuple):
    """What ANALYZE knows of the search characters: the share of households holding each of the
    commonest characters (the index expression's most common elements), an upper bound for any
    other, and the table's rows."""

    char_share: dict[str, float]
    other_char_share: float
    rows: float
    read_at: float


_statistics: SearchStatistics | None = None

_READ_STATISTICS = text("""
    SELECT c.reltuples, e.most_common_elems::text::text[] AS chars, e.most_common_elem_freqs AS char_freqs
    FROM pg_class c
    LEFT JOIN pg_stats e ON e.schemaname = 'monitoring' AND e.tablename = 'ix_households_search_chars'
    WHERE c.oid = 'monitoring.households'::regclass
""")


async def search_statistics(session: AsyncSession) -> SearchStatistics | None:
    """ANALYZE's figures, read at most every five minutes per process (they change only when the
    table is analysed); ``None`` before the first ANALYZE."""
    global _statistics
    now = time.monotonic()
    if _statistics is None or now - _statistics.read_at > _STATISTICS_MAX_AGE_S:
        row = (await session.execute(_READ_STATISTICS)).one_or_none()
        if row is None or not row.chars or row.reltuples <= 0:
            # Not analysed yet: asked again after the same while, not on every search.
            _statistics = SearchStatistics({}, 0.0, 0.0, now)
            return None
        # most_common_elem_freqs ends with the minimum and maximum frequency and the null share.
        freqs = list(row.char_freqs)
        _statistics = SearchStatistics(
            dict(zip(row.chars, freqs, strict=False)),
            freqs[-3] if len(freqs) >= 3 else 0.0,
            float(row.reltuples),
            now,
        )
    return _statistics if _statistics.rows > 0 else None


def search_by_index(statistics: SearchStatistics | None, q: str, *, other_filters: bool, limit: int) -> bool:
    """Whether a search for ``q`` should ask the character index, or walk the list order.

    A walk reads about ``(limit + 1) / share`` rows for a page (in a town official's territory the
    town's own index, as many), the index's bitmap ``share × rows`` heap rows (the whole district's
    matches: the territory is tested at the heap): the walk wins for a term many households hold
    (a common surname), the index for a rare one. PostgreSQL cannot make this choice itself here:
    the page is a prepared statement, and after five runs its generic plan estimates every term
    alike (0.5 % of rows), so a common surname was read through a bitmap of tens of thousands of
    rows. The share of a term is
    estimated from its characters' shares, as if independent; characters ANALYZE did not count as
    common are rarer than the least common it did. With other filters the planner keeps both ways
    (their own indexes may be better than either). Without statistics: the index (as before)."""
    if statistics is None or other_filters:
        return True
    share = 1.0
    for char in set(q):
        share *= statistics.char_share.get(char, statistics.other_char_share / 2)
    if share <= 0:
        return True
    return share * statistics.rows * _BITMAP_ROW_OVER_WALK_ROW < (limit + 1) / share


async def search_index_pays(session: AsyncSession, q: str, *, other_filters: bool, limit: int) -> bool:
    """:func:`search_by_index` for a list request, with the statistics of the moment."""
    return search_by_index(await search_statistics(session), q, other_filters=other_filters, limit=limit)


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


# The staging table ImportRecord's rows are COPY'd into (dropped with the transaction, and before
# each further chunk of the same import); ``known_*`` name the household an already registered
# head lives in.
_DROP_IMPORT_ROWS = "DROP TABLE IF EXISTS pg_temp.import_rows"
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
    """COPY the validated rows (a file's, or one chunk of it) in, insert those whose head is not
    registered yet, set-based.

    Returns each row's :class:`ImportOutcome` (re-importing a file changes nothing). The staging
    table stays until the transaction ends or the next chunk comes: the announcement joins it (a
    known head's row names a ``household_id`` that was never inserted, so it joins nothing).
    """
    await session.execute(text(_DROP_IMPORT_ROWS))
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
