from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringVocationalIn")


@_attrs_define
class MonitoringVocationalIn:
    """
    Attributes:
        member_id (UUID):
        school (str): 就读学校
        major (str): 专业
        enrolled_on (datetime.date): 入学日期
    """

    member_id: UUID
    school: str
    major: str
    enrolled_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        school = self.school

        major = self.major

        enrolled_on = self.enrolled_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "school": school,
                "major": major,
                "enrolled_on": enrolled_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        school = d.pop("school")

        major = d.pop("major")

        enrolled_on = datetime.date.fromisoformat(d.pop("enrolled_on"))

        monitoring_vocational_in = cls(
            member_id=member_id,
            school=school,
            major=major,
            enrolled_on=enrolled_on,
        )

        return monitoring_vocational_in
