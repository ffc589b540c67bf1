from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EmploymentSubsidyReversalCreate")


@_attrs_define
class EmploymentSubsidyReversalCreate:
    """
    Attributes:
        reason (str): 冲销原因（如 重复发放、对象不符）
        reversed_on (datetime.date): 冲销日期
    """

    reason: str
    reversed_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        reversed_on = self.reversed_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "reversed_on": reversed_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        reversed_on = datetime.date.fromisoformat(d.pop("reversed_on"))

        employment_subsidy_reversal_create = cls(
            reason=reason,
            reversed_on=reversed_on,
        )

        return employment_subsidy_reversal_create
