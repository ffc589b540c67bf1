from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssetsOperationTotalsOut")


@_attrs_define
class AssetsOperationTotalsOut:
    """
    Attributes:
        maintenance_count (int):
        maintenance_cost (str):
        open_incidents (int): 未排除的运维故障
        months_recorded (int):
        revenue (str): 累计运营收益（元）
        generation_kwh (str): 累计发电量（千瓦时）
    """

    maintenance_count: int
    maintenance_cost: str
    open_incidents: int
    months_recorded: int
    revenue: str
    generation_kwh: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        maintenance_count = self.maintenance_count

        maintenance_cost = self.maintenance_cost

        open_incidents = self.open_incidents

        months_recorded = self.months_recorded

        revenue = self.revenue

        generation_kwh = self.generation_kwh

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "maintenance_count": maintenance_count,
                "maintenance_cost": maintenance_cost,
                "open_incidents": open_incidents,
                "months_recorded": months_recorded,
                "revenue": revenue,
                "generation_kwh": generation_kwh,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        maintenance_count = d.pop("maintenance_count")

        maintenance_cost = d.pop("maintenance_cost")

        open_incidents = d.pop("open_incidents")

        months_recorded = d.pop("months_recorded")

        revenue = d.pop("revenue")

        generation_kwh = d.pop("generation_kwh")

        assets_operation_totals_out = cls(
            maintenance_count=maintenance_count,
            maintenance_cost=maintenance_cost,
            open_incidents=open_incidents,
            months_recorded=months_recorded,
            revenue=revenue,
            generation_kwh=generation_kwh,
        )

        assets_operation_totals_out.additional_properties = d
        return assets_operation_totals_out

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
