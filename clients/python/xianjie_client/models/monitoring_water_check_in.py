from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringWaterCheckIn")


@_attrs_define
class MonitoringWaterCheckIn:
    """
    Attributes:
        checked_on (datetime.date): 核查（走访）日期
        safe (bool): 饮水是否安全（水量、水质、取水方便程度、供水保证率均达标）
        finding (str | Unset): 不安全时写明原因 Default: ''.
    """

    checked_on: datetime.date
    safe: bool
    finding: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        checked_on = self.checked_on.isoformat()

        safe = self.safe

        finding = self.finding

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checked_on": checked_on,
                "safe": safe,
            }
        )
        if finding is not UNSET:
            field_dict["finding"] = finding

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checked_on = datetime.date.fromisoformat(d.pop("checked_on"))

        safe = d.pop("safe")

        finding = d.pop("finding", UNSET)

        monitoring_water_check_in = cls(
            checked_on=checked_on,
            safe=safe,
            finding=finding,
        )

        return monitoring_water_check_in
