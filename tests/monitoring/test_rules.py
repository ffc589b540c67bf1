"""Pure rules of the monitoring service, checked without the stack (no database, no HTTP)."""

from __future__ import annotations

import typing
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from fastapi.routing import APIRoute

from services.monitoring import access
from services.monitoring.alerts import endpoints as alerts
from services.monitoring.alerts.schemas import DepartmentRecord
from services.monitoring.alerts.service import identify
from services.monitoring.assistance import endpoints as assistance
from services.monitoring.assistance.schemas import MeasureIn
from services.monitoring.assistance.service import measure
from services.monitoring.dates import age_on, years_before
from services.monitoring.households import endpoints as households
from services.monitoring.households.id_numbers import InvalidIdNumber, check_char, mask, parse, vault_for
from services.monitoring.households.identity import CategoryUnfit, require_fit
from services.monitoring.households.repository import ImportOutcome
from services.monitoring.households.service import (
    IMPORT_HEADERS,
    RowRefused,
    ledger_cells,
    ledger_choice,
    ledger_record,
    ledger_report,
)
from services.monitoring.incomes import endpoints as incomes
from services.monitoring.incomes.service import per_capita
from services.monitoring.models import (
    AssistancePlan,
    EliminationStage,
    Household,
    HouseholdKind,
    HouseholdStatus,
    MeasureKind,
    Policy,
    RiskCause,
    Schooling,
    Subtype,
)
from services.monitoring.objections import endpoints as objections
from services.monitoring.reports import endpoints as reports
from services.monitoring.reports.repository import DATA_QUALITY_QUERIES
from services.monitoring.reports.schemas import GroupBy, ReportName
from services.monitoring.reports.service import (
    DATA_QUALITY_RULES,
    REPORTS,
    coverage,
    disposition,
    group_label,
)
from services.monitoring.workflow import endpoints as workflow
from services.monitoring.workflow.schemas import Action
from services.monitoring.workflow.service import (
    DISTRICT,
    STEPS,
    TOWN_UP,
    VILLAGE_UP,
    Place,
    back_to_rest,
    refusal,
)
from shared import clock
from shared.auth import Principal, Role
from shared.errors import Forbidden, ValidationFailed
from shared.id_number_match import DEV_ID_NUMBER_MATCH_KEY
from shared.tabular import RowProblem, RowResult
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU_VILLAGE

S = HouseholdStatus
E = EliminationStage
VAULT = vault_for("a test key that is long enough")


def valid_number(birth: date = date(1980, 5, 17), serial: str = "123") -> str:
    first17 = f"419001{birth:%Y%m%d}{serial}"
    return first17 + check_char(first17)


# --- ages -----------------------------------------------------------------------------------------


def test_age_counts_whole_years_until_the_birthday() -> None:
    assert age_on(date(1980, 5, 17), date(2025, 5, 16)) == 44
    assert age_on(date(1980, 5, 17), date(2025, 5, 17)) == 45


def test_years_before_29_february_falls_on_28_february() -> None:
    assert years_before(date(2024, 2, 29), 1) == date(2023, 2, 28)
    assert years_before(date(2025, 3, 1), 16) == date(2009, 3, 1)


# --- ID numbers -----------------------------------------------------------------------------------


def test_valid_id_number_gives_its_normalised_form_and_birth_date() -> None:
    first17 = "41900119800517123"
    number = first17 + check_char(first17)
    assert parse(f" {number.lower()} ") == (number.upper(), date(1980, 5, 17))


# A fixed day: parameters are built when the tests are collected, which may be the day before the
# test runs (a run crossing midnight).
CHECKED_ON = date(2025, 6, 30)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("41900119800517123", "18 位"),
        ("41900119800517ABCX", "数字"),
        ("419001198013321234", "出生日期"),
        (valid_number(CHECKED_ON + timedelta(days=1)), "出生日期"),
        (valid_number()[:17] + ("0" if valid_number()[17] != "0" else "1"), "校验位"),
    ],
    ids=["length", "letters", "month 13", "born tomorrow", "checksum"],
)
def test_invalid_id_number_says_why_in_chinese(raw: str, reason: str) -> None:
    with pytest.raises(InvalidIdNumber, match=reason):
        parse(raw, today=CHECKED_ON)


