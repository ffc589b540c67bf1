from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_graduate_next_step import MonitoringGraduateNextStep
from ..models.monitoring_vocational_status import MonitoringVocationalStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringVocationalEndIn")


@_attrs_define
class MonitoringVocationalEndIn:
    """
    Attributes:
        status (MonitoringVocationalStatus): enrolled=在读；graduated=已毕业；left=中途退学
        ended_on (datetime.date):
        next_step (MonitoringGraduateNextStep | None | Unset): 毕业去向（毕业时必填）
        next_step_note (None | str | Unset):
    """

    status: MonitoringVocationalStatus
    ended_on: datetime.date
    next_step: MonitoringGraduateNextStep | None | Unset = UNSET
    next_step_note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        ended_on = self.ended_on.isoformat()

        next_step: None | str | Unset
        if isinstance(self.next_step, Unset):
            next_step = UNSET
        elif isinstance(self.next_step, MonitoringGraduateNextStep):
            next_step = self.next_step.value
        else:
            next_step = self.next_step

        next_step_note: None | str | Unset
        if isinstance(self.next_step_note, Unset):
            next_step_note = UNSET
        else:
            next_step_note = self.next_step_note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "ended_on": ended_on,
            }
        )
        if next_step is not UNSET:
            field_dict["next_step"] = next_step
        if next_step_note is not UNSET:
            field_dict["next_step_note"] = next_step_note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = MonitoringVocationalStatus(d.pop("status"))

        ended_on = datetime.date.fromisoformat(d.pop("ended_on"))

        def _parse_next_step(data: object) -> MonitoringGraduateNextStep | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_step_type_0 = MonitoringGraduateNextStep(data)

                return next_step_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringGraduateNextStep | None | Unset, data)

        next_step = _parse_next_step(d.pop("next_step", UNSET))

        def _parse_next_step_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_step_note = _parse_next_step_note(d.pop("next_step_note", UNSET))

        monitoring_vocational_end_in = cls(
            status=status,
            ended_on=ended_on,
            next_step=next_step,
            next_step_note=next_step_note,
        )

        return monitoring_vocational_end_in
