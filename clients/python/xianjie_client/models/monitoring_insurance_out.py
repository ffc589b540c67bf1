from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_insurance_subsidy import MonitoringInsuranceSubsidy

T = TypeVar("T", bound="MonitoringInsuranceOut")


@_attrs_define
class MonitoringInsuranceOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        member_id (UUID):
        year (int):
        insured (bool):
        subsidy (MonitoringInsuranceSubsidy): 分类资助参保: the category a member's 城乡居民医保 contribution is subsidised in.
        subsidy_amount (str):
        version (int):
        updated_at (datetime.datetime):
        subsidy_label (str): subsidy 的中文名称
    """

    id: UUID
    household_id: UUID
    member_id: UUID
    year: int
    insured: bool
    subsidy: MonitoringInsuranceSubsidy
    subsidy_amount: str
    version: int
    updated_at: datetime.datetime
    subsidy_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        member_id = str(self.member_id)

        year = self.year

        insured = self.insured

        subsidy = self.subsidy.value

        subsidy_amount = self.subsidy_amount

        version = self.version

        updated_at = self.updated_at.isoformat()

        subsidy_label = self.subsidy_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "member_id": member_id,
                "year": year,
                "insured": insured,
                "subsidy": subsidy,
                "subsidy_amount": subsidy_amount,
                "version": version,
                "updated_at": updated_at,
                "subsidy_label": subsidy_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        member_id = UUID(d.pop("member_id"))

        year = d.pop("year")

        insured = d.pop("insured")

        subsidy = MonitoringInsuranceSubsidy(d.pop("subsidy"))

        subsidy_amount = d.pop("subsidy_amount")

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        subsidy_label = d.pop("subsidy_label")

        monitoring_insurance_out = cls(
            id=id,
            household_id=household_id,
            member_id=member_id,
            year=year,
            insured=insured,
            subsidy=subsidy,
            subsidy_amount=subsidy_amount,
            version=version,
            updated_at=updated_at,
            subsidy_label=subsidy_label,
        )

        monitoring_insurance_out.additional_properties = d
        return monitoring_insurance_out

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