def test_masked_id_number_keeps_region_and_last_four() -> None:
    assert mask("41900119800517123X") == "419001********123X"


# --- incomes --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("net", "members", "per_head"),
    [("24700.50", 3, "8233.50"), ("26700.50", 3, "8900.17"), ("0.05", 2, "0.03")],
)
def test_per_capita_income_rounds_half_up_to_the_fen(net: str, members: int, per_head: str) -> None:
    assert per_capita(Decimal(net), members) == Decimal(per_head)


# --- ledger import --------------------------------------------------------------------------------


def ledger_row(**cells: str) -> dict[str, str]:
    """A valid ledger row by header (what the file reader yields), with ``cells`` by field replaced."""
    values = {
        "town_code": "419001100",
        "village_code": "419001100201",
        "head_name": "赵大山",
        "id_number": valid_number(),
        "address": "北大河村一组",
        "kind": "脱贫户",
        "member_count": "4",
        "health": "健康",
        "labour": "普通劳动力",
        "schooling": "",
        "medical_insured": "",
        **cells,
    }
    return {IMPORT_HEADERS[field]: value for field, value in values.items()}


def refusal_of(values: dict[str, str]) -> tuple[str, str]:
    with pytest.raises(RowRefused) as refused:
        ledger_record(2, ledger_cells(values), VAULT, DEV_ID_NUMBER_MATCH_KEY)
    return refused.value.field, refused.value.message


def test_ledger_row_without_a_required_cell_is_refused() -> None:
    with pytest.raises(RowRefused) as refused:
        ledger_cells(ledger_row(labour=" "))
    assert (refused.value.field, refused.value.message) == ("劳动能力", "必填")


@pytest.mark.parametrize("cell", ["脱贫户", "lifted_out", " 脱贫户 "])
def test_ledger_choice_reads_the_label_or_the_code(cell: str) -> None:
    assert ledger_choice({"kind": cell}, "kind", HouseholdKind, None) is HouseholdKind.LIFTED_OUT


def test_empty_optional_ledger_choice_takes_its_default() -> None:
    chosen = ledger_choice({"schooling": ""}, "schooling", Schooling, Schooling.NOT_APPLICABLE)
    assert chosen is Schooling.NOT_APPLICABLE


def test_unknown_ledger_choice_lists_the_labels() -> None:
    with pytest.raises(RowRefused) as refused:
        ledger_choice({"kind": "富裕户"}, "kind", HouseholdKind, None)
    assert refused.value.field == "户类型"
    assert refused.value.message == "应为：脱贫户、农村低收入人口、一般农户"


def test_monitored_is_a_status_not_an_identity_a_ledger_may_name() -> None:
    with pytest.raises(RowRefused) as refused:
        ledger_choice({"kind": "监测对象"}, "kind", HouseholdKind, None)
    assert refused.value.field == "户类型"


def test_ledger_record_keeps_the_id_number_protected() -> None:
    number = valid_number()
    record = ledger_record(
        7, ledger_cells(ledger_row(id_number=number, medical_insured="否")), VAULT, DEV_ID_NUMBER_MATCH_KEY
    )
    assert record.row_no == 7 and record.kind == "lifted_out" and record.member_count == 4
    assert (record.health, record.labour, record.schooling) == ("healthy", "ordinary", "not_applicable")
    assert record.id_hash == VAULT.digest(number) and VAULT.open(record.id_cipher) == number
    assert record.id_masked == mask(number) and number not in str(record._replace(id_cipher=b""))
    assert record.birth_date == date(1980, 5, 17) and record.medical_insured is False


