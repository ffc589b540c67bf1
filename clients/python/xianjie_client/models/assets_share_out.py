from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assets_revenue_use import AssetsRevenueUse

T = TypeVar("T", bound="AssetsShareOut")


@_attrs_define
class AssetsShareOut:
    """
    Attributes:
        id (UUID):
        use (AssetsRevenueUse): public_welfare_posts=设置公益性岗位；small_public_works=小型公益事业；monitored_household_assistance=帮扶
            监测对象；collective_reinvestment=村集体再投入
        beneficiary (str):
        beneficiary_count (int):
        amount (str):
        use_label (str): use 的中文名称
    """

    id: UUID
    use: AssetsRevenueUse
    beneficiary: str
    beneficiary_count: int
    amount: str
    use_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        use = self.use.value

        beneficiary = self.beneficiary

        beneficiary_count = self.beneficiary_count

        amount = self.amount

        use_label = self.use_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "use": use,
                "beneficiary": beneficiary,
                "beneficiary_count": beneficiary_count,
                "amount": amount,
                "use_label": use_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        use = AssetsRevenueUse(d.pop("use"))

        beneficiary = d.pop("beneficiary")

        beneficiary_count = d.pop("beneficiary_count")

        amount = d.pop("amount")

        use_label = d.pop("use_label")

        assets_share_out = cls(
            id=id,
            use=use,
            beneficiary=beneficiary,
            beneficiary_count=beneficiary_count,
            amount=amount,
            use_label=use_label,
        )

        assets_share_out.additional_properties = d
        return assets_share_out

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
