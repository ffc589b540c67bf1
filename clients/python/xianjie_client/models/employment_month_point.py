from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.employment_month_point_by_place import EmploymentMonthPointByPlace


T = TypeVar("T", bound="EmploymentMonthPoint")


@_attrs_define
class EmploymentMonthPoint:
    """
    Attributes:
        month (str):
        as_of (datetime.date): 统计日（月末；当月为今天）
        employed (int):
        by_place (EmploymentMonthPointByPlace):
    """

    month: str
    as_of: datetime.date
    employed: int
    by_place: EmploymentMonthPointByPlace
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        as_of = self.as_of.isoformat()

        employed = self.employed

        by_place = self.by_place.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "as_of": as_of,
                "employed": employed,
                "by_place": by_place,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employment_month_point_by_place import EmploymentMonthPointByPlace  # noqa: PLC0415

        d = dict(src_dict)
        month = d.pop("month")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        employed = d.pop("employed")

        by_place = EmploymentMonthPointByPlace.from_dict(d.pop("by_place"))

        employment_month_point = cls(
            month=month,
            as_of=as_of,
            employed=employed,
            by_place=by_place,
        )

        employment_month_point.additional_properties = d
        return employment_month_point

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