@pytest.mark.parametrize(
    ("cells", "column", "reason"),
    [
        ({"head_name": "名" * 51}, "户主姓名", "过长"),
        ({"address": "址" * 201}, "户主姓名", "过长"),
        ({"id_number": "410881199013011234"}, "户主身份证号", "出生日期"),
        ({"health": "很好"}, "健康状况", "应为"),
        ({"member_count": "0"}, "家庭人口数", "1–50"),
        ({"member_count": "51"}, "家庭人口数", "1–50"),
        ({"member_count": "四"}, "家庭人口数", "1–50"),
        ({"medical_insured": "也许"}, "参加医保", "是 或 否"),
    ],
    ids=["name", "address", "id number", "health", "none", "too many", "not digits", "insured"],
)
def test_bad_ledger_cell_is_refused_naming_its_column(
    cells: dict[str, str], column: str, reason: str
) -> None:
    field, message = refusal_of(ledger_row(**cells))
    assert field == column and reason in message


def test_ledger_report_lists_every_row_in_file_order() -> None:
    refused = RowResult(row=3, status="refused", problems=[RowProblem(field="户类型", message="应为：…")])
    outcome = {
        2: ImportOutcome("accepted", "a", KEJING_VILLAGE),
        4: ImportOutcome("unchanged", "b", KEJING_VILLAGE),
    }
    report = ledger_report(outcome, {3: refused}, lambda _: True)
    assert [(r.row, r.status, r.id) for r in report.rows] == [
        (2, "accepted", "a"),
        (3, "refused", None),
        (4, "unchanged", "b"),
    ]
    assert (report.total, report.accepted, report.unchanged, report.refused) == (3, 1, 1, 1)


def test_a_known_head_outside_the_callers_territory_is_refused_without_its_household() -> None:
    town = Principal(subject="t", username="t", role=Role.TOWN_OFFICIAL, division_code=KEJING)
    outcome = {2: ImportOutcome("unchanged", "their-household", WANGWU_VILLAGE)}
    report = ledger_report(outcome, {}, town.covers)
    [row] = report.rows
    assert (row.status, row.id) == ("refused", None)
    assert [(p.field, p.message) for p in row.problems] == [("户主身份证号", "身份证号已登记")]
    assert WANGWU_VILLAGE not in report.model_dump_json()


# --- identity and monitoring category -------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "fits"),
    [
        (HouseholdKind.LIFTED_OUT, {Subtype.UNSTABLE}),
        (HouseholdKind.LOW_INCOME, {Subtype.MARGINAL, Subtype.SUDDEN_HARDSHIP}),
        (HouseholdKind.ORDINARY, {Subtype.MARGINAL, Subtype.SUDDEN_HARDSHIP}),
    ],
)
def test_the_category_fits_the_identity(kind: HouseholdKind, fits: set[Subtype]) -> None:
    for subtype in Subtype:
        if subtype in fits:
            require_fit(kind, subtype, "body.subtype")
        else:
            with pytest.raises(CategoryUnfit) as unfit:
                require_fit(kind, subtype, "body.subtype")
            assert unfit.value.status == 422 and unfit.value.code == "subtype_not_for_kind"
            assert unfit.value.field_problems and unfit.value.field_problems[0].field == "body.subtype"
    require_fit(kind, None, "body.kind")  # not monitored: nothing to fit


def test_an_unfit_category_is_named_in_chinese() -> None:
    unfit = CategoryUnfit("body.subtype", HouseholdKind.ORDINARY, Subtype.UNSTABLE)
    assert unfit.detail_zh == "「一般农户」只能纳入为边缘易致贫户、突发严重困难户，不能为「脱贫不稳定户」"


def test_being_monitored_is_no_identity() -> None:
    assert "monitored" not in {k.value for k in HouseholdKind}


# --- department batches ---------------------------------------------------------------------------


def record(record_id: str, id_number: str) -> DepartmentRecord:
    return DepartmentRecord(
        record_id=record_id, id_number=id_number, risk_cause=RiskCause.ILLNESS, reason="x"
    )


