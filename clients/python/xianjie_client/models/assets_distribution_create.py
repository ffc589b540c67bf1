from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.assets_decision_procedure import AssetsDecisionProcedure
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assets_share_in import AssetsShareIn


T = TypeVar("T", bound="AssetsDistributionCreate")


@_attrs_define
class AssetsDistributionCreate:
    """
    Attributes:
        asset_id (UUID):
        decided_on (datetime.date): 决策日期
        procedure (AssetsDecisionProcedure):
            four_discussions_two_publications=四议两公开；villagers_assembly=村民（代表）会议决议；other=其他程序
        approving_body (str): 决策（审批）机构，如 村民代表大会
        total_amount (int | str): 分配总额（元）
        shares (list[AssetsShareIn]): 各项用途，合计须等于总额
        decision_ref (None | str | Unset): 决议文号
        revenue_year (int | None | Unset): 收益所属年度（默认决策日期所在年度）；分配不得超过该年度登记的收益
    """

    asset_id: UUID
    decided_on: datetime.date
    procedure: AssetsDecisionProcedure
    approving_body: str
    total_amount: int | str
    shares: list[AssetsShareIn]
    decision_ref: None | str | Unset = UNSET
    revenue_year: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        asset_id = str(self.asset_id)

        decided_on = self.decided_on.isoformat()

        procedure = self.procedure.value

        approving_body = self.approving_body

        total_amount: int | str
        total_amount = self.total_amount

        shares = []
        for shares_item_data in self.shares:
            shares_item = shares_item_data.to_dict()
            shares.append(shares_item)

        decision_ref: None | str | Unset
        if isinstance(self.decision_ref, Unset):
            decision_ref = UNSET
        else:
            decision_ref = self.decision_ref

        revenue_year: int | None | Unset
        if isinstance(self.revenue_year, Unset):
            revenue_year = UNSET
        else:
            revenue_year = self.revenue_year

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "asset_id": asset_id,
                "decided_on": decided_on,
                "procedure": procedure,
                "approving_body": approving_body,
                "total_amount": total_amount,
                "shares": shares,
            }
        )
        if decision_ref is not UNSET:
            field_dict["decision_ref"] = decision_ref
        if revenue_year is not UNSET:
            field_dict["revenue_year"] = revenue_year

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assets_share_in import AssetsShareIn  # noqa: PLC0415

        d = dict(src_dict)
        asset_id = UUID(d.pop("asset_id"))

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        procedure = AssetsDecisionProcedure(d.pop("procedure"))

        approving_body = d.pop("approving_body")

        def _parse_total_amount(data: object) -> int | str:
            return cast(int | str, data)

        total_amount = _parse_total_amount(d.pop("total_amount"))

        shares = []
        _shares = d.pop("shares")
        for shares_item_data in _shares:
            shares_item = AssetsShareIn.from_dict(shares_item_data)

            shares.append(shares_item)

        def _parse_decision_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision_ref = _parse_decision_ref(d.pop("decision_ref", UNSET))

        def _parse_revenue_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        revenue_year = _parse_revenue_year(d.pop("revenue_year", UNSET))

        assets_distribution_create = cls(
            asset_id=asset_id,
            decided_on=decided_on,
            procedure=procedure,
            approving_body=approving_body,
            total_amount=total_amount,
            shares=shares,
            decision_ref=decision_ref,
            revenue_year=revenue_year,
        )

        return assets_distribution_create
