"""Asset rules exactly on their lines: the approval on the disposal's own day, the split a fen either
side, the depreciation schedule's first month and last year, kinds and statuses for value records.
Pure functions only (no stack): these are also what `make mutate TARGET=assets` runs against."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from services.assets.distributions.service import SplitMismatch, check_split
from services.assets.models import AssetKind, AssetStatus, LifecycleStep, OwnerKind, UseStatus
from services.assets.registry.projects import disagreement as project_disagreement
from services.assets.registry.schemas import ConfirmOwnership
from services.assets.registry.service import (
    UnknownDivision,
    _apply,
    approval_of,
    follow_kind,
    opened_rows,
    require_known_villages,
)
from services.assets.value.service import _require_kind, straight_line
from shared.divisions import DivisionRegistry
from shared.errors import InvalidTransition, ValidationFailed
from tests.assets.factories import accepted_line
from tests.assets.test_rules import a_project, accepted, an_asset, disposal


def test_an_approval_on_the_disposals_own_day_is_accepted_a_day_later_is_not() -> None:
    assert approval_of(disposal(occurred_on="2025-09-01")).approved_on == date(2025, 9, 1)
    with pytest.raises(ValidationFailed):
        approval_of(disposal(occurred_on="2025-08-31"))


@pytest.mark.parametrize(("share", "adds_up"), [("59999.99", False), ("60000.00", True), ("60000.01", False)])
def test_the_split_on_the_total_and_a_fen_either_side(share: str, adds_up: bool) -> None:
    amounts = [Decimal("40000.00"), Decimal(share)]
    if adds_up:
        check_split(Decimal("100000.00"), amounts)
    else:
        with pytest.raises(SplitMismatch):
            check_split(Decimal("100000.00"), amounts)


def test_straight_line_starts_the_month_after_formation_and_ends_exactly_on_the_residual() -> None:
    rows = straight_line(Decimal("120000.00"), date(2025, 6, 15), 10, Decimal("0.05"))
    assert rows[0] == (2025, 6, Decimal("5700.00"), Decimal("5700.00"), Decimal("114300.00"))
    assert [r[1] for r in rows] == [6] + [12] * 9 + [6]  # July 2025 … June 2035: 120 months
    assert all(r[2] == Decimal("11400.00") for r in rows[1:-1])
    assert rows[-1] == (2035, 6, Decimal("5700.00"), Decimal("114000.00"), Decimal("6000.00"))


def test_an_asset_formed_in_december_depreciates_from_january() -> None:
    rows = straight_line(Decimal("12000.00"), date(2025, 12, 31), 1, Decimal("0"))
    assert rows == [(2026, 12, Decimal("12000.00"), Decimal("12000.00"), Decimal("0.00"))]


def test_an_asset_formed_in_january_depreciates_eleven_months_that_year() -> None:
    rows = straight_line(Decimal("12000.00"), date(2025, 1, 1), 1, Decimal("0"))
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (2025, 11, Decimal("11000.00")),
        (2026, 1, Decimal("1000.00")),
    ]


def test_each_year_is_rounded_to_the_fen_and_the_last_takes_the_remainder() -> None:
    # 95 000 over 36 months is 2 638.888… a month.
    rows = straight_line(Decimal("100000.00"), date(2025, 1, 10), 3, Decimal("0.05"))
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (2025, 11, Decimal("29027.78")),
        (2026, 12, Decimal("31666.67")),
        (2027, 12, Decimal("31666.67")),
        (2028, 1, Decimal("2638.88")),
    ]
    assert rows[-1][3:] == (Decimal("95000.00"), Decimal("5000.00"))


def test_book_values_are_for_operating_assets_not_yet_disposed() -> None:
    _require_kind(an_asset(AssetStatus.IN_OPERATION), AssetKind.OPERATING, "记录账面价值")
    with pytest.raises(InvalidTransition):
        _require_kind(an_asset(kind=AssetKind.PUBLIC_WELFARE), AssetKind.OPERATING, "记录账面价值")
    with pytest.raises(InvalidTransition):
        _require_kind(an_asset(AssetStatus.DISPOSED), AssetKind.OPERATING, "记录账面价值")


def test_a_line_in_a_town_other_than_its_villages_is_refused_either_side() -> None:
    # 北大河村 lies in 克井镇 (419001100): a line naming it under a town either side is refused.
    for town in ("419001099", "419001109"):
        with pytest.raises(UnknownDivision):
            require_known_villages(DivisionRegistry.load(), accepted([accepted_line("1", town_code=town)]))


def test_opened_public_welfare_lines_are_in_use_from_acceptance_the_others_have_no_use_status() -> None:
    rows = opened_rows(accepted([accepted_line("1"), accepted_line("2", kind="public_welfare")]))
    assert [(r["use_status"], r["use_status_since"]) for r in rows] == [
        (None, None),
        (UseStatus.IN_USE, date(2025, 11, 20)),
    ]


def test_a_public_welfare_asset_follows_its_kind_with_a_use_status() -> None:
    operating = an_asset(AssetStatus.IN_OPERATION)
    follow_kind(operating)
    assert (operating.use_status, operating.use_status_since) == (None, None)
    road = an_asset(kind=AssetKind.PUBLIC_WELFARE, use_status=None, use_status_since=None)
    follow_kind(road)
    assert (road.use_status, road.use_status_since) == (UseStatus.IN_USE, date(2025, 6, 30))
    idle = an_asset(
        kind=AssetKind.PUBLIC_WELFARE, use_status=UseStatus.IDLE, use_status_since=date(2025, 8, 1)
    )
    follow_kind(idle)
    assert (idle.use_status, idle.use_status_since) == (UseStatus.IDLE, date(2025, 8, 1))
    changed = an_asset(kind=AssetKind.OPERATING, use_status=UseStatus.IDLE, use_status_since=date(2025, 8, 1))
    follow_kind(changed)
    assert (changed.use_status, changed.use_status_since) == (None, None)


def test_a_schedule_ending_on_a_year_boundary_gives_its_last_year_the_remainder() -> None:
    # Formed in December: three whole calendar years, the last one the remainder of 95 000.
    rows = straight_line(Decimal("100000.00"), date(2025, 12, 31), 3, Decimal("0.05"))
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (2026, 12, Decimal("31666.67")),
        (2027, 12, Decimal("31666.67")),
        (2028, 12, Decimal("31666.66")),
    ]
    assert rows[-1][3] == Decimal("95000.00")


@pytest.mark.parametrize(
    ("town", "village", "field"),
    [
        ("419001099", "419001099201", "town_code"),
        ("419001109", "419001109201", "town_code"),
        ("419001100", "419001100200", "village_code"),
        ("419001100", "419001100202", "village_code"),
    ],
)
def test_an_asset_either_side_of_its_projects_place_is_refused(town: str, village: str, field: str) -> None:
    problem = project_disagreement(a_project(), town, village)
    assert problem is not None and [p.field for p in problem.field_problems or []] == [field]


@pytest.mark.parametrize(("shares", "difference"), [("59999.99", "0.01"), ("60000.01", "-0.01")])
def test_a_split_mismatch_names_the_difference(shares: str, difference: str) -> None:
    with pytest.raises(SplitMismatch) as refused:
        check_split(Decimal("100000.00"), [Decimal("40000.00"), Decimal(shares)])
    assert f"相差 {difference} 元" in (refused.value.detail_zh or "")


@pytest.mark.parametrize("wanted", list(AssetKind))
@pytest.mark.parametrize("kind", list(AssetKind))
def test_a_value_record_needs_exactly_its_kind_whatever_the_kinds_order(
    kind: AssetKind, wanted: AssetKind
) -> None:
    asset = an_asset(AssetStatus.IN_OPERATION, kind=kind)
    if kind is wanted:
        _require_kind(asset, wanted, "登记")
    else:  # a kind sorting before or after the wanted one is refused alike
        with pytest.raises(InvalidTransition):
            _require_kind(asset, wanted, "登记")


def test_confirming_ownership_records_the_owner_on_the_asset_and_the_step() -> None:
    asset = an_asset()
    record = LifecycleStep()
    step = ConfirmOwnership(
        action="confirm_ownership",
        occurred_on=date(2025, 7, 1),
        owner_kind=OwnerKind.OTHER,
        owner_name="济源市某合作社",
    )
    _apply(step, asset, record)
    assert (asset.owner_kind, asset.owner_name) == (OwnerKind.OTHER, "济源市某合作社")
    assert record.details == {"owner_kind": OwnerKind.OTHER.value, "owner_name": "济源市某合作社"}
