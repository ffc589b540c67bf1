from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.monitoring_housing_grade import MonitoringHousingGrade

T = TypeVar("T", bound="MonitoringAppraisalIn")


@_attrs_define
class MonitoringAppraisalIn:
    """
    Attributes:
        appraised_on (datetime.date): 鉴定日期
        grade (MonitoringHousingGrade): 农村住房安全性鉴定等级 (住建部《农村危险房屋鉴定技术导则》): C and D are 危房.
        appraiser (str): 鉴定单位或鉴定人
    """

    appraised_on: datetime.date
    grade: MonitoringHousingGrade
    appraiser: str

    def to_dict(self) -> dict[str, Any]:
        appraised_on = self.appraised_on.isoformat()

        grade = self.grade.value

        appraiser = self.appraiser

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "appraised_on": appraised_on,
                "grade": grade,
                "appraiser": appraiser,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appraised_on = datetime.date.fromisoformat(d.pop("appraised_on"))

        grade = MonitoringHousingGrade(d.pop("grade"))

        appraiser = d.pop("appraiser")

        monitoring_appraisal_in = cls(
            appraised_on=appraised_on,
            grade=grade,
            appraiser=appraiser,
        )

        return monitoring_appraisal_in
