from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.employment_subsidy_kind import EmploymentSubsidyKind

T = TypeVar("T", bound="EmploymentSubsidyTotal")


@_attrs_define
class EmploymentSubsidyTotal:
    """
    Attributes:
        town_code (str):
        town_name (None | str):
        kind (EmploymentSubsidyKind): transport=交通补贴；training=培训补贴；social_security=社保补贴；tax_incentive=税收优惠
        kind_label (str):
        count (int): 未冲销的发放笔数
        granted (str): 发放金额
        reversed_ (str): 冲销金额
        amount (str): 净额 = 发放 − 冲销
    """

    town_code: str
    town_name: None | str
    kind: EmploymentSubsidyKind
    kind_label: str
    count: int
    granted: str
    reversed_: str
    amount: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        town_code = self.town_code

        town_name: None | str
        town_name = self.town_name

        kind = self.kind.value

        kind_label = self.kind_label

        count = self.count

        granted = self.granted

        reversed_ = self.reversed_

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "town_code": town_code,
                "town_name": town_name,
                "kind": kind,
                "kind_label": kind_label,
                "count": count,
                "granted": granted,
                "reversed": reversed_,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        town_code = d.pop("town_code")

        def _parse_town_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        town_name = _parse_town_name(d.pop("town_name"))

        kind = EmploymentSubsidyKind(d.pop("kind"))

        kind_label = d.pop("kind_label")

        count = d.pop("count")

        granted = d.pop("granted")

        reversed_ = d.pop("reversed")

        amount = d.pop("amount")

        employment_subsidy_total = cls(
            town_code=town_code,
            town_name=town_name,
            kind=kind,
            kind_label=kind_label,
            count=count,
            granted=granted,
            reversed_=reversed_,
            amount=amount,
        )

        employment_subsidy_total.additional_properties = d
        return employment_subsidy_total

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
