from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funds_town_overdue import FundsTownOverdue


T = TypeVar("T", bound="FundsOverdueReport")


@_attrs_define
class FundsOverdueReport:
    """
    Attributes:
        as_of (datetime.date):
        bound (str): 逾期率上限（配置）
        total (FundsTownOverdue):
        towns (list[FundsTownOverdue]):
    """

    as_of: datetime.date
    bound: str
    total: FundsTownOverdue
    towns: list[FundsTownOverdue]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        bound = self.bound

        total = self.total.to_dict()

        towns = []
        for towns_item_data in self.towns:
            towns_item = towns_item_data.to_dict()
            towns.append(towns_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "bound": bound,
                "total": total,
                "towns": towns,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.funds_town_overdue import FundsTownOverdue  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        bound = d.pop("bound")

        total = FundsTownOverdue.from_dict(d.pop("total"))

        towns = []
        _towns = d.pop("towns")
        for towns_item_data in _towns:
            towns_item = FundsTownOverdue.from_dict(towns_item_data)

            towns.append(towns_item)

        funds_overdue_report = cls(
            as_of=as_of,
            bound=bound,
            total=total,
            towns=towns,
        )

        funds_overdue_report.additional_properties = d
        return funds_overdue_report

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
