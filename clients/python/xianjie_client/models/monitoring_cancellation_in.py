from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.monitoring_cancellation_cause import MonitoringCancellationCause

T = TypeVar("T", bound="MonitoringCancellationIn")


@_attrs_define
class MonitoringCancellationIn:
    """
    Attributes:
        cause (MonitoringCancellationCause): Why the whole household ends; its remaining members leave with it on that
            day.
        effective_on (datetime.date): 变动生效日期：不晚于今天，不早于农户立户或成员入户之日
        reason (str): 变动原因或依据（必填，留痕）
    """

    cause: MonitoringCancellationCause
    effective_on: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        cause = self.cause.value

        effective_on = self.effective_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cause": cause,
                "effective_on": effective_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cause = MonitoringCancellationCause(d.pop("cause"))

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        reason = d.pop("reason")

        monitoring_cancellation_in = cls(
            cause=cause,
            effective_on=effective_on,
            reason=reason,
        )

        return monitoring_cancellation_in
