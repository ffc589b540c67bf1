from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assets_decision_procedure import AssetsDecisionProcedure
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assets_reversal_out import AssetsReversalOut
    from ..models.assets_share_out import AssetsShareOut


T = TypeVar("T", bound="AssetsDistributionOut")


@_attrs_define
class AssetsDistributionOut:
    """
    Attributes:
        id (UUID):
        asset_id (UUID):
        town_code (str):
        village_code (str):
        decided_on (datetime.date):
        procedure (AssetsDecisionProcedure):
            four_discussions_two_publications=四议两公开；villagers_assembly=村民（代表）会议决议；other=其他程序
        approving_body (str):
        decision_ref (None | str):
        total_amount (str):
        revenue_year (int):
        shares (list[AssetsShareOut]):
        actor (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        procedure_label (str): procedure 的中文名称
        reversal (AssetsReversalOut | None | Unset): 冲销记录（已冲销的分配不再计入）
    """

    id: UUID
    asset_id: UUID
    town_code: str
    village_code: str
    decided_on: datetime.date
    procedure: AssetsDecisionProcedure
    approving_body: str
    decision_ref: None | str
    total_amount: str
    revenue_year: int
    shares: list[AssetsShareOut]
    actor: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    procedure_label: str
    reversal: AssetsReversalOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assets_reversal_out import AssetsReversalOut  # noqa: PLC0415

        id = str(self.id)

        asset_id = str(self.asset_id)

        town_code = self.town_code

        village_code = self.village_code

        decided_on = self.decided_on.isoformat()

        procedure = self.procedure.value

        approving_body = self.approving_body

        decision_ref: None | str
        decision_ref = self.decision_ref

        total_amount = self.total_amount

        revenue_year = self.revenue_year

        shares = []
        for shares_item_data in self.shares:
            shares_item = shares_item_data.to_dict()
            shares.append(shares_item)

        actor = self.actor

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        procedure_label = self.procedure_label

        reversal: dict[str, Any] | None | Unset
        if isinstance(self.reversal, Unset):
            reversal = UNSET
        elif isinstance(self.reversal, AssetsReversalOut):
            reversal = self.reversal.to_dict()
        else:
            reversal = self.reversal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "asset_id": asset_id,
                "town_code": town_code,
                "village_code": village_code,
                "decided_on": decided_on,
                "procedure": procedure,
                "approving_body": approving_body,
                "decision_ref": decision_ref,
                "total_amount": total_amount,
                "revenue_year": revenue_year,
                "shares": shares,
                "actor": actor,
                "created_at": created_at,
                "updated_at": updated_at,
                "procedure_label": procedure_label,
            }
        )
        if reversal is not UNSET:
            field_dict["reversal"] = reversal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assets_reversal_out import AssetsReversalOut  # noqa: PLC0415
        from ..models.assets_share_out import AssetsShareOut  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        asset_id = UUID(d.pop("asset_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        procedure = AssetsDecisionProcedure(d.pop("procedure"))

        approving_body = d.pop("approving_body")

        def _parse_decision_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_ref = _parse_decision_ref(d.pop("decision_ref"))

        total_amount = d.pop("total_amount")

        revenue_year = d.pop("revenue_year")

        shares = []
        _shares = d.pop("shares")
        for shares_item_data in _shares:
            shares_item = AssetsShareOut.from_dict(shares_item_data)

            shares.append(shares_item)

        actor = d.pop("actor")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        procedure_label = d.pop("procedure_label")

        def _parse_reversal(data: object) -> AssetsReversalOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reversal_type_0 = AssetsReversalOut.from_dict(data)

                return reversal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetsReversalOut | None | Unset, data)

        reversal = _parse_reversal(d.pop("reversal", UNSET))

        assets_distribution_out = cls(
            id=id,
            asset_id=asset_id,
            town_code=town_code,
            village_code=village_code,
            decided_on=decided_on,
            procedure=procedure,
            approving_body=approving_body,
            decision_ref=decision_ref,
            total_amount=total_amount,
            revenue_year=revenue_year,
            shares=shares,
            actor=actor,
            created_at=created_at,
            updated_at=updated_at,
            procedure_label=procedure_label,
            reversal=reversal,
        )

        assets_distribution_out.additional_properties = d
        return assets_distribution_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
