from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.employment_training_program import EmploymentTrainingProgram

T = TypeVar("T", bound="EmploymentTrainingOut")


@_attrs_define
class EmploymentTrainingOut:
    """
    Attributes:
        id (UUID):
        worker_id (UUID):
        program (EmploymentTrainingProgram): yulu_plus=雨露计划+；touyan=头雁；high_quality_farmer=高素质农民；skills=技能培训
        course (str):
        started_on (datetime.date):
        completed_on (datetime.date | None):
        certificate (None | str):
        created_at (datetime.datetime):
        program_label (str): program 的中文名称
    """

    id: UUID
    worker_id: UUID
    program: EmploymentTrainingProgram
    course: str
    started_on: datetime.date
    completed_on: datetime.date | None
    certificate: None | str
    created_at: datetime.datetime
    program_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        worker_id = str(self.worker_id)

        program = self.program.value

        course = self.course

        started_on = self.started_on.isoformat()

        completed_on: None | str
        if isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        certificate: None | str
        certificate = self.certificate

        created_at = self.created_at.isoformat()

        program_label = self.program_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "worker_id": worker_id,
                "program": program,
                "course": course,
                "started_on": started_on,
                "completed_on": completed_on,
                "certificate": certificate,
                "created_at": created_at,
                "program_label": program_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        worker_id = UUID(d.pop("worker_id"))

        program = EmploymentTrainingProgram(d.pop("program"))

        course = d.pop("course")

        started_on = datetime.date.fromisoformat(d.pop("started_on"))

        def _parse_completed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        completed_on = _parse_completed_on(d.pop("completed_on"))

        def _parse_certificate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        certificate = _parse_certificate(d.pop("certificate"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        program_label = d.pop("program_label")

        employment_training_out = cls(
            id=id,
            worker_id=worker_id,
            program=program,
            course=course,
            started_on=started_on,
            completed_on=completed_on,
            certificate=certificate,
            created_at=created_at,
            program_label=program_label,
        )

        employment_training_out.additional_properties = d
        return employment_training_out

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
