"""Funds rules exactly on their lines: each threshold with the value on it and one fen (or one month,
one day) either side, so that a < written for a <= — or the reverse — fails a test. Pure functions
only (no stack): these are also what `make mutate TARGET=funds` runs against every mutant."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from services.funds.checkpoints.service import _progress
from services.funds.ledger.service import industry_share
from services.funds.microcredit.borrowers import kinds_of
from services.funds.microcredit.repository import OverdueCounts
from services.funds.microcredit.schemas import LoanCreate
from services.funds.microcredit.service import (
    HouseholdCeilingExceeded,
    add_months,
    check_terms,
    over_ceiling,
    town_overdue,
)
from services.funds.models import BorrowerKind, Project
from services.funds.projects.service import needs_elevated_review, require_amender
from services.funds.settings import FundsSettings
from shared import clock
from shared.auth import Principal, Role
from shared.errors import Forbidden, ValidationFailed
from tests.funds.test_rules import KEJING, disagreement, household, loan_of
from tests.funds.test_rules import borrower as member_of

FEN = Decimal("0.01")
SETTINGS = FundsSettings()


def fen_either_side(line: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    return line - FEN, line, line + FEN


# -- 中央衔接资金用于产业不低于 70%: non-industry ≤ 30 % of the year's central amount ---------------------


@pytest.mark.parametrize(
    ("other", "at_risk", "headroom"),
    [("299999.99", False, "0.01"), ("300000.00", False, "0.00"), ("300000.01", True, "0.00")],
)
def test_industry_share_on_the_cap_and_one_fen_either_side(other: str, at_risk: bool, headroom: str) -> None:
    share = industry_share(
        2025, (Decimal("1000000.00"), Decimal("100000.00"), Decimal(other)), Decimal("0.70")
    )
    assert share.non_industry_limit == Decimal("300000.00")
    assert share.at_risk is at_risk
    assert share.non_industry_headroom == Decimal(headroom)


def test_industry_share_cap_is_rounded_to_the_fen_half_up() -> None:
    # 30 % of 0.05 is 0.015: half up to 0.02 (half-even would give 0.02 too; 0.035 tells them apart).
    assert industry_share(2025, (Decimal("0.05"), 0, 0), Decimal("0.70")).non_industry_limit == Decimal(
        "0.02"
    )
    assert industry_share(2025, (Decimal("0.15"), 0, 0), Decimal("0.70")).non_industry_limit == Decimal(
        "0.05"
    )
    figures = industry_share(2025, (Decimal("0.05"), Decimal("0.30"), Decimal("0.10")), Decimal("0.70"))
    assert figures.industry_share_of_allocated == Decimal("0.7500")
    assert (figures.central_amount, figures.industry_allocated) == (Decimal("0.05"), Decimal("0.30"))


# -- 1000 万 elevated review ------------------------------------------------------------------------


def test_elevated_review_from_the_threshold_on() -> None:
    below, on, above = fen_either_side(SETTINGS.elevated_review_threshold)
    assert [needs_elevated_review(v, SETTINGS.elevated_review_threshold) for v in (below, on, above)] == [
        False,
        True,
        True,
    ]


# -- checkpoints: behind = below the month's target --------------------------------------------------


@pytest.mark.parametrize(("paid", "behind"), [("4999.99", True), ("5000.00", False), ("5000.01", False)])
def test_a_project_on_its_checkpoint_target_is_not_behind(paid: str, behind: bool) -> None:
    progress = _progress(Decimal("10000.00"), Decimal(paid), Decimal("0.50"))
    assert progress["behind"] is behind
    assert progress["allocated"] == Decimal("10000.00") and progress["paid"] == Decimal(paid)


def test_a_funds_progress_is_over_its_amount_not_what_it_allocated() -> None:
    progress = _progress(Decimal("10000.00"), Decimal("5000.00"), Decimal("0.50"), of=Decimal("20000.00"))
    assert progress["progress"] == Decimal("0.2500") and progress["behind"] is True


def test_nothing_allocated_is_not_behind() -> None:
    assert _progress(Decimal(0), Decimal(0), Decimal("0.50")) == {
        "allocated": Decimal(0),
        "paid": Decimal(0),
        "progress": None,
        "behind": False,
    }


# -- micro-credit: 5 万 per loan and per household, 36 months, not issued in the future -----------------


def loan(**values: Any) -> LoanCreate:
    return loan_of(**values)


@pytest.mark.parametrize("amount", ["49999.99", "50000.00"])
def test_a_loan_up_to_the_limit_passes(amount: str) -> None:
    check_terms(loan(amount=amount), SETTINGS)


def test_a_loan_one_fen_over_the_limit_is_refused_naming_the_amount() -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_terms(loan(amount="50000.01"), SETTINGS)
    assert [p.field for p in refused.value.field_problems or []] == ["amount"]


@pytest.mark.parametrize("term", [35, 36])
def test_a_term_up_to_36_months_passes(term: int) -> None:
    check_terms(loan(term_months=term), SETTINGS)


def test_a_term_of_37_months_is_refused_naming_the_term() -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_terms(loan(term_months=37), SETTINGS)
    assert [p.field for p in refused.value.field_problems or []] == ["term_months"]


def test_a_loan_issued_today_passes_and_tomorrow_is_refused() -> None:
    check_terms(loan(issued_on=clock.today().isoformat()), SETTINGS)
    check_terms(loan(issued_on=(clock.today() - timedelta(days=1)).isoformat()), SETTINGS)
    with pytest.raises(ValidationFailed) as refused:
        check_terms(loan(issued_on=(clock.today() + timedelta(days=1)).isoformat()), SETTINGS)
    assert [p.field for p in refused.value.field_problems or []] == ["issued_on"]


@pytest.mark.parametrize(("owed", "refused"), [("29999.99", False), ("30000.00", False), ("30000.01", True)])
def test_the_household_ceiling_on_the_line_and_one_fen_either_side(owed: str, refused: bool) -> None:
    problem = over_ceiling(Decimal(owed), Decimal("20000.00"), SETTINGS.microcredit_max_amount)
    assert isinstance(problem, HouseholdCeilingExceeded) is refused


@pytest.mark.parametrize("village", ["419001100200", "419001100202"])
def test_a_loan_in_any_other_village_than_the_households_is_refused(village: str) -> None:
    # A village code either side of the household's: the check is "not the same", not an order.
    problem = disagreement(household(), member_of(), loan(village_code=village))
    assert isinstance(problem, ValidationFailed)
    assert [p.field for p in problem.field_problems or []] == ["village_code"]


def test_the_default_limits_are_the_documented_ones() -> None:
    assert SETTINGS.microcredit_max_amount == Decimal("50000.00")
    assert SETTINGS.microcredit_max_term_months == 36
    assert SETTINGS.microcredit_overdue_ratio_max == Decimal("0.02")
    assert {m: str(t) for m, t in SETTINGS.checkpoint_targets.items()} == {7: "0.50", 10: "0.80", 12: "1.00"}
    assert SETTINGS.public_rate_limit == "60/minute"


@pytest.mark.parametrize("status", ["district_approval", "town_review", "verifying", "not_monitored"])
def test_only_a_household_monitored_now_borrows_as_monitored(status: str) -> None:
    # Statuses on either side of "included" in any ordering: only the status itself counts.
    assert kinds_of(household(lifted_out=False, status=status)) == set()
    assert kinds_of(household(lifted_out=False, status="included")) == {BorrowerKind.MONITORED}


@pytest.mark.parametrize("other", [uuid.UUID(int=0), uuid.UUID(int=2**128 - 1)])
def test_a_member_of_any_other_household_is_refused(other: uuid.UUID) -> None:
    # Ids either side of the household's: the check is "not the same household", not an order.
    problem = disagreement(household(), member_of(household_id=other), loan())
    assert isinstance(problem, ValidationFailed)
    assert [p.field for p in problem.field_problems or []] == ["member_id"]


@pytest.mark.parametrize(
    ("issued", "months", "due"),
    [
        (date(2025, 1, 31), 11, date(2025, 12, 31)),  # the last month of the same year
        (date(2025, 1, 31), 12, date(2026, 1, 31)),  # the first of the next
        (date(2024, 12, 1), 0, date(2024, 12, 1)),
        (date(2025, 3, 31), 23, date(2027, 2, 28)),
    ],
)
def test_a_due_date_crosses_the_year_exactly_after_twelve_months(
    issued: date, months: int, due: date
) -> None:
    assert add_months(issued, months) == due


@pytest.mark.parametrize(("overdue", "flagged"), [("1.99", False), ("2.00", False), ("2.01", True)])
def test_the_overdue_ratio_on_its_bound_and_a_fen_either_side(overdue: str, flagged: bool) -> None:
    counts = OverdueCounts(KEJING, 2, Decimal("100.00"), 1, Decimal(overdue))
    assert town_overdue(counts, "克井镇", SETTINGS.microcredit_overdue_ratio_max).over_bound is flagged


@pytest.mark.parametrize("department", ["交通运输局", "农业农村局"])
def test_a_department_may_not_amend_another_departments_proposal(department: str) -> None:
    # Department names either side of the officer's: the check is "not the same department".
    officer = Principal(
        subject="u1", username="u1", role=Role.DEPARTMENT_OFFICER, division_code=None, department="人社局"
    )
    with pytest.raises(Forbidden):
        require_amender(
            officer, Project(town_code=KEJING, village_code=None, proposing_department=department)
        )
