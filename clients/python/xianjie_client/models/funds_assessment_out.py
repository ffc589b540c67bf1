from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundsAssessmentOut")


@_attrs_define
class FundsAssessmentOut:
    """
    Attributes:
        id (UUID):
        year (int):
        month (int):
        as_of (datetime.date):
        target_ratio (str):
        allocated (str):
        paid (str):
        projects_total (int):
        projects_behind (int):
        assessed_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    year: int
    month: int
    as_of: datetime.date
    target_ratio: str
    allocated: str
    paid: str
    projects_total: int
    projects_behind: int
    assessed_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        year = self.year

        month = self.month

        as_of = self.as_of.isoformat()

        target_ratio = self.target_ratio

        allocated = self.allocated

        paid = self.paid

        projects_total = self.projects_total

        projects_behind = self.projects_behind

        assessed_by = self.assessed_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "year": year,
                "month": month,
                "as_of": as_of,
                "target_ratio": target_ratio,
                "allocated": allocated,
                "paid": paid,
                "projects_total": projects_total,
                "projects_behind": projects_behind,
                "assessed_by": assessed_by,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        year = d.pop("year")

        month = d.pop("month")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        target_ratio = d.pop("target_ratio")

        allocated = d.pop("allocated")

        paid = d.pop("paid")

        projects_total = d.pop("projects_total")

        projects_behind = d.pop("projects_behind")

        assessed_by = d.pop("assessed_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        funds_assessment_out = cls(
            id=id,
            year=year,
            month=month,
            as_of=as_of,
            target_ratio=target_ratio,
            allocated=allocated,
            paid=paid,
            projects_total=projects_total,
            projects_behind=projects_behind,
            assessed_by=assessed_by,
            created_at=created_at,
            updated_at=updated_at,
        )

        funds_assessment_out.additional_properties = d
        return funds_assessment_out

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
