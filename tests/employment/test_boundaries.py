"""Employment rules exactly on their lines: dates on today and on the start, the floor and the stable
level on their edges, comparisons of places and households for sameness (ids and codes either side).
Pure functions only (no stack): these are also what `make mutate TARGET=employment` runs against."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from services.employment.access import hr_systems_only
from services.employment.floor.service import month_range, state_for
from services.employment.models import FloorState
from services.employment.posts.service import change_percent, is_stable, months_before
from services.employment.references import disagreement
from services.employment.settings import EmploymentSettings
from services.employment.spells.service import RowError, check_dates, parse_row
from services.employment.workers.service import first_job, new_worker, registered_event
from shared.auth import Principal, Role
from tests.employment.test_rules import TODAY, _claim, _field, _household, _registration, _row
from tests.helpers import KEJING, KEJING_VILLAGE

SETTINGS = EmploymentSettings()


@pytest.mark.parametrize(
    ("employed", "state"),
    [
        (SETTINGS.employment_floor - 1, FloorState.BREACHED),
        (SETTINGS.employment_floor, FloorState.WARNING),
        (SETTINGS.employment_floor + SETTINGS.floor_warning_margin - 1, FloorState.WARNING),
        (SETTINGS.employment_floor + SETTINGS.floor_warning_margin, FloorState.OK),
    ],
)
def test_the_default_floor_and_margin_on_their_edges(employed: int, state: FloorState) -> None:
    assert (SETTINGS.employment_floor, SETTINGS.floor_warning_margin) == (2155, 100)
    assert state_for(employed, SETTINGS.employment_floor, SETTINGS.floor_warning_margin) is state


def test_a_spell_may_start_and_end_today_and_end_on_its_first_day() -> None:
    check_dates(TODAY, TODAY, TODAY)
    check_dates(TODAY, None, TODAY)
    check_dates(date(2025, 3, 1), date(2025, 3, 1), TODAY)


@pytest.mark.parametrize(
    ("baseline", "holders", "stable"), [(100, 95, True), (100, 105, True), (100, 94, False)]
)
def test_the_stable_level_is_five_percent_either_way_inclusive(
    baseline: int, holders: int, stable: bool
) -> None:
    assert SETTINGS.post_stability_tolerance_percent == 5
    assert is_stable(baseline, holders, SETTINGS.post_stability_tolerance_percent) is stable


def test_a_change_is_rounded_to_one_place() -> None:
    assert change_percent(3, 4) == 33.3
    assert change_percent(6, 7) == 16.7


@pytest.mark.parametrize(
    ("day", "months", "before"),
    [
        (date(2025, 12, 31), 11, date(2025, 1, 31)),
        (date(2025, 12, 31), 12, date(2024, 12, 31)),
        (date(2025, 3, 31), 1, date(2025, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 2, 29)),
        (date(2025, 5, 31), 1, date(2025, 4, 30)),
        (date(2025, 1, 15), 0, date(2025, 1, 15)),
    ],
)
def test_months_before_keeps_the_day_or_the_months_last(day: date, months: int, before: date) -> None:
    assert months_before(day, months) == before


def test_a_series_may_end_this_month_and_start_where_it_ends() -> None:
    assert month_range("2025-09", "2025-09", TODAY) == (date(2025, 9, 1), date(2025, 9, 1))


@pytest.mark.parametrize("other", [uuid.UUID(int=0), uuid.UUID(int=2**128 - 1)])
def test_a_member_of_any_other_household_is_refused(other: uuid.UUID) -> None:
    assert _field(disagreement(_household(), _claim(other), KEJING, KEJING_VILLAGE)) == "member_id"


@pytest.mark.parametrize(
    ("town", "village", "field"),
    [
        ("419001099", "419001099201", "town_code"),
        ("419001101", "419001101201", "town_code"),
        (KEJING, "419001100200", "village_code"),
        (KEJING, "419001100202", "village_code"),
    ],
)
def test_a_place_either_side_of_the_households_is_refused(town: str, village: str, field: str) -> None:
    assert _field(disagreement(_household(), _claim(), town, village)) == field


@pytest.mark.parametrize("role", [Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE, Role.DEPARTMENT_OFFICER])
def test_only_integrators_are_held_to_the_hr_departments(role: Role) -> None:
    # Roles either side of "integrator" in any ordering: only the integrator role itself is checked.
    person = Principal(subject="u1", username="u1", role=role, division_code=KEJING, department="民政局")
    hr_systems_only(person, SETTINGS)


@pytest.mark.parametrize(("wage", "accepted"), [("0", True), ("0.00", True), ("-0.01", False)])
def test_a_monthly_update_wage_of_zero_is_accepted_below_is_not(wage: str, accepted: bool) -> None:
    if accepted:
        assert parse_row(_row(monthly_wage=wage), TODAY).monthly_wage == Decimal(0)
    else:
        with pytest.raises(RowError):
            parse_row(_row(monthly_wage=wage), TODAY)


@pytest.mark.parametrize(("length", "accepted"), [(200, True), (201, False)])
def test_an_employer_of_up_to_200_characters_is_accepted(length: int, accepted: bool) -> None:
    if accepted:
        assert parse_row(_row(employer="济" * length), TODAY).employer == "济" * length
    else:
        with pytest.raises(RowError):
            parse_row(_row(employer="济" * length), TODAY)


def test_an_unemployed_registration_naming_a_place_still_has_no_job() -> None:
    data = _registration(status="unemployed", employer=None, monthly_wage=None)
    assert data.place is not None
    assert first_job(data, TODAY) is None


@pytest.mark.parametrize(
    ("wage", "accepted"),
    [
        ("0.99", True),
        ("99999999999999.99", True),
        ("100000000000000.00", False),
        ("100000000000000.01", False),
    ],
)
def test_a_monthly_update_wage_fits_its_column(wage: str, accepted: bool) -> None:
    if accepted:
        assert parse_row(_row(monthly_wage=wage), TODAY).monthly_wage == Decimal(wage)
    else:
        with pytest.raises(RowError):
            parse_row(_row(monthly_wage=wage), TODAY)


def test_the_registration_event_names_the_place_of_an_employed_worker_only() -> None:
    employed = _registration(employed_since="2025-03-01")
    worker = new_worker(employed, first_job(employed, TODAY), TODAY)
    worker.id = uuid.uuid4()
    event = registered_event(worker)
    assert (event.status, event.place, event.town_code, event.village_code) == (
        "employed",
        "in_county",
        KEJING,
        KEJING_VILLAGE,
    )
    assert (event.household_id, event.member_id) == (employed.household_id, employed.member_id)
    idle = _registration(status="unemployed", place=None, employer=None, monthly_wage=None)
    idle_worker = new_worker(idle, None, TODAY)
    idle_worker.id = uuid.uuid4()
    assert registered_event(idle_worker).place is None


@pytest.mark.parametrize(
    ("baseline", "holders", "stable"),
    [(399, 419, False), (400, 420, True), (100, 97, True), (100, 103, True)],
)
def test_the_stable_level_is_exactly_the_tolerance_of_the_baseline(
    baseline: int, holders: int, stable: bool
) -> None:
    # 20 of 399 is 5.01 %: not stable; 20 of 400 is 5 % exactly: stable; well inside: stable.
    assert is_stable(baseline, holders, 5) is stable


def test_a_monthly_update_may_date_a_job_today() -> None:
    assert parse_row(_row(started_on=TODAY.isoformat()), TODAY).started_on == TODAY


@pytest.mark.parametrize("wage", ["3000.004", "3000.005", "3000.006"])
def test_a_monthly_update_wage_has_at_most_two_places(wage: str) -> None:
    with pytest.raises(RowError):
        parse_row(_row(monthly_wage=wage), TODAY)