def test_batch_records_are_matched_by_hash_and_invalid_numbers_reported() -> None:
    number = valid_number()
    identified, unmatched = identify([record("a", number), record("b", "123")], VAULT)
    assert [(i.record.record_id, i.digest) for i in identified] == [("a", VAULT.digest(number))]
    assert [(u.record_id, u.reason) for u in unmatched] == [("b", "身份证号应为 18 位")]


def test_batch_record_id_repeated_is_refused() -> None:
    with pytest.raises(ValidationFailed) as refused:
        identify([record("a", valid_number()), record("a", valid_number())], VAULT)
    assert refused.value.field_problems is not None
    assert refused.value.field_problems[0].field == "body.records.1.record_id"


# --- workflow -------------------------------------------------------------------------------------


def test_the_step_endpoint_admits_exactly_the_roles_of_the_steps() -> None:
    step_roles = {role for step in STEPS.values() for role in step.roles}
    step_roles |= {role for step in STEPS.values() for roles in step.roles_from.values() for role in roles}
    assert step_roles == set(access.WRITERS)


@pytest.mark.parametrize(
    ("status", "roles"),
    [
        (S.VERIFYING, VILLAGE_UP),
        (S.PUBLIC_NOTICE, VILLAGE_UP),
        (S.TOWN_REVIEW, TOWN_UP),
        (S.DISTRICT_APPROVAL, DISTRICT),
    ],
)
def test_a_case_is_refused_by_the_level_holding_it(status: HouseholdStatus, roles: tuple[Role, ...]) -> None:
    assert STEPS[Action.REJECT].roles_for(Place(status)) == roles


def test_other_steps_have_one_set_of_roles() -> None:
    assert STEPS[Action.APPROVE].roles_for(Place(S.DISTRICT_APPROVAL)) == DISTRICT
    assert STEPS[Action.MARK_SAFETY_NET].roles_for(Place(S.INCLUDED)) == TOWN_UP
    # 风险消除 is approved by the district, as inclusion is (issue 11).
    assert STEPS[Action.ELIMINATE_RISK].roles_for(Place(S.INCLUDED, E.DISTRICT_APPROVAL)) == DISTRICT


def test_illegal_step_names_the_state_and_the_step_in_chinese() -> None:
    refused = refusal(Household(status=S.NOT_MONITORED), Action.APPROVE, "：原因")
    assert refused.detail_zh == "农户当前状态为「未纳入监测」，不能执行「区级审批纳入监测」：原因"
    assert refused.extra == {"current_status": "not_monitored"}


def case_household(included_on: date | None) -> Household:
    return Household(
        status=S.TOWN_REVIEW,
        subtype=Subtype.MARGINAL,
        risk_causes=[RiskCause.ILLNESS],
        case_started_on=date(2025, 3, 1),
        notice_posted_on=date(2025, 3, 5),
        included_on=included_on,
    )


def test_refused_first_case_leaves_the_household_unmonitored_and_clean() -> None:
    household = case_household(included_on=None)
    back_to_rest(household)
    assert household.status is S.NOT_MONITORED
    assert (household.subtype, household.risk_causes, household.case_started_on) == (None, [], None)
    assert household.notice_posted_on is None


def test_refused_case_of_a_formerly_included_household_returns_to_risk_eliminated() -> None:
    household = case_household(included_on=date(2023, 1, 1))
    back_to_rest(household)
    assert household.status is S.RISK_ELIMINATED and household.subtype is Subtype.MARGINAL


# --- assistance plans -----------------------------------------------------------------------------


def measure_in(**overrides: object) -> MeasureIn:
    today = clock.today()
    return MeasureIn.model_validate(
        {"description": "x", "owner": "y", "starts_on": today, "ends_on": today, **overrides}
    )


PLAN = AssistancePlan(id=uuid.uuid4(), household_id=uuid.uuid4())
DIBAO = Policy(id=uuid.uuid4(), code="dibao", measure_kind=MeasureKind.SAFETY_NET)


