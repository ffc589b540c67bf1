from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonitoringWaterCheckOut")


@_attrs_define
class MonitoringWaterCheckOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        checked_on (datetime.date):
        safe (bool):
        finding (str):
        created_at (datetime.datetime):
    """

    id: UUID
    household_id: UUID
    checked_on: datetime.date
    safe: bool
    finding: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        checked_on = self.checked_on.isoformat()

        safe = self.safe

        finding = self.finding

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "checked_on": checked_on,
                "safe": safe,
                "finding": finding,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        checked_on = datetime.date.fromisoformat(d.pop("checked_on"))

        safe = d.pop("safe")

        finding = d.pop("finding")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        monitoring_water_check_out = cls(
            id=id,
            household_id=household_id,
            checked_on=checked_on,
            safe=safe,
            finding=finding,
            created_at=created_at,
        )

        monitoring_water_check_out.additional_properties = d
        return monitoring_water_check_out

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
