from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_housing_grade import MonitoringHousingGrade

T = TypeVar("T", bound="MonitoringHousingRecord")


@_attrs_define
class MonitoringHousingRecord:
    """
    Attributes:
        record_id (str): 部门系统中的记录编号（批内唯一）
        id_number (str): 身份证号，用于匹配农户成员
        kind (Literal['housing_appraisal']):
        appraised_on (datetime.date):
        grade (MonitoringHousingGrade): 农村住房安全性鉴定等级 (住建部《农村危险房屋鉴定技术导则》): C and D are 危房.
        appraiser (str):
    """

    record_id: str
    id_number: str
    kind: Literal["housing_appraisal"]
    appraised_on: datetime.date
    grade: MonitoringHousingGrade
    appraiser: str

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        id_number = self.id_number

        kind = self.kind

        appraised_on = self.appraised_on.isoformat()

        grade = self.grade.value

        appraiser = self.appraiser

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "record_id": record_id,
                "id_number": id_number,
                "kind": kind,
                "appraised_on": appraised_on,
                "grade": grade,
                "appraiser": appraiser,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        record_id = d.pop("record_id")

        id_number = d.pop("id_number")

        kind = cast(Literal["housing_appraisal"], d.pop("kind"))
        if kind != "housing_appraisal":
            raise ValueError(f"kind must match const 'housing_appraisal', got '{kind}'")

        appraised_on = datetime.date.fromisoformat(d.pop("appraised_on"))

        grade = MonitoringHousingGrade(d.pop("grade"))

        appraiser = d.pop("appraiser")

        monitoring_housing_record = cls(
            record_id=record_id,
            id_number=id_number,
            kind=kind,
            appraised_on=appraised_on,
            grade=grade,
            appraiser=appraiser,
        )

        return monitoring_housing_record
