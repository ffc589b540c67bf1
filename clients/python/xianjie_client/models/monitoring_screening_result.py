from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonitoringScreeningResult")


@_attrs_define
class MonitoringScreeningResult:
    """
    Attributes:
        year (int):
        monitoring_line (str):
        raised (int): 新产生的系统预警数（已有待处理预警的农户不重复预警）
    """

    year: int
    monitoring_line: str
    raised: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        monitoring_line = self.monitoring_line

        raised = self.raised

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "monitoring_line": monitoring_line,
                "raised": raised,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        monitoring_line = d.pop("monitoring_line")

        raised = d.pop("raised")

        monitoring_screening_result = cls(
            year=year,
            monitoring_line=monitoring_line,
            raised=raised,
        )

        monitoring_screening_result.additional_properties = d
        return monitoring_screening_result

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
