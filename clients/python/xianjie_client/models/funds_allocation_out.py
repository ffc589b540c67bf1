from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundsAllocationOut")


@_attrs_define
class FundsAllocationOut:
    """
    Attributes:
        id (UUID):
        fund_id (UUID):
        project_id (UUID):
        amount (str):
        paid (str):
        industry_share_flagged (bool): 突破中央资金产业占比要求（按配置记录并预警）
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    fund_id: UUID
    project_id: UUID
    amount: str
    paid: str
    industry_share_flagged: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        fund_id = str(self.fund_id)

        project_id = str(self.project_id)

        amount = self.amount

        paid = self.paid

        industry_share_flagged = self.industry_share_flagged

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "fund_id": fund_id,
                "project_id": project_id,
                "amount": amount,
                "paid": paid,
                "industry_share_flagged": industry_share_flagged,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        fund_id = UUID(d.pop("fund_id"))

        project_id = UUID(d.pop("project_id"))

        amount = d.pop("amount")

        paid = d.pop("paid")

        industry_share_flagged = d.pop("industry_share_flagged")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        funds_allocation_out = cls(
            id=id,
            fund_id=fund_id,
            project_id=project_id,
            amount=amount,
            paid=paid,
            industry_share_flagged=industry_share_flagged,
            created_at=created_at,
            updated_at=updated_at,
        )

        funds_allocation_out.additional_properties = d
        return funds_allocation_out

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
