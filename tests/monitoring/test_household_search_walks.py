"""Every list filter with a term of ``household_search_terms`` walks it (issue 16, migration
5c0d18s0e0m1): a ``q`` of any length (its rarest term walked, the others probed, the substring
tested on the household), ``n组``, a risk cause, a monitored status, a category — with the status,
kind and category tested in the index. Whatever term is walked, the rows must be exactly those
of the plain query (the filters as columns, ``q`` as the substring of head name or address), page
by page, for every scope."""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

from sqlalchemy import Select, text

from services.monitoring.households import repository
from services.monitoring.models import Household, HouseholdKind, HouseholdStatus, RiskCause, Subtype
from shared.auth import Principal
from tests.conftest import Stack
from tests.monitoring.test_household_search_plans import (
    OTHER_TOWN,
    OTHER_VILLAGE,
    PRINCIPALS,
    TOWN,
    VILLAGE,
    every_page,
    seeded,
)

__all__ = ["seeded"]  # the fixture

# Three or more characters (full names, village names, an address's group with its village),
# n组 and its digits, terms the table leaves out, and text that is no household's.
TERMS = [
    "王国强", "申华英", "李秀明", "何建国", "王申国",  # full names: common, rare, none
    "北大河村", "北大河", "王庄村", "南岭村1", "河村3组",  # village names, with the group
    "3组", "12组", "2组", "组", "村3", "组4",  # the group: kept, through a term, left out
    "王", "国王",  # one and two characters, with other filters below
    "赵钱孙", "%_",  # none; LIKE's wildcards as text
]  # fmt: skip

# Every filter alone and paired with the ones that have terms of their own (status, category,
# cause), the territory's and the others tested in the index.
FILTERS: list[dict[str, Any]] = [
    {},
    {"status": HouseholdStatus.INCLUDED},
    {"status": HouseholdStatus.NOT_MONITORED},
    {"kind": HouseholdKind.LIFTED_OUT},
    {"subtype": Subtype.MARGINAL},
    {"risk_cause": RiskCause.HOUSING},
    {"status": HouseholdStatus.INCLUDED, "kind": HouseholdKind.ORDINARY, "risk_cause": RiskCause.ILLNESS},
    {"town_code": TOWN, "status": HouseholdStatus.INCLUDED},
    {"town_code": OTHER_TOWN},
    {"village_code": VILLAGE, "kind": HouseholdKind.LOW_INCOME},
    {"village_code": OTHER_VILLAGE},
    {"include_cancelled": True, "subtype": Subtype.MARGINAL},
    {"updated_since": datetime.fromisoformat("2025-01-01T12:00:00+00:00")},
    {"helper_user_id": "helper-1"},
]

# Estimates that make each term the rarest in turn: the walked term must not change the rows.
CHOICES: dict[str, repository.TermStatistics | None] = {
    "no statistics": None,
    "the first two-character term rarest": repository.TermStatistics(
        {repository.search_terms(t)[0]: 1e-6 for t in TERMS if len(t) > 2 and repository.search_terms(t)},
        1.0,
        0.0,
    ),
    "marks rarest": repository.TermStatistics(
        {"王国": 0.5, "国强": 0.6, "北大": 0.5, "大河": 0.4, "河村": 0.7, "3组": 0.9, "2组": 0.9},
        0.01,
        0.0,
    ),
}


def plain(principal: Principal, q: str | None, **filters: Any) -> Select[Household]:
    """The list query without any term: each filter its column, ``q`` the substring."""
    query = repository.scoped(principal)
    if not filters.get("include_cancelled"):
        query = query.where(Household.cancelled_on.is_(None))
    for column in ("town_code", "village_code", "kind", "subtype", "status", "helper_user_id"):
        if filters.get(column):
            query = query.where(getattr(Household, column) == filters[column])
    if filters.get("risk_cause"):
        query = query.where(Household.risk_causes.contains([filters["risk_cause"]]))
    if q is not None:
        query = query.where(
            Household.head_name.contains(q, autoescape=True) | Household.address.contains(q, autoescape=True)
        )
    if filters.get("updated_since"):
        query = query.where(Household.updated_at > filters["updated_since"])
    return query


