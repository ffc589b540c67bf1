from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_housing_grade import MonitoringHousingGrade

T = TypeVar("T", bound="MonitoringAppraisalOut")


@_attrs_define
class MonitoringAppraisalOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        town_code (str):
        village_code (str):
        appraised_on (datetime.date):
        grade (MonitoringHousingGrade): 农村住房安全性鉴定等级 (住建部《农村危险房屋鉴定技术导则》): C and D are 危房.
        dangerous (bool):
        appraiser (str):
        created_at (datetime.datetime):
        grade_label (str): grade 的中文名称
    """

    id: UUID
    household_id: UUID
    town_code: str
    village_code: str
    appraised_on: datetime.date
    grade: MonitoringHousingGrade
    dangerous: bool
    appraiser: str
    created_at: datetime.datetime
    grade_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        town_code = self.town_code

        village_code = self.village_code

        appraised_on = self.appraised_on.isoformat()

        grade = self.grade.value

        dangerous = self.dangerous

        appraiser = self.appraiser

        created_at = self.created_at.isoformat()

        grade_label = self.grade_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "town_code": town_code,
                "village_code": village_code,
                "appraised_on": appraised_on,
                "grade": grade,
                "dangerous": dangerous,
                "appraiser": appraiser,
                "created_at": created_at,
                "grade_label": grade_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        appraised_on = datetime.date.fromisoformat(d.pop("appraised_on"))

        grade = MonitoringHousingGrade(d.pop("grade"))

        dangerous = d.pop("dangerous")

        appraiser = d.pop("appraiser")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        grade_label = d.pop("grade_label")

        monitoring_appraisal_out = cls(
            id=id,
            household_id=household_id,
            town_code=town_code,
            village_code=village_code,
            appraised_on=appraised_on,
            grade=grade,
            dangerous=dangerous,
            appraiser=appraiser,
            created_at=created_at,
            grade_label=grade_label,
        )

        monitoring_appraisal_out.additional_properties = d
        return monitoring_appraisal_out

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