def test_measure_from_the_toolbox_takes_the_policys_kind() -> None:
    made = measure(PLAN, 0, measure_in(policy_code="dibao"), {"dibao": DIBAO})
    assert (made.kind, made.policy_id, made.household_id) == (
        MeasureKind.SAFETY_NET,
        DIBAO.id,
        PLAN.household_id,
    )


def test_measure_may_name_its_own_kind() -> None:
    made = measure(PLAN, 0, measure_in(policy_code="dibao", kind="developmental"), {"dibao": DIBAO})
    assert made.kind is MeasureKind.DEVELOPMENTAL


@pytest.mark.parametrize(
    ("overrides", "field"),
    [({"policy_code": "nope"}, "body.measures.2.policy_code"), ({}, "body.measures.2.kind")],
    ids=["unknown policy", "no kind"],
)
def test_measure_without_a_kind_is_refused(overrides: dict[str, str], field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        measure(PLAN, 2, measure_in(**overrides), {"dibao": DIBAO})
    assert refused.value.field_problems is not None and refused.value.field_problems[0].field == field


# --- reports --------------------------------------------------------------------------------------


def test_every_report_has_a_definition() -> None:
    assert set(REPORTS) == set(ReportName)


def test_every_data_quality_rule_has_its_wording_and_its_query() -> None:
    assert set(DATA_QUALITY_RULES) == set(DATA_QUALITY_QUERIES) == {1, 2, 3, 4, 5, 6}


@pytest.mark.parametrize(
    ("group", "value", "label"),
    [
        (GroupBy.STATUS, "included", "已纳入监测（帮扶中）"),
        (GroupBy.RISK_CAUSE, "illness", "因病"),
        (GroupBy.SUBTYPE, None, "（未填）"),
        (GroupBy.KIND, "ordinary", "一般农户"),
    ],
)
def test_households_report_groups_are_labelled(group: GroupBy, value: str | None, label: str) -> None:
    assert group_label(group, value) == label


@pytest.mark.parametrize(
    ("route", "done", "text"),
    [
        ("eliminate", True, "风险消除（已完成）"),
        ("safety_net", False, "兜底保障（未完成）"),
        ("refine_plan", True, "完善帮扶计划（已完成）"),
        (None, False, "待处置"),
    ],
)
def test_long_running_case_disposition(route: str | None, done: bool, text: str) -> None:
    assert disposition(route, done) == text


def test_helper_coverage_is_a_percentage_with_one_decimal() -> None:
    assert (coverage(1, 2), coverage(2, 3), coverage(3, 3)) == ("50.0%", "66.7%", "100.0%")


# --- who may call what ----------------------------------------------------------------------------

CALLER_ALIASES = [
    access.ReaderCtx,
    access.WriterCtx,
    access.FieldWorkerCtx,
    access.VisitReaderCtx,
    access.ReportReaderCtx,
    access.ScreenerCtx,
    access.DistrictWriterCtx,
    access.DepartmentSystemCtx,
    access.DeliveryCtx,
    access.CivilAffairsSystemCtx,
]
ROUTES = [
    route
    for module in (households, incomes, alerts, workflow, assistance, reports, objections)
    for route in module.router.routes
    if isinstance(route, APIRoute)
]


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{sorted(r.methods)[0]} {r.path}")
def test_every_endpoint_declares_its_callers_in_the_signature(route: APIRoute) -> None:
    hints = typing.get_type_hints(route.endpoint, include_extras=True)
    assert [name for name, hint in hints.items() if hint in CALLER_ALIASES] == ["ctx"]


def test_a_department_system_needs_its_department() -> None:
    system = Principal(subject="s", username="s", role=Role.INTEGRATOR, department="人社局")
    assert access.sending_department(system) == "人社局"
    with pytest.raises(Forbidden):
        access.sending_department(Principal(subject="s", username="s", role=Role.INTEGRATOR))