async def compare(
    session: Any, principal: Principal, q: str | None, filters: dict[str, Any], choice: Any
) -> tuple[list[list[str]], bool]:
    """The plain query's pages and whether the list's own, page by page (limit 37), equal them
    (asserted); answers the pages and whether the list walked the side table."""
    base = {"town_code": None, "village_code": None, "kind": None, "updated_since": None}
    before = await every_page(session, plain(principal, q, **filters), 37)

    def now(cursor: str | None) -> Select[Household]:
        return repository.filtered(
            principal, **{**base, **filters}, q=q, term_statistics=choice, cursor=cursor, limit=37
        )

    after = await every_page(session, now, 37)
    assert after == before, (q, principal.role, filters, choice)
    return before, "household_search_terms" in str(now(None).compile())


async def test_every_search_and_filter_gives_the_plain_querys_rows_whatever_term_is_walked(
    seeded: Stack,
) -> None:
    compared = nonempty = walked = 0
    async with seeded.db("monitoring").reads() as session:
        choices = itertools.cycle(CHOICES.values())
        for q, principal, filters in itertools.product(TERMS, PRINCIPALS.values(), FILTERS):
            # Each case with one of the estimates in turn (all of them for all: ~25 min at load 20).
            pages, walks = await compare(session, principal, q, filters, next(choices))
            compared += 1
            nonempty += bool(pages[0])
            walked += walks
    assert compared == len(TERMS) * len(PRINCIPALS) * len(FILTERS)
    assert nonempty > compared // 4
    # All but the left-out terms (组, 村3, 组4, 45号), a helper's and a helper filter's.
    assert walked > compared // 2


async def test_filters_with_a_term_of_their_own_walk_it_without_a_search(seeded: Stack) -> None:
    cases = [
        {"status": status} for status in HouseholdStatus
    ] + [{"subtype": subtype} for subtype in Subtype] + [
        {"status": HouseholdStatus.INCLUDED, "subtype": Subtype.MARGINAL, "risk_cause": RiskCause.ILLNESS},
        {"kind": HouseholdKind.LIFTED_OUT, "status": HouseholdStatus.INCLUDED},
        {"town_code": TOWN, "subtype": Subtype.MARGINAL},
    ]  # fmt: skip
    walked = 0
    async with seeded.db("monitoring").reads() as session:
        for filters, principal, choice in itertools.product(cases, PRINCIPALS.values(), CHOICES.values()):
            walked += (await compare(session, principal, None, filters, choice))[1]
    # not_monitored (its own index) and a helper's are not walked.
    assert walked >= (len(cases) - 1) * 3 * len(CHOICES)


async def test_the_walked_term_is_the_rarest_by_analyzes_counts(seeded: Stack) -> None:
    async with seeded.db("monitoring").engine.begin() as conn:
        await conn.execute(text("ANALYZE monitoring.household_search_terms"))
    async with seeded.db("monitoring").reads() as session:
        repository._term_statistics = None  # read afresh after this ANALYZE
        statistics = await repository.term_statistics(session)
    assert statistics is not None
    # 王 is a third of the seed's names, 申 a seventh; 王国 (name start) is rarer than 王 alone.
    assert statistics.share("王") > statistics.share("申") > 0
    admin = PRINCIPALS["admin"]
    plan = repository.walk_plan(admin, "王申国", None, None, None, None, statistics)
    rarest, other = sorted(["王申", "申国"], key=statistics.share)
    assert plan == repository.TermWalk(rarest, (other,), "王申国")
    # A cause rarer than the search's term: the cause walked, the search's term probed.
    plan = repository.walk_plan(admin, "王", None, None, RiskCause.HOUSING, None, statistics)
    assert plan == repository.TermWalk("#housing", ("王",), None)
    # A status is only walked when rarest; otherwise tested in the index.
    plan = repository.walk_plan(admin, "申国", None, HouseholdStatus.INCLUDED, None, None, statistics)
    assert plan is not None and plan.probed == () and plan.holds is None
    assert repository.needs_term_statistics("王申国", None, None, None)
    assert not repository.needs_term_statistics("王申", None, None, None)
    assert repository.needs_term_statistics("王", None, HouseholdStatus.INCLUDED, None)


def test_the_terms_of_a_search() -> None:
    assert repository.search_terms("王") == ["王"]
    assert repository.search_terms("王国强") == ["王国", "国强"]
    assert repository.search_terms("北大河村") == ["北大", "大河", "河村"]
    # An address's group: its digit and 组; 村 with a digit, digits, 组, 号 alone are left out.
    assert repository.search_terms("3组") == ["3组"]
    assert repository.search_terms("12组") == ["2组"]
    assert repository.search_terms("村3组") == ["3组"]
    assert repository.search_terms("河村3") == ["河村"]
    assert repository.search_terms("组45号") == []
    assert repository.search_terms("村3") == []
    assert repository.search_terms("王王王") == ["王王"]
