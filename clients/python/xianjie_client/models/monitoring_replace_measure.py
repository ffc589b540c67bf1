from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.monitoring_measure_in import MonitoringMeasureIn


T = TypeVar("T", bound="MonitoringReplaceMeasure")


@_attrs_define
class MonitoringReplaceMeasure:
    """调整措施：终止原措施，并增加接替它的新措施（两者相互关联）.

    Attributes:
        action (Literal['replace']):
        measure_id (UUID):
        ended_on (datetime.date):
        successor (MonitoringMeasureIn):
        reason (str): 原因（记入调整记录）
    """

    action: Literal["replace"]
    measure_id: UUID
    ended_on: datetime.date
    successor: MonitoringMeasureIn
    reason: str

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        measure_id = str(self.measure_id)

        ended_on = self.ended_on.isoformat()

        successor = self.successor.to_dict()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "measure_id": measure_id,
                "ended_on": ended_on,
                "successor": successor,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_measure_in import MonitoringMeasureIn  # noqa: PLC0415

        d = dict(src_dict)
        action = cast(Literal["replace"], d.pop("action"))
        if action != "replace":
            raise ValueError(f"action must match const 'replace', got '{action}'")

        measure_id = UUID(d.pop("measure_id"))

        ended_on = datetime.date.fromisoformat(d.pop("ended_on"))

        successor = MonitoringMeasureIn.from_dict(d.pop("successor"))

        reason = d.pop("reason")

        monitoring_replace_measure = cls(
            action=action,
            measure_id=measure_id,
            ended_on=ended_on,
            successor=successor,
            reason=reason,
        )

        return monitoring_replace_measure
