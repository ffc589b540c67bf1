from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.monitoring_water_check_out import MonitoringWaterCheckOut


T = TypeVar("T", bound="MonitoringWaterCheckRecorded")


@_attrs_define
class MonitoringWaterCheckRecorded:
    """
    Attributes:
        check (MonitoringWaterCheckOut):
        water_safe (bool): 农户饮水是否安全（按最近一次核查）
    """

    check: MonitoringWaterCheckOut
    water_safe: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        check = self.check.to_dict()

        water_safe = self.water_safe

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "check": check,
                "water_safe": water_safe,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_water_check_out import MonitoringWaterCheckOut  # noqa: PLC0415

        d = dict(src_dict)
        check = MonitoringWaterCheckOut.from_dict(d.pop("check"))

        water_safe = d.pop("water_safe")

        monitoring_water_check_recorded = cls(
            check=check,
            water_safe=water_safe,
        )

        monitoring_water_check_recorded.additional_properties = d
        return monitoring_water_check_recorded

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
