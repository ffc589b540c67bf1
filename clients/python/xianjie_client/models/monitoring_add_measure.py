from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.monitoring_measure_in import MonitoringMeasureIn


T = TypeVar("T", bound="MonitoringAddMeasure")


@_attrs_define
class MonitoringAddMeasure:
    """增加措施.

    Attributes:
        action (Literal['add']):
        measure (MonitoringMeasureIn):
        reason (str): 原因（记入调整记录）
    """

    action: Literal["add"]
    measure: MonitoringMeasureIn
    reason: str

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        measure = self.measure.to_dict()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "measure": measure,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_measure_in import MonitoringMeasureIn  # noqa: PLC0415

        d = dict(src_dict)
        action = cast(Literal["add"], d.pop("action"))
        if action != "add":
            raise ValueError(f"action must match const 'add', got '{action}'")

        measure = MonitoringMeasureIn.from_dict(d.pop("measure"))

        reason = d.pop("reason")

        monitoring_add_measure = cls(
            action=action,
            measure=measure,
            reason=reason,
        )

        return monitoring_add_measure
