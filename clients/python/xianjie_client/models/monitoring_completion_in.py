from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringCompletionIn")


@_attrs_define
class MonitoringCompletionIn:
    """
    Attributes:
        completed_on (datetime.date): 改造竣工日期
    """

    completed_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        completed_on = self.completed_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "completed_on": completed_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        completed_on = datetime.date.fromisoformat(d.pop("completed_on"))

        monitoring_completion_in = cls(
            completed_on=completed_on,
        )

        return monitoring_completion_in
