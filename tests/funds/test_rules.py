"""Funds rules as plain code, without I/O: settings, who may do what, month arithmetic, shares,
checkpoints, overdue ratios, who may borrow and how much, coverage, and the labels people read."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from services.funds.access import DISTRICT, IMPLEMENTERS, LOAN_READERS, READERS, WRITERS, location
from services.funds.checkpoints.service import checkpoint
from services.funds.ledger.service import industry_share
from services.funds.microcredit.borrowers import NotEligible, disagreement, kinds_of
from services.funds.microcredit.repository import CoverageCounts, OverdueCounts, ProjectedBorrower
from services.funds.microcredit.schemas import LoanCreate, LoanStatus
from services.funds.microcredit.service import (
    HouseholdCeilingExceeded,
    add_months,
    over_ceiling,
    total_of,
    town_overdue,
)
from services.funds.models import (
    AnnouncementKind,
    BorrowerKind,
    FundSource,
    Project,
    ProjectCategory,
    ProjectedHousehold,
    ProjectedMember,
    ProjectStatus,
)
from services.funds.projects.service import STEPS, needs_elevated_review, require_amender, step_roles
from services.funds.ratios import ratio
from services.funds.reports.service import ReportQuery, coverage_row
from services.funds.settings import FundsSettings, ShareEnforcement
from shared.auth import Principal, Role
from shared.errors import Forbidden, InvalidTransition, ValidationFailed

S = ProjectStatus
KEJING, KEJING_VILLAGE, WANGWU = "419001100", "419001100201", "419001109"


def principal(role: Role, division_code: str | None = None, department: str | None = None) -> Principal:
    return Principal(
        subject="u1", username="u1", role=role, division_code=division_code, department=department
    )


def project(**values: Any) -> Project:
    return Project(**{"town_code": KEJING, "village_code": KEJING_VILLAGE, **values})


def test_settings_defaults_follow_the_seed() -> None:
    settings = FundsSettings()
    assert settings.elevated_review_threshold == Decimal("10000000.00")
    assert settings.central_industry_share_min == Decimal("0.70")
    assert settings.industry_share_enforcement is ShareEnforcement.REFUSE
    assert sorted(settings.checkpoint_targets) == [7, 10, 12]


@pytest.mark.parametrize(
    "overrides",
    [
        {"checkpoint_targets": {13: "1"}},
        {"checkpoint_targets": {7: "1.5"}},
        {"checkpoint_targets": {}},
        {"public_rate_limit": "lots"},
        {"central_industry_share_min": "1.2"},
    ],
)
def test_settings_refuse_nonsense(overrides: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        FundsSettings(**overrides)  # type: ignore[arg-type]


def test_helpers_have_no_access_at_all() -> None:
    assert Role.HELPER not in READERS and Role.HELPER not in LOAN_READERS


def test_auditors_and_integrators_read_the_library_but_write_nothing() -> None:
    for role in (Role.AUDITOR, Role.INTEGRATOR):
        assert role in READERS and role not in WRITERS and role not in IMPLEMENTERS


def test_loans_are_read_by_officials_village_cadres_and_auditors_only() -> None:
    assert set(LOAN_READERS) == {Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE, Role.AUDITOR}


def test_the_steps_endpoint_admits_exactly_those_who_may_take_some_step() -> None:
    # The endpoint declares the union of the step table's roles; no more, no fewer.
    assert set().union(*STEPS.values()) == set(WRITERS)


def test_only_the_district_decides_entry_plan_and_approval() -> None:
    for to in (S.IN_LIBRARY, S.REJECTED):
        assert step_roles(S.IN_REVIEW, to) == DISTRICT
    assert step_roles(S.IN_LIBRARY, S.PLANNED) == DISTRICT
    assert step_roles(S.PLANNED, S.APPROVED) == DISTRICT


def test_district_and_town_start_and_complete_projects() -> None:
    assert step_roles(S.APPROVED, S.IN_PROGRESS) == IMPLEMENTERS
    assert step_roles(S.IN_PROGRESS, S.COMPLETED) == IMPLEMENTERS


@pytest.mark.parametrize(
    ("current", "to"),
    [
        (S.PROPOSED, S.APPROVED),
        (S.PROPOSED, S.IN_LIBRARY),
        (S.COMPLETED, S.ACCEPTED),  # acceptance has its own endpoint
        (S.ACCEPTED, S.HANDED_OVER),  # hand-over is the system's
        (S.REJECTED, S.IN_LIBRARY),
        (S.PROPOSED, S.PROPOSED),
    ],
)
def test_steps_outside_the_table_are_invalid_transitions(current: ProjectStatus, to: ProjectStatus) -> None:
    with pytest.raises(InvalidTransition):
        step_roles(current, to)


def test_a_project_is_written_in_its_village_or_for_a_town_wide_one_its_town() -> None:
    assert location(project()) == KEJING_VILLAGE
    assert location(project(village_code=None)) == KEJING


def test_a_department_amends_only_what_it_proposed() -> None:
    hrss = principal(Role.DEPARTMENT_OFFICER, department="人社局")
    require_amender(hrss, project(proposing_department="人社局"))
    for other in (project(proposing_department="农业农村局"), project()):
        with pytest.raises(Forbidden):
            require_amender(hrss, other)


def test_a_village_cadre_cannot_amend_its_towns_town_wide_projects() -> None:
    cadre = principal(Role.VILLAGE_CADRE, division_code=KEJING_VILLAGE)
    require_amender(cadre, project())
    with pytest.raises(Forbidden):
        require_amender(cadre, project(village_code=None))


def test_a_town_official_amends_inside_its_town_only() -> None:
    official = principal(Role.TOWN_OFFICIAL, division_code=KEJING)
    require_amender(official, project(village_code=None))
    with pytest.raises(Forbidden):
        require_amender(official, project(town_code=WANGWU, village_code=None))


def test_loan_due_dates_keep_to_the_month_end() -> None:
    assert add_months(date(2023, 1, 10), 36) == date(2026, 1, 10)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)


def test_elevated_review_threshold_is_inclusive() -> None:
    threshold = Decimal("10000000.00")
    assert needs_elevated_review(Decimal("10000000.00"), threshold)
    assert not needs_elevated_review(Decimal("9999999.99"), threshold)


def test_a_ratio_has_four_places_rounded_half_up() -> None:
    assert ratio(Decimal("1"), Decimal("3")) == Decimal("0.3333")
    assert ratio(Decimal("2"), Decimal("3")) == Decimal("0.6667")
    assert ratio(Decimal("0.00005"), Decimal("1")) == Decimal("0.0001")


def test_a_ratio_of_nothing_is_none_not_zero() -> None:
    assert ratio(Decimal("0"), Decimal("0")) is None


def test_industry_share_caps_non_industry_at_the_complement() -> None:
    share = industry_share(
        2025, (Decimal("1000000.00"), Decimal("700000.00"), Decimal("300000.00")), Decimal("0.70")
    )
    assert share.non_industry_limit == Decimal("300000.00") and not share.at_risk
    assert share.industry_share_of_allocated == Decimal("0.7000") and share.non_industry_headroom == 0


def test_industry_share_at_risk_one_cent_over_the_cap() -> None:
    over = industry_share(2025, (Decimal("1000000.00"), Decimal(0), Decimal("300000.01")), Decimal("0.70"))
    assert over.at_risk and over.industry_share_of_allocated == Decimal("0.0000")


def test_industry_share_of_nothing_allocated_is_none() -> None:
    empty = industry_share(2025, (Decimal(0), Decimal(0), Decimal(0)), Decimal("0.70"))
    assert empty.industry_share_of_allocated is None and not empty.at_risk


def test_a_checkpoint_is_the_last_day_of_its_month_with_its_target() -> None:
    targets = FundsSettings().checkpoint_targets
    assert checkpoint(targets, 2025, 7) == (date(2025, 7, 31), Decimal("0.50"))
    assert checkpoint(targets, 2025, 10) == (date(2025, 10, 31), Decimal("0.80"))
    assert checkpoint({2: Decimal("0.1")}, 2024, 2) == (date(2024, 2, 29), Decimal("0.1"))


def test_a_month_without_a_target_is_no_checkpoint() -> None:
    with pytest.raises(ValidationFailed) as refused:
        checkpoint(FundsSettings().checkpoint_targets, 2025, 8)
    assert [p.field for p in refused.value.field_problems or []] == ["month"]


def overdue(outstanding: str, overdue_balance: str, town: str = KEJING) -> OverdueCounts:
    return OverdueCounts(town, 2, Decimal(outstanding), 1, Decimal(overdue_balance))


def test_overdue_ratio_is_flagged_only_above_the_bound() -> None:
    bound = Decimal("0.02")
    assert not town_overdue(overdue("100.00", "2.00"), "克井镇", bound).over_bound
    flagged = town_overdue(overdue("100.00", "2.01"), "克井镇", bound)
    assert flagged.over_bound and flagged.overdue_ratio == Decimal("0.0201")


def test_overdue_ratio_without_outstanding_loans_is_none() -> None:
    town = town_overdue(overdue("0.00", "0.00"), None, Decimal("0.02"))
    assert town.overdue_ratio is None and not town.over_bound


def test_overdue_total_adds_up_the_towns() -> None:
    total = total_of([overdue("70000.00", "30000.00"), overdue("30000.00", "0.00", WANGWU)])
    assert total == OverdueCounts("", 4, Decimal("100000.00"), 2, Decimal("30000.00"))


def test_a_report_asks_for_the_year_then_the_month_it_needs() -> None:
    for query, field in ((ReportQuery(), "year"), (ReportQuery(year=2025), "month")):
        with pytest.raises(ValidationFailed) as refused:
            query.needed_year()
            query.needed_month()
        assert [p.field for p in refused.value.field_problems or []] == [field]


def test_labels_are_the_ones_the_api_has_always_given() -> None:
    # Integrators read these *_label fields: the labels must not drift.
    assert FundSource.CENTRAL_LOTTERY.label == "中央专项彩票公益金（支持革命老区）"
    assert ProjectStatus.APPROVED.label == "已批复并安排资金"
    assert ProjectCategory.INFRASTRUCTURE.label == "小型公益性基础设施"
    assert AnnouncementKind.RESULT.label == "项目结果公告"
    assert [s.label for s in LoanStatus] == ["正常", "逾期", "已结清"]


def test_a_status_reads_back_from_its_label() -> None:
    assert ProjectStatus.parse("已验收") is ProjectStatus.ACCEPTED
    assert FundSource.parse("central") is FundSource.CENTRAL
    assert ProjectStatus.parse("验收") is None


# -- micro-credit borrowers, against monitoring's households and members -----------------------------

HOUSEHOLD_ID, MEMBER_ID = uuid.uuid4(), uuid.uuid4()


def household(**values: Any) -> ProjectedHousehold:
    defaults = {
        "id": HOUSEHOLD_ID,
        "village_code": KEJING_VILLAGE,
        "lifted_out": True,
        "status": "not_monitored",
    }
    return ProjectedHousehold(**{**defaults, **values})


def borrower(**values: Any) -> ProjectedBorrower:
    member = ProjectedMember(**{"id": MEMBER_ID, "household_id": HOUSEHOLD_ID, "active": True, **values})
    return ProjectedBorrower(member, KEJING_VILLAGE)


def loan_of(**values: Any) -> LoanCreate:
    body = {
        "household_id": HOUSEHOLD_ID,
        "member_id": MEMBER_ID,
        "borrower_kind": "lifted_out",
        "village_code": KEJING_VILLAGE,
        "lender": "济源农商银行",
        "amount": "10000.00",
        "term_months": 12,
        "issued_on": "2025-01-10",
    }
    return LoanCreate.model_validate({**body, **values})


@pytest.mark.parametrize(
    ("values", "kinds"),
    [
        ({"lifted_out": True, "status": "not_monitored"}, {BorrowerKind.LIFTED_OUT}),
        ({"lifted_out": True, "status": "included"}, {BorrowerKind.LIFTED_OUT, BorrowerKind.MONITORED}),
        ({"lifted_out": True, "status": "risk_eliminated"}, {BorrowerKind.LIFTED_OUT}),
        ({"lifted_out": False, "status": "included"}, {BorrowerKind.MONITORED}),
        ({"lifted_out": False, "status": "public_notice"}, set()),
        ({"lifted_out": False, "status": "safety_net"}, set()),
    ],
)
def test_a_household_borrows_if_lifted_out_or_while_monitored(
    values: dict[str, Any], kinds: set[BorrowerKind]
) -> None:
    assert kinds_of(household(**values)) == kinds


def test_a_loan_agreeing_with_its_household_and_member_passes() -> None:
    assert disagreement(household(), borrower(), loan_of()) is None


@pytest.mark.parametrize(
    ("member", "body", "field"),
    [
        ({"household_id": uuid.uuid4()}, {}, "member_id"),
        ({"active": False}, {}, "member_id"),
        ({}, {"village_code": "419001100202"}, "village_code"),
        ({}, {"borrower_kind": "monitored"}, "borrower_kind"),
    ],
)
def test_a_loan_disagreeing_with_its_household_names_the_field(
    member: dict[str, Any], body: dict[str, Any], field: str
) -> None:
    problem = disagreement(household(), borrower(**member), loan_of(**body))
    assert isinstance(problem, ValidationFailed)
    assert [p.field for p in problem.field_problems or []] == [field]


def test_a_household_that_may_not_borrow_is_not_eligible_whatever_the_kind() -> None:
    for kind in ("lifted_out", "monitored"):
        problem = disagreement(household(lifted_out=False), borrower(), loan_of(borrower_kind=kind))
        assert isinstance(problem, NotEligible) and problem.code == "not_eligible"


def test_the_ceiling_holds_for_what_the_household_owes_with_the_new_loan() -> None:
    ceiling = Decimal("50000.00")
    assert over_ceiling(Decimal("30000.00"), Decimal("20000.00"), ceiling) is None
    refused = over_ceiling(Decimal("30000.00"), Decimal("20000.01"), ceiling)
    assert isinstance(refused, HouseholdCeilingExceeded) and refused.status == 409


def test_coverage_is_the_share_of_eligible_households_borrowing() -> None:
    assert coverage_row(CoverageCounts(KEJING, 3, 1), "克井镇")["coverage"] == Decimal("0.3333")
    assert coverage_row(CoverageCounts(KEJING, 0, 0), "克井镇")["coverage"] is None
