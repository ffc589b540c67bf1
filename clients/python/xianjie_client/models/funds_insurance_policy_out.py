from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundsInsurancePolicyOut")


@_attrs_define
class FundsInsurancePolicyOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        town_code (str):
        village_code (str):
        insurer (str):
        policy_number (str):
        starts_on (datetime.date):
        ends_on (datetime.date):
        premium (str):
        sum_insured (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    household_id: UUID
    town_code: str
    village_code: str
    insurer: str
    policy_number: str
    starts_on: datetime.date
    ends_on: datetime.date
    premium: str
    sum_insured: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        town_code = self.town_code

        village_code = self.village_code

        insurer = self.insurer

        policy_number = self.policy_number

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        premium = self.premium

        sum_insured = self.sum_insured

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "town_code": town_code,
                "village_code": village_code,
                "insurer": insurer,
                "policy_number": policy_number,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "premium": premium,
                "sum_insured": sum_insured,
                "created_at": created_at,
                "updated_at": updated_at,
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

        insurer = d.pop("insurer")

        policy_number = d.pop("policy_number")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        premium = d.pop("premium")

        sum_insured = d.pop("sum_insured")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        funds_insurance_policy_out = cls(
            id=id,
            household_id=household_id,
            town_code=town_code,
            village_code=village_code,
            insurer=insurer,
            policy_number=policy_number,
            starts_on=starts_on,
            ends_on=ends_on,
            premium=premium,
            sum_insured=sum_insured,
            created_at=created_at,
            updated_at=updated_at,
        )

        funds_insurance_policy_out.additional_properties = d
        return funds_insurance_policy_out

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
