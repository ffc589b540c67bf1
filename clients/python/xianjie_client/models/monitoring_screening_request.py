from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringScreeningRequest")


@_attrs_define
class MonitoringScreeningRequest:
    """
    Attributes:
        year (int): 按该年度收入与监测线筛查
    """

    year: int

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        monitoring_screening_request = cls(
            year=year,
        )

        return monitoring_screening_request
