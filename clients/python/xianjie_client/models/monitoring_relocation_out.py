from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonitoringRelocationOut")


@_attrs_define
class MonitoringRelocationOut:
    """
    Attributes:
        household_id (UUID):
        site_id (UUID):
        moved_on (datetime.date):
        recorded_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    household_id: UUID
    site_id: UUID
    moved_on: datetime.date
    recorded_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        household_id = str(self.household_id)

        site_id = str(self.site_id)

        moved_on = self.moved_on.isoformat()

        recorded_by = self.recorded_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "household_id": household_id,
                "site_id": site_id,
                "moved_on": moved_on,
                "recorded_by": recorded_by,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        household_id = UUID(d.pop("household_id"))

        site_id = UUID(d.pop("site_id"))

        moved_on = datetime.date.fromisoformat(d.pop("moved_on"))

        recorded_by = d.pop("recorded_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        monitoring_relocation_out = cls(
            household_id=household_id,
            site_id=site_id,
            moved_on=moved_on,
            recorded_by=recorded_by,
            created_at=created_at,
            updated_at=updated_at,
        )

        monitoring_relocation_out.additional_properties = d
        return monitoring_relocation_out

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
