from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EmploymentHoldingEnd")


@_attrs_define
class EmploymentHoldingEnd:
    """
    Attributes:
        ended_on (datetime.date): 最后在岗日
    """

    ended_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        ended_on = self.ended_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ended_on": ended_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ended_on = datetime.date.fromisoformat(d.pop("ended_on"))

        employment_holding_end = cls(
            ended_on=ended_on,
        )

        return employment_holding_end
