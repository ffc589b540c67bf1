from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.employment_training_program import EmploymentTrainingProgram
from ..types import UNSET, Unset

T = TypeVar("T", bound="EmploymentTrainingCreate")


@_attrs_define
class EmploymentTrainingCreate:
    """
    Attributes:
        program (EmploymentTrainingProgram): yulu_plus=雨露计划+；touyan=头雁；high_quality_farmer=高素质农民；skills=技能培训
        course (str): 课程或工种
        started_on (datetime.date):
        completed_on (datetime.date | None | Unset): 结业日期
        certificate (None | str | Unset): 证书名称或编号
    """

    program: EmploymentTrainingProgram
    course: str
    started_on: datetime.date
    completed_on: datetime.date | None | Unset = UNSET
    certificate: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        program = self.program.value

        course = self.course

        started_on = self.started_on.isoformat()

        completed_on: None | str | Unset
        if isinstance(self.completed_on, Unset):
            completed_on = UNSET
        elif isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        certificate: None | str | Unset
        if isinstance(self.certificate, Unset):
            certificate = UNSET
        else:
            certificate = self.certificate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "program": program,
                "course": course,
                "started_on": started_on,
            }
        )
        if completed_on is not UNSET:
            field_dict["completed_on"] = completed_on
        if certificate is not UNSET:
            field_dict["certificate"] = certificate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        program = EmploymentTrainingProgram(d.pop("program"))

        course = d.pop("course")

        started_on = datetime.date.fromisoformat(d.pop("started_on"))

        def _parse_completed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        completed_on = _parse_completed_on(d.pop("completed_on", UNSET))

        def _parse_certificate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        certificate = _parse_certificate(d.pop("certificate", UNSET))

        employment_training_create = cls(
            program=program,
            course=course,
            started_on=started_on,
            completed_on=completed_on,
            certificate=certificate,
        )

        return employment_training_create
