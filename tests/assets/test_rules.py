"""The assets service's rules that need no database or network: they run without the stack."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from services.assets.access import DISPOSERS, READERS, SCREENERS, WRITERS
from services.assets.distributions.events import DISTRIBUTION_DECIDED
from services.assets.distributions.service import DISTRIBUTING, SplitMismatch, check_split, decided
from services.assets.models import (
    Asset,
    AssetKind,
    AssetOrigin,
    AssetStatus,
    DecisionProcedure,
    DistributionShare,
    LifecycleAction,
    OwnerKind,
    RevenueDistribution,
    RevenueUse,
    SourceProject,
)
from services.assets.operations.schemas import MaintenanceCreate, MonthlyCreate
from services.assets.operations.service import EARNING, MAINTAINED, require_status
from services.assets.registry.events import ASSET_REGISTERED, ASSET_STATUS_CHANGED, ProjectAccepted
from services.assets.registry.projects import disagreement, location, readable_by
from services.assets.registry.schemas import AssetCreate, AssetOut, Dispose
from services.assets.registry.service import (
    TRANSITIONS,
    DisposalNotApproved,
    UnknownDivision,
    approval_of,
    opened_rows,
    registered,
    require_known_villages,
    status_changed,
)
from shared.auth import Principal, Role
from shared.divisions import DivisionRegistry
from shared.errors import InvalidTransition, ValidationFailed
from tests.assets.factories import accepted_line, asset_body
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, new_id

APPROVAL = {"approved_by": "克井镇人民政府", "approval_ref": "克政〔2025〕12号", "approved_on": "2025-09-01"}


def an_asset(status: AssetStatus = AssetStatus.FORMED, **overrides: Any) -> Asset:
    values: dict[str, Any] = {
        "id": uuid.uuid4(),
        "name": "北大河村光伏帮扶电站",
        "kind": AssetKind.OPERATING,
        "category": "光伏电站",
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "value": Decimal("860000.00"),
        "formed_on": date(2025, 6, 30),
        "owner_kind": OwnerKind.VILLAGE_COLLECTIVE,
        "source_project_id": None,
        "source_asset_ref": None,
        "status": status,
        "origin": AssetOrigin.REGISTERED,
    }
    values.update(overrides)
    return Asset(**values)


def disposal(**overrides: Any) -> Dispose:
    body: dict[str, Any] = {
        "action": "dispose",
        "method": "scrap",
        "reason": "设备老化报废",
        "approval": APPROVAL,
        "occurred_on": "2025-09-10",
    }
    body.update(overrides)
    return Dispose.model_validate(body)


# -- the split of a revenue distribution ------------------------------------------------------


def test_shares_that_add_up_to_the_fen_pass() -> None:
    check_split(Decimal("100000.00"), [Decimal("40000.00"), Decimal("45000.01"), Decimal("14999.99")])


@pytest.mark.parametrize("total", ["100000.01", "99999.99", "150000.00"])
def test_shares_that_miss_the_total_are_refused_with_both_sums(total: str) -> None:
    with pytest.raises(SplitMismatch) as refused:
        check_split(Decimal(total), [Decimal("60000.00"), Decimal("40000.00")])
    assert refused.value.extra == {"total_amount": total, "shares_sum": "100000.00"}
    assert refused.value.detail_zh is not None and "合计 100000.00 元" in refused.value.detail_zh


def test_only_handed_over_or_operating_assets_have_revenue_to_distribute() -> None:
    assert frozenset({AssetStatus.HANDED_OVER, AssetStatus.IN_OPERATION}) == DISTRIBUTING


def test_the_distribution_event_carries_uses_counts_and_amounts_but_no_beneficiary_names() -> None:
    distribution = RevenueDistribution(
        id=uuid.uuid4(),
        asset_id=uuid.uuid4(),
        town_code=KEJING,
        village_code=KEJING_VILLAGE,
        decided_on=date(2025, 12, 20),
        procedure=DecisionProcedure.VILLAGERS_ASSEMBLY,
        total_amount=Decimal("100.00"),
    )
    share = DistributionShare(
        use=RevenueUse.PUBLIC_WELFARE_POSTS,
        beneficiary="村公益性岗位人员",
        beneficiary_count=3,
        amount=Decimal("100.00"),
    )
    data = decided(distribution, [share]).model_dump(mode="json")
    assert DISTRIBUTION_DECIDED.payload.model_validate(data).total_amount == Decimal("100.00")
    assert data["shares"] == [{"use": "public_welfare_posts", "beneficiary_count": 3, "amount": "100.00"}]
    assert data["procedure"] == "villagers_assembly" and "村" not in str(data)


# -- the asset's life ---------------------------------------------------------------------------


def test_each_step_leaves_only_the_state_before_it() -> None:
    reachable = {action: (t.allowed_from, t.to_status) for action, t in TRANSITIONS.items()}
    assert reachable == {
        LifecycleAction.CONFIRM_OWNERSHIP: ({AssetStatus.FORMED}, AssetStatus.OWNERSHIP_CONFIRMED),
        LifecycleAction.HAND_OVER: ({AssetStatus.OWNERSHIP_CONFIRMED}, AssetStatus.HANDED_OVER),
        LifecycleAction.START_OPERATION: ({AssetStatus.HANDED_OVER}, AssetStatus.IN_OPERATION),
        LifecycleAction.DISPOSE: (
            {AssetStatus.OWNERSHIP_CONFIRMED, AssetStatus.HANDED_OVER, AssetStatus.IN_OPERATION},
            AssetStatus.DISPOSED,
        ),
    }


def test_a_disposed_asset_takes_no_further_step() -> None:
    assert all(AssetStatus.DISPOSED not in t.allowed_from for t in TRANSITIONS.values())


def test_disposal_is_a_town_or_district_matter() -> None:
    assert TRANSITIONS[LifecycleAction.DISPOSE].roles == DISPOSERS
    assert Role.VILLAGE_CADRE not in DISPOSERS and set(DISPOSERS) <= set(WRITERS)
    others = [t for action, t in TRANSITIONS.items() if action is not LifecycleAction.DISPOSE]
    assert all(t.roles == WRITERS for t in others)


def test_the_ledger_is_written_by_territorial_officials_only() -> None:
    assert set(WRITERS) == {Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE}
    assert set(READERS) - set(WRITERS) == {Role.DEPARTMENT_OFFICER, Role.INTEGRATOR, Role.AUDITOR}
    assert Role.HELPER not in READERS
    assert set(SCREENERS) == {Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL}


def test_a_complete_approval_before_the_disposal_is_accepted() -> None:
    approval = approval_of(disposal())
    assert (approval.approval_ref, approval.approved_on) == ("克政〔2025〕12号", date(2025, 9, 1))


def test_a_disposal_without_approval_is_refused() -> None:
    with pytest.raises(DisposalNotApproved):
        approval_of(disposal(approval=None))


def test_a_disposal_without_a_reason_is_refused() -> None:
    with pytest.raises(ValidationFailed) as refused:
        approval_of(disposal(reason=None))
    assert refused.value.field_problems is not None and refused.value.field_problems[0].field == "reason"


def test_an_approval_dated_after_the_disposal_is_refused() -> None:
    with pytest.raises(ValidationFailed) as refused:
        approval_of(disposal(occurred_on="2025-08-31"))
    assert refused.value.field_problems is not None
    assert refused.value.field_problems[0].field == "approval.approved_on"


def test_the_status_change_event_names_both_states_and_no_names() -> None:
    asset = an_asset(AssetStatus.HANDED_OVER, source_project_id=uuid.uuid4())
    data = status_changed(asset, AssetStatus.OWNERSHIP_CONFIRMED, date(2025, 8, 1)).model_dump(mode="json")
    ASSET_STATUS_CHANGED.payload.model_validate(data)
    assert (data["from_status"], data["to_status"]) == ("ownership_confirmed", "handed_over")
    assert data["source_project_id"] == str(asset.source_project_id) and "光伏" not in str(data)


def test_the_registration_event_carries_ids_codes_and_the_value_only() -> None:
    asset = an_asset()
    data = registered(asset).model_dump(mode="json")
    ASSET_REGISTERED.payload.model_validate(data)
    assert data == {
        "asset_id": str(asset.id),
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "kind": "operating",
        "owner_kind": "village_collective",
        "value": "860000.00",
        "source_project_id": None,
        "source_asset_ref": None,
    }


# -- upkeep and revenue follow the handover -----------------------------------------------------


@pytest.mark.parametrize(
    "status", [AssetStatus.FORMED, AssetStatus.OWNERSHIP_CONFIRMED, AssetStatus.DISPOSED]
)
def test_no_upkeep_before_the_handover_or_after_disposal(status: AssetStatus) -> None:
    with pytest.raises(InvalidTransition) as refused:
        require_status(an_asset(status), MAINTAINED, "登记管护记录")
    assert refused.value.detail_zh == (
        f"资产当前状态为「{status.label}」，只有已移交、管护运营中的资产才能登记管护记录"
    )


def test_revenue_is_recorded_only_for_assets_in_operation() -> None:
    require_status(an_asset(AssetStatus.IN_OPERATION), EARNING, "登记运营收益")
    with pytest.raises(InvalidTransition):
        require_status(an_asset(AssetStatus.HANDED_OVER), EARNING, "登记运营收益")


# -- what the request bodies accept -------------------------------------------------------------


def test_coordinates_come_in_pairs() -> None:
    with pytest.raises(ValidationError, match="latitude and longitude go together"):
        AssetCreate.model_validate(asset_body(latitude="35.1"))
    both = AssetCreate.model_validate(asset_body(latitude="35.1", longitude="112.5"))
    assert (both.latitude, both.longitude) == (Decimal("35.1"), Decimal("112.5"))


def test_a_monthly_record_names_the_first_day_of_its_month() -> None:
    with pytest.raises(ValidationError, match="first day of the month"):
        MonthlyCreate.model_validate({"month": "2025-10-15", "revenue": "1.00"})
    assert MonthlyCreate.model_validate({"month": "2025-10-01", "revenue": "1.00"}).month == date(2025, 10, 1)


def test_an_incident_cannot_be_resolved_before_it_happened() -> None:
    record = {"kind": "incident", "performed_on": "2025-10-01", "description": "组件损坏", "cost": "0"}
    with pytest.raises(ValidationError, match="resolved before it happened"):
        MaintenanceCreate.model_validate({**record, "resolved_on": "2025-09-30"})
    assert MaintenanceCreate.model_validate({**record, "resolved_on": "2025-10-01"}).resolved_on is not None


def test_answers_carry_the_chinese_label_beside_each_code() -> None:
    stamp = datetime(2025, 6, 30, tzinfo=UTC)
    out = AssetOut.model_validate(
        an_asset(AssetStatus.IN_OPERATION, version=1, created_at=stamp, updated_at=stamp)
    )
    labels = out.model_dump(include={"kind_label", "owner_kind_label", "status_label"})
    assert labels == {"kind_label": "经营性", "owner_kind_label": "村集体", "status_label": "管护运营中"}


# -- assets opened from an accepted project -----------------------------------------------------


def accepted(lines: list[dict[str, Any]]) -> ProjectAccepted:
    return ProjectAccepted.model_validate(
        {
            "project_id": new_id(),
            "town_code": KEJING,
            "village_code": None,
            "category": "industry",
            "year": 2025,
            "accepted_on": "2025-11-20",
            "total_investment": "300000.00",
            "fund_shares": [],
            "assets": lines,
        }
    )


def test_a_project_opens_each_line_formed_on_acceptance_pending_confirmation() -> None:
    project = accepted([accepted_line("1"), accepted_line("2", kind="public_welfare")])
    rows = opened_rows(project)
    assert [(r["source_asset_ref"], r["kind"]) for r in rows] == [("1", "operating"), ("2", "public_welfare")]
    assert {(r["status"], r["formed_on"], r["source_project_id"], r["version"]) for r in rows} == {
        (AssetStatus.FORMED, date(2025, 11, 20), project.project_id, 1)
    }


@pytest.mark.parametrize(
    "line",
    [
        accepted_line("1", village_code="419001100999"),  # no such village
        accepted_line("1", village_code=WANGWU_VILLAGE),  # a village of another town
        accepted_line("1", town_code=WANGWU, village_code=WANGWU),  # a town where a village belongs
    ],
)
def test_a_project_naming_an_unknown_village_is_refused(line: dict[str, Any]) -> None:
    with pytest.raises(UnknownDivision, match="unknown village"):
        require_known_villages(DivisionRegistry.load(), accepted([accepted_line("0"), line]))


def test_a_project_naming_known_villages_passes() -> None:
    require_known_villages(DivisionRegistry.load(), accepted([accepted_line("1"), accepted_line("2")]))


# -- naming a project of funds ---------------------------------------------------------------------


def a_project(village_code: str | None = KEJING_VILLAGE, town_code: str = KEJING) -> SourceProject:
    return SourceProject(project_id=uuid.uuid4(), town_code=town_code, village_code=village_code)


def official(role: Role, division_code: str | None) -> Principal:
    return Principal(subject=new_id(), username=role.value, role=role, division_code=division_code)


TOWN = official(Role.TOWN_OFFICIAL, KEJING)
VILLAGE = official(Role.VILLAGE_CADRE, KEJING_VILLAGE)
NEIGHBOUR = official(Role.VILLAGE_CADRE, KEJING_OTHER_VILLAGE)


def test_a_project_lies_in_its_village_or_else_its_town() -> None:
    assert location(a_project()) == KEJING_VILLAGE
    assert location(a_project(village_code=None)) == KEJING


def test_a_project_is_read_where_funds_shows_it() -> None:
    village_project, town_wide = a_project(), a_project(village_code=None)
    assert readable_by(TOWN, village_project) and readable_by(TOWN, town_wide)
    assert readable_by(VILLAGE, village_project) and readable_by(VILLAGE, town_wide)
    assert not readable_by(NEIGHBOUR, village_project) and readable_by(NEIGHBOUR, town_wide)
    assert readable_by(official(Role.AUDITOR, None), village_project)


def test_another_towns_project_is_read_by_nobody_of_this_town() -> None:
    for project in (a_project(WANGWU_VILLAGE, WANGWU), a_project(None, WANGWU)):
        assert not readable_by(TOWN, project) and not readable_by(VILLAGE, project)


def test_a_territorial_caller_without_a_division_reads_no_project() -> None:
    assert not readable_by(official(Role.TOWN_OFFICIAL, None), a_project(village_code=None))


def test_an_asset_lies_in_its_projects_town_and_village() -> None:
    assert disagreement(a_project(), KEJING, KEJING_VILLAGE) is None
    assert disagreement(a_project(village_code=None), KEJING, KEJING_OTHER_VILLAGE) is None
    other_town = disagreement(a_project(WANGWU_VILLAGE, WANGWU), KEJING, KEJING_VILLAGE)
    other_village = disagreement(a_project(), KEJING, KEJING_OTHER_VILLAGE)
    assert other_town is not None and other_town.field_problems is not None
    assert other_village is not None and other_village.field_problems is not None
    assert [p.field for p in other_town.field_problems] == ["town_code"]
    assert [p.field for p in other_village.field_problems] == ["village_code"]
