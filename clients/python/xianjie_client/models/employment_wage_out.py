from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EmploymentWageOut")


@_attrs_define
class EmploymentWageOut:
    """
    Attributes:
        id (UUID):
        spell_id (UUID):
        worker_id (UUID):
        month (datetime.date): 起始月份（该月 1 日）
        monthly_wage (str):
        created_at (datetime.datetime):
    """

    id: UUID
    spell_id: UUID
    worker_id: UUID
    month: datetime.date
    monthly_wage: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        spell_id = str(self.spell_id)

        worker_id = str(self.worker_id)

        month = self.month.isoformat()

        monthly_wage = self.monthly_wage

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "spell_id": spell_id,
                "worker_id": worker_id,
                "month": month,
                "monthly_wage": monthly_wage,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        spell_id = UUID(d.pop("spell_id"))

        worker_id = UUID(d.pop("worker_id"))

        month = datetime.date.fromisoformat(d.pop("month"))

        monthly_wage = d.pop("monthly_wage")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        employment_wage_out = cls(
            id=id,
            spell_id=spell_id,
            worker_id=worker_id,
            month=month,
            monthly_wage=monthly_wage,
            created_at=created_at,
        )

        employment_wage_out.additional_properties = d
        return employment_wage_out

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
