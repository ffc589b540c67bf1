from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringSiteIn")


@_attrs_define
class MonitoringSiteIn:
    """
    Attributes:
        name (str): 安置点名称
        village_code (str): 安置点所在村（社区）
        planned_households (int): 规划安置户数
    """

    name: str
    village_code: str
    planned_households: int

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        village_code = self.village_code

        planned_households = self.planned_households

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "village_code": village_code,
                "planned_households": planned_households,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        village_code = d.pop("village_code")

        planned_households = d.pop("planned_households")

        monitoring_site_in = cls(
            name=name,
            village_code=village_code,
            planned_households=planned_households,
        )

        return monitoring_site_in
