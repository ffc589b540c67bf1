from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_graduate_next_step import MonitoringGraduateNextStep
from ..models.monitoring_vocational_status import MonitoringVocationalStatus

T = TypeVar("T", bound="MonitoringVocationalOut")


@_attrs_define
class MonitoringVocationalOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        member_id (UUID):
        town_code (str):
        village_code (str):
        school (str):
        major (str):
        enrolled_on (datetime.date):
        status (MonitoringVocationalStatus): enrolled=在读；graduated=已毕业；left=中途退学
        ended_on (datetime.date | None):
        next_step (MonitoringGraduateNextStep | None):
        next_step_note (None | str):
        version (int):
        updated_at (datetime.datetime):
        status_label (str): status 的中文名称
        next_step_label (None | str): next_step 的中文名称
    """

    id: UUID
    household_id: UUID
    member_id: UUID
    town_code: str
    village_code: str
    school: str
    major: str
    enrolled_on: datetime.date
    status: MonitoringVocationalStatus
    ended_on: datetime.date | None
    next_step: MonitoringGraduateNextStep | None
    next_step_note: None | str
    version: int
    updated_at: datetime.datetime
    status_label: str
    next_step_label: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        member_id = str(self.member_id)

        town_code = self.town_code

        village_code = self.village_code

        school = self.school

        major = self.major

        enrolled_on = self.enrolled_on.isoformat()

        status = self.status.value

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        next_step: None | str
        if isinstance(self.next_step, MonitoringGraduateNextStep):
            next_step = self.next_step.value
        else:
            next_step = self.next_step

        next_step_note: None | str
        next_step_note = self.next_step_note

        version = self.version

        updated_at = self.updated_at.isoformat()

        status_label = self.status_label

        next_step_label: None | str
        next_step_label = self.next_step_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "member_id": member_id,
                "town_code": town_code,
                "village_code": village_code,
                "school": school,
                "major": major,
                "enrolled_on": enrolled_on,
                "status": status,
                "ended_on": ended_on,
                "next_step": next_step,
                "next_step_note": next_step_note,
                "version": version,
                "updated_at": updated_at,
                "status_label": status_label,
                "next_step_label": next_step_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        member_id = UUID(d.pop("member_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        school = d.pop("school")

        major = d.pop("major")

        enrolled_on = datetime.date.fromisoformat(d.pop("enrolled_on"))

        status = MonitoringVocationalStatus(d.pop("status"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        def _parse_next_step(data: object) -> MonitoringGraduateNextStep | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_step_type_0 = MonitoringGraduateNextStep(data)

                return next_step_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringGraduateNextStep | None, data)

        next_step = _parse_next_step(d.pop("next_step"))

        def _parse_next_step_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_step_note = _parse_next_step_note(d.pop("next_step_note"))

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        status_label = d.pop("status_label")

        def _parse_next_step_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_step_label = _parse_next_step_label(d.pop("next_step_label"))

        monitoring_vocational_out = cls(
            id=id,
            household_id=household_id,
            member_id=member_id,
            town_code=town_code,
            village_code=village_code,
            school=school,
            major=major,
            enrolled_on=enrolled_on,
            status=status,
            ended_on=ended_on,
            next_step=next_step,
            next_step_note=next_step_note,
            version=version,
            updated_at=updated_at,
            status_label=status_label,
            next_step_label=next_step_label,
        )

        monitoring_vocational_out.additional_properties = d
        return monitoring_vocational_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
