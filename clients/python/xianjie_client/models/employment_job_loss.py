from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EmploymentJobLoss")


@_attrs_define
class EmploymentJobLoss:
    """
    Attributes:
        ended_on (datetime.date): 就业结束日期
        reason (str): 失业原因
    """

    ended_on: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        ended_on = self.ended_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ended_on": ended_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ended_on = datetime.date.fromisoformat(d.pop("ended_on"))

        reason = d.pop("reason")

        employment_job_loss = cls(
            ended_on=ended_on,
            reason=reason,
        )

        return employment_job_loss
