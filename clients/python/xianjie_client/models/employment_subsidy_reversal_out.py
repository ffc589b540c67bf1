from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EmploymentSubsidyReversalOut")


@_attrs_define
class EmploymentSubsidyReversalOut:
    """
    Attributes:
        id (UUID):
        subsidy_id (UUID):
        town_code (str):
        village_code (str):
        amount (str): 冲销金额（原发放金额）
        reason (str):
        reversed_on (datetime.date):
        created_at (datetime.datetime):
    """

    id: UUID
    subsidy_id: UUID
    town_code: str
    village_code: str
    amount: str
    reason: str
    reversed_on: datetime.date
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        subsidy_id = str(self.subsidy_id)

        town_code = self.town_code

        village_code = self.village_code

        amount = self.amount

        reason = self.reason

        reversed_on = self.reversed_on.isoformat()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "subsidy_id": subsidy_id,
                "town_code": town_code,
                "village_code": village_code,
                "amount": amount,
                "reason": reason,
                "reversed_on": reversed_on,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        subsidy_id = UUID(d.pop("subsidy_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        amount = d.pop("amount")

        reason = d.pop("reason")

        reversed_on = datetime.date.fromisoformat(d.pop("reversed_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        employment_subsidy_reversal_out = cls(
            id=id,
            subsidy_id=subsidy_id,
            town_code=town_code,
            village_code=village_code,
            amount=amount,
            reason=reason,
            reversed_on=reversed_on,
            created_at=created_at,
        )

        employment_subsidy_reversal_out.additional_properties = d
        return employment_subsidy_reversal_out

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
