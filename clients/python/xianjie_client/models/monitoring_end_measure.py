from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringEndMeasure")


@_attrs_define
class MonitoringEndMeasure:
    """终止措施（不删除：已落实的措施留在计划和记录中）.

    Attributes:
        action (Literal['end']):
        measure_id (UUID):
        ended_on (datetime.date): 终止日期：不早于落实日期，不晚于措施截止日期
        reason (str): 原因（记入调整记录）
    """

    action: Literal["end"]
    measure_id: UUID
    ended_on: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        measure_id = str(self.measure_id)

        ended_on = self.ended_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "measure_id": measure_id,
                "ended_on": ended_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = cast(Literal["end"], d.pop("action"))
        if action != "end":
            raise ValueError(f"action must match const 'end', got '{action}'")

        measure_id = UUID(d.pop("measure_id"))

        ended_on = datetime.date.fromisoformat(d.pop("ended_on"))

        reason = d.pop("reason")

        monitoring_end_measure = cls(
            action=action,
            measure_id=measure_id,
            ended_on=ended_on,
            reason=reason,
        )

        return monitoring_end_measure
