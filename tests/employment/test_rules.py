"""The employment service's pure rules, without the stack: no database, no HTTP, no events."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from services.employment.access import hr_systems_only
from services.employment.floor.repository import Count
from services.employment.floor.service import (
    changes_of_state,
    month_range,
    series_points,
    state_for,
    tally,
    town_in_view,
)
from services.employment.households.repository import MemberClaim
from services.employment.models import (
    Channel,
    FloorState,
    ProjectedHousehold,
    ProjectedMember,
    WorkerStatus,
    WorkPlace,
)
from services.employment.posts.service import change_percent, is_stable
from services.employment.references import disagreement
from services.employment.scheduled import FLOOR_ANNOUNCE, FLOOR_CHECK
from services.employment.settings import EmploymentSettings
from services.employment.spells.repository import OpenJob, RowOutcome, SpellUpdate
from services.employment.spells.service import (
    COLUMNS,
    JOB_FIELDS,
    RowError,
    Unchanged,
    check_dates,
    parse_file,
    parse_row,
    repeats_open_job,
    row_result,
)
from services.employment.workers.schemas import WorkerCreate
from services.employment.workers.service import first_job, new_worker
from shared.auth import Principal, Role
from shared.errors import Forbidden, NotFound, ValidationFailed
from shared.tabular import ImportReport, Row
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU

TODAY = date(2025, 9, 15)
WORKER = "7f0c8a52-3a4e-4c55-9d7e-0d6f3c2b1a90"


# --- the floor ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("employed", "state"),
    [
        (0, FloorState.BREACHED),
        (2154, FloorState.BREACHED),
        (2155, FloorState.WARNING),
        (2254, FloorState.WARNING),
        (2255, FloorState.OK),
        (9999, FloorState.OK),
    ],
)
def test_the_floor_state_is_breached_below_warning_within_the_margin_ok_above(
    employed: int, state: FloorState
) -> None:
    assert state_for(employed, 2155, 100) is state


def test_without_a_margin_the_floor_itself_is_ok() -> None:
    assert state_for(2155, 2155, 0) is FloorState.OK


def test_floor_states_carry_their_labels() -> None:
    assert [s.label for s in FloorState] == ["正常", "接近底线预警", "低于底线"]


def _counts(*employed: int) -> list[Count]:
    return [Count(TODAY, n) for n in employed]


def test_each_change_of_state_in_the_recorded_counts_is_announced_once_in_order() -> None:
    changes = changes_of_state(FloorState.OK, _counts(2300, 2254, 2200, 2154, 2154, 2155, 2255), 2155, 100)
    assert [(state, count.employed) for state, count in changes] == [
        (FloorState.WARNING, 2254),
        (FloorState.BREACHED, 2154),
        (FloorState.WARNING, 2155),
        (FloorState.OK, 2255),
    ]


def test_counts_within_the_announced_state_announce_nothing() -> None:
    assert changes_of_state(FloorState.BREACHED, _counts(1, 2, 2154), 2155, 100) == []


def test_a_dip_below_the_floor_and_back_between_two_checks_is_still_announced() -> None:
    changes = changes_of_state(FloorState.WARNING, _counts(2154, 2155), 2155, 100)
    assert [state for state, _ in changes] == [FloorState.BREACHED, FloorState.WARNING]


def _principal(role: Role, division_code: str | None = None, department: str | None = None) -> Principal:
    return Principal(subject="s", username="u", role=role, division_code=division_code, department=department)


def test_district_accounts_count_the_town_they_ask_for_or_the_district() -> None:
    admin = _principal(Role.DISTRICT_ADMIN)
    assert town_in_view(admin, None) is None
    assert town_in_view(admin, WANGWU) == WANGWU


def test_town_and_village_accounts_count_their_own_town() -> None:
    assert town_in_view(_principal(Role.TOWN_OFFICIAL, KEJING), None) == KEJING
    assert town_in_view(_principal(Role.VILLAGE_CADRE, KEJING_VILLAGE), KEJING) == KEJING


def test_another_towns_count_is_not_found_for_a_town_account() -> None:
    with pytest.raises(NotFound):
        town_in_view(_principal(Role.TOWN_OFFICIAL, KEJING), WANGWU)


def test_the_tally_sums_towns_and_lists_every_place() -> None:
    towns, places = tally(
        [
            (KEJING, WorkPlace.IN_COUNTY, 2),
            (KEJING, WorkPlace.OUT_OF_PROVINCE, 1),
            (WANGWU, WorkPlace.IN_COUNTY, 4),
        ]
    )
    assert towns == {KEJING: 3, WANGWU: 4}
    assert places == {WorkPlace.IN_COUNTY: 6, WorkPlace.IN_PROVINCE: 0, WorkPlace.OUT_OF_PROVINCE: 1}


def test_a_series_runs_to_this_month_unless_told() -> None:
    assert month_range("2025-01", None, TODAY) == (date(2025, 1, 1), date(2025, 9, 1))
    assert month_range("2025-01", "2025-03", TODAY) == (date(2025, 1, 1), date(2025, 3, 1))


@pytest.mark.parametrize(("first", "last"), [("2025-05", "2025-04"), ("2025-01", "2025-10")])
def test_a_series_ending_before_it_starts_or_after_this_month_is_refused(first: str, last: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        month_range(first, last, TODAY)
    assert refused.value.field_problems is not None and refused.value.field_problems[0].field == "to"


def test_a_series_is_at_most_120_months() -> None:
    assert month_range("2015-10", "2025-09", TODAY)[0] == date(2015, 10, 1)
    with pytest.raises(ValidationFailed):
        month_range("2015-09", "2025-09", TODAY)


def test_series_points_are_one_per_month_with_every_place() -> None:
    jan, feb = date(2025, 1, 1), date(2025, 2, 1)
    points = series_points(
        [
            (jan, date(2025, 1, 31), "in_county", 2),
            (jan, date(2025, 1, 31), "out_of_province", 1),
            (feb, date(2025, 2, 28), "in_county", 3),
        ]
    )
    assert [(p.month, p.as_of, p.employed) for p in points] == [
        ("2025-01", date(2025, 1, 31), 3),
        ("2025-02", date(2025, 2, 28), 3),
    ]
    assert points[0].by_place == {
        WorkPlace.IN_COUNTY: 2,
        WorkPlace.IN_PROVINCE: 0,
        WorkPlace.OUT_OF_PROVINCE: 1,
    }


def test_the_floor_is_rechecked_every_configured_interval() -> None:
    assert FLOOR_CHECK.interval(EmploymentSettings(floor_check_interval_seconds=42)) == 42


def test_the_recorded_counts_are_announced_every_configured_interval() -> None:
    assert FLOOR_ANNOUNCE.interval(EmploymentSettings(floor_announce_interval_seconds=0.5)) == 0.5


# --- who may call ------------------------------------------------------------------------------


def test_the_hr_departments_system_passes() -> None:
    hr_systems_only(_principal(Role.INTEGRATOR, department="人社局"), EmploymentSettings())


def test_another_departments_system_is_refused() -> None:
    with pytest.raises(Forbidden):
        hr_systems_only(_principal(Role.INTEGRATOR, department="民政局"), EmploymentSettings())


def test_the_hr_departments_are_a_setting() -> None:
    settings = EmploymentSettings(hr_departments=["人力资源和社会保障局"])
    hr_systems_only(_principal(Role.INTEGRATOR, department="人力资源和社会保障局"), settings)
    with pytest.raises(Forbidden):
        hr_systems_only(_principal(Role.INTEGRATOR, department="人社局"), settings)


def test_people_of_any_department_are_left_to_their_role() -> None:
    hr_systems_only(_principal(Role.DEPARTMENT_OFFICER, department="民政局"), EmploymentSettings())


# --- spells and the monthly update file --------------------------------------------------------


def test_a_spell_may_not_start_or_end_in_the_future_or_end_before_it_starts() -> None:
    check_dates(date(2025, 1, 1), TODAY, TODAY)
    for started_on, ended_on, field in [
        (date(2025, 9, 16), None, "started_on"),
        (date(2025, 1, 1), date(2025, 9, 16), "ended_on"),
        (date(2025, 3, 1), date(2025, 2, 28), "ended_on"),
    ]:
        with pytest.raises(ValidationFailed) as refused:
            check_dates(started_on, ended_on, TODAY)
        assert refused.value.field_problems is not None and refused.value.field_problems[0].field == field


def _row(**cells: str) -> dict[str, str]:
    values = {
        "worker_id": WORKER,
        "status": "务工",
        "employer": "济源钢铁",
        "place": "县内",
        "sector": "制造业",
        "channel": "自主务工",
        "started_on": "2025-03-01",
        "ended_on": "",
        "monthly_wage": "3000.50",
    }
    values.update(cells)
    return {COLUMNS[name]: value for name, value in values.items()}


def test_an_employed_row_states_the_current_job() -> None:
    assert parse_row(_row(), TODAY) == SpellUpdate(
        worker_id=uuid.UUID(WORKER),
        employed=True,
        employer="济源钢铁",
        place="in_county",
        sector="制造业",
        channel="self_found",
        started_on=date(2025, 3, 1),
        monthly_wage=Decimal("3000.50"),
    )


def test_an_unemployed_row_ends_the_open_job_with_its_reason() -> None:
    row = _row(status="未就业", employer="", place="", channel="", started_on="", ended_on="2025-09-01")
    assert parse_row({**row, COLUMNS["reason"]: "企业减员"}, TODAY) == SpellUpdate(
        worker_id=uuid.UUID(WORKER), employed=False, ended_on=date(2025, 9, 1), reason="企业减员"
    )


@pytest.mark.parametrize("word", ["务工", "务工就业", "就业", "employed"])
def test_employed_reads_as_the_ledgers_write_it(word: str) -> None:
    assert parse_row(_row(status=word), TODAY).employed is True


@pytest.mark.parametrize("word", ["未就业", "失业", "unemployed"])
def test_unemployed_reads_as_the_ledgers_write_it(word: str) -> None:
    assert parse_row(_row(status=word, ended_on="2025-09-01"), TODAY).employed is False


def test_places_and_channels_read_as_labels_or_values() -> None:
    assert parse_row(_row(place="省内县外", channel="organised"), TODAY)[3:6] == (
        "in_province",
        "制造业",
        "organised",
    )
    assert (
        parse_row(_row(place="out_of_province", channel="就业帮扶车间"), TODAY).channel
        == "assistance_workshop"
    )
    assert parse_row(_row(channel=""), TODAY).channel is None


def test_a_long_sector_is_cut_and_an_empty_wage_is_none() -> None:
    parsed = parse_row(_row(sector="业" * 150, monthly_wage=""), TODAY)
    assert parsed.sector == "业" * 100 and parsed.monthly_wage is None


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        ({"worker_id": "W-17"}, "务工人员编号"),
        ({"status": "退休"}, "就业状态"),
        ({"started_on": "2025-13-01"}, "开始日期"),
        ({"started_on": "2025-09-16"}, "开始日期"),  # after the day the file is read
        ({"status": "未就业", "ended_on": ""}, "结束日期"),
        ({"employer": ""}, "就业单位"),
        ({"employer": "厂" * 201}, "就业单位"),
        ({"place": "国外"}, "务工地点"),
        ({"channel": "熟人介绍"}, "就业渠道"),
        ({"started_on": ""}, "开始日期"),
        ({"ended_on": "2025-09-01"}, "结束日期"),  # at work has no last day
        ({"monthly_wage": "lots"}, "月工资"),
        ({"monthly_wage": "-5.00"}, "月工资"),
        ({"monthly_wage": "3000.555"}, "月工资"),
        ({"monthly_wage": "NaN"}, "月工资"),
        ({"monthly_wage": "1e14"}, "月工资"),
    ],
)
def test_a_bad_cell_refuses_the_row_naming_its_column(cells: dict[str, str], column: str) -> None:
    with pytest.raises(RowError) as refused:
        parse_row(_row(**cells), TODAY)
    assert refused.value.problem.field == column


def test_a_worker_twice_in_one_file_is_refused_the_second_time() -> None:
    report = ImportReport()
    rows = [Row(2, _row()), Row(3, _row(employer="另一厂")), Row(4, _row(worker_id="bad"))]
    records = parse_file(rows, report, TODAY).records
    assert [r[0] for r in records] == [2]
    assert records[0][1:] == tuple(parse_row(_row(), TODAY))
    assert (report.total, report.refused) == (2, 2)
    assert [(r.row, r.problems[0].field) for r in report.rows] == [(3, "务工人员编号"), (4, "务工人员编号")]


# The open job of _row()'s worker as the national file's lookup reads it.
OPEN_JOB = OpenJob("济源钢铁", "in_county", "制造业", "self_found", "2025-03-01", "3000.50")


def _job_cells(values: dict[str, str]) -> tuple[str, ...]:
    return tuple(values.get(COLUMNS[field], "") for field in JOB_FIELDS)


def test_a_row_repeating_the_open_job_word_for_word_is_that_job() -> None:
    for status in ("务工", "务工就业", "employed", "就业"):
        values = _row(status=status)
        assert repeats_open_job(_job_cells(values), OPEN_JOB, TODAY.isoformat()), status
        update = parse_row(values, TODAY)
        assert (update.employer, update.place, update.sector, update.channel) == OPEN_JOB[:4]
        assert (update.started_on.isoformat(), str(update.monthly_wage)) == OPEN_JOB[4:]  # type: ignore[union-attr]
    # In values or labels alike: the stored enums are values.
    assert repeats_open_job(
        _job_cells(_row(place="in_county", channel="自主务工")), OPEN_JOB, TODAY.isoformat()
    )


@pytest.mark.parametrize(
    ("cells", "job"),
    [
        ({"status": "未就业"}, OPEN_JOB),
        ({"status": "失业"}, OPEN_JOB),
        ({"status": "在岗"}, OPEN_JOB),  # no status word: refused on the full path
        ({"employer": "另一厂"}, OPEN_JOB),
        ({"employer": ""}, OPEN_JOB._replace(employer="")),  # never unchecked, whatever is stored
        ({"place": "省外"}, OPEN_JOB),
        ({"place": "外省"}, OPEN_JOB),
        ({"sector": ""}, OPEN_JOB),
        ({"channel": ""}, OPEN_JOB),
        ({"channel": "网上找的"}, OPEN_JOB._replace(channel=None)),  # unknown word vs none stored
        ({"place": "火星"}, OPEN_JOB),
        ({"started_on": "2025-03-02"}, OPEN_JOB),
        ({"started_on": "2025-09-20"}, OPEN_JOB._replace(started_on="2025-09-20")),  # after TODAY
        ({"ended_on": "2025-09-01"}, OPEN_JOB),
        ({"monthly_wage": "3000.5"}, OPEN_JOB),  # the same amount in other words: the full path
        ({"monthly_wage": ""}, OPEN_JOB),
    ],
)
def test_any_other_word_takes_the_full_path(cells: dict[str, str], job: OpenJob) -> None:
    assert not repeats_open_job(_job_cells(_row(**cells)), job, TODAY.isoformat())


def test_rows_known_unchanged_keep_the_files_duplicate_and_out_of_work_rules() -> None:
    out_of_work, at_work, twice = (str(uuid.uuid4()) for _ in range(3))
    report = ImportReport()
    rows: list[Row | Unchanged] = [
        Row(2, _row(worker_id="bad")),
        Unchanged(3, uuid.UUID(at_work)),
        Row(4, _row(worker_id=at_work, employer="另一厂")),  # the same worker again
        Row(5, _row(worker_id=twice, employer="")),  # refused: does not make the next one a duplicate
        Unchanged(6, uuid.UUID(twice)),
        Row(7, _row(worker_id=out_of_work, status="未就业", ended_on="2025-06-30")),
        Row(8, _row(status="未就业", ended_on="2025-06-30")),  # out of work, but the job is open
    ]
    open_jobs = {uuid.UUID(out_of_work): None, uuid.UUID(WORKER): OPEN_JOB}
    parsed = parse_file(rows, report, TODAY, open_jobs)
    assert parsed.unchanged == [uuid.UUID(at_work), uuid.UUID(twice), uuid.UUID(out_of_work)]
    assert [record[0] for record in parsed.records] == [8]
    assert [(r.row, r.problems[0].field) for r in report.rows] == [
        (2, "务工人员编号"),
        (4, "务工人员编号"),
        (5, "就业单位"),
    ]
    assert parse_file(rows[-2:], ImportReport(), TODAY).unchanged == []  # no lookup: all staged


@pytest.mark.parametrize(
    ("action", "status", "column"),
    [
        ("start", "accepted", None),
        ("change", "accepted", None),
        ("correct", "accepted", None),
        ("end", "accepted", None),
        ("unchanged", "unchanged", None),
        ("unknown", "refused", "务工人员编号"),
        ("overlap", "refused", "开始日期"),
        ("end_before_start", "refused", "结束日期"),
    ],
)
def test_each_decision_of_the_database_is_reported(action: str, status: str, column: str | None) -> None:
    result = row_result(RowOutcome(row_no=5, worker_id=uuid.UUID(WORKER), action=action))
    assert (result.row, result.status, result.id) == (5, status, WORKER)
    assert [p.field for p in result.problems] == ([column] if column else [])


# --- workers -----------------------------------------------------------------------------------


def _registration(**overrides: Any) -> WorkerCreate:
    body: dict[str, Any] = {
        "household_id": uuid.uuid4(),
        "member_id": uuid.uuid4(),
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "status": "employed",
        "employer": "济源钢铁",
        "place": "in_county",
        "monthly_wage": "3200.50",
        "channel": "organised",
    }
    body.update(overrides)
    return WorkerCreate.model_validate(body)


def test_an_employed_registration_needs_a_place() -> None:
    with pytest.raises(ValidationError):
        _registration(place=None)


def test_an_employed_registration_starts_a_first_job_today_unless_told() -> None:
    job = first_job(_registration(), TODAY)
    assert job is not None
    assert (job.employer, job.place, job.channel, job.started_on) == (
        "济源钢铁",
        WorkPlace.IN_COUNTY,
        Channel.ORGANISED,
        TODAY,
    )
    assert first_job(_registration(employed_since="2025-03-01"), TODAY).started_on == date(2025, 3, 1)  # type: ignore[union-attr]
    assert first_job(_registration(employer=None), TODAY).employer == "（未填写）"  # type: ignore[union-attr]


def test_an_unemployed_registration_has_no_job_and_no_job_snapshot() -> None:
    data = _registration(status="unemployed", place=None, employer=None, monthly_wage=None)
    assert first_job(data, TODAY) is None
    worker = new_worker(data, None, TODAY)
    assert (worker.status, worker.employer, worker.place, worker.employed_since) == (
        WorkerStatus.UNEMPLOYED,
        None,
        None,
        None,
    )


def test_a_new_worker_is_born_with_the_snapshot_of_its_first_job() -> None:
    data = _registration(employed_since="2025-03-01")
    worker = new_worker(data, first_job(data, TODAY), TODAY)
    assert (worker.status, worker.employer, worker.place) == (
        WorkerStatus.EMPLOYED,
        "济源钢铁",
        WorkPlace.IN_COUNTY,
    )
    assert (worker.monthly_wage, worker.employed_since, worker.verified_on) == (
        Decimal("3200.50"),
        date(2025, 3, 1),
        TODAY,
    )


# --- posts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "holders", "stable"),
    [
        (20, 21, True),
        (20, 19, True),
        (20, 22, False),
        (20, 18, False),
        (0, 0, True),
        (0, 1, False),
        (1, 2, False),
    ],
)
def test_the_headcount_is_stable_within_the_tolerance_of_1_january(
    baseline: int, holders: int, stable: bool
) -> None:
    assert is_stable(baseline, holders, 5) is stable


def test_the_change_is_a_percentage_of_the_baseline() -> None:
    assert change_percent(1, 2) == 100.0
    assert change_percent(3, 2) == -33.3
    assert change_percent(0, 2) is None


# --- a worker's household and member, as monitoring's projection holds them --------------------

HOUSEHOLD = uuid.UUID("3b1f0c1e-8f7a-4d43-9a59-6a7e21c0d001")


def _household() -> ProjectedHousehold:
    return ProjectedHousehold(
        id=HOUSEHOLD, town_code=KEJING, village_code=KEJING_VILLAGE, lifted_out=True, status="not_monitored"
    )


def _claim(household_id: uuid.UUID = HOUSEHOLD, *, active: bool = True) -> MemberClaim:
    member = ProjectedMember(id=uuid.uuid4(), household_id=household_id, labour="ordinary", active=active)
    return MemberClaim(member, KEJING_VILLAGE)


def _field(problem: ValidationFailed | None) -> str | None:
    return problem.field_problems[0].field if problem else None


def test_a_member_of_the_household_living_in_its_village_may_be_registered() -> None:
    assert disagreement(_household(), _claim(), KEJING, KEJING_VILLAGE) is None


def test_a_member_of_another_household_is_refused_naming_the_member() -> None:
    assert _field(disagreement(_household(), _claim(uuid.uuid4()), KEJING, KEJING_VILLAGE)) == "member_id"


def test_a_member_who_left_is_refused_naming_the_member() -> None:
    assert _field(disagreement(_household(), _claim(active=False), KEJING, KEJING_VILLAGE)) == "member_id"


def test_a_worker_elsewhere_than_their_household_is_refused_naming_the_place() -> None:
    assert _field(disagreement(_household(), _claim(), WANGWU, "419001109201")) == "town_code"
    assert _field(disagreement(_household(), _claim(), KEJING, "419001100202")) == "village_code"
