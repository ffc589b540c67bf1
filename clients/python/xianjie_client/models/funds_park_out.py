from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundsParkOut")


@_attrs_define
class FundsParkOut:
    """
    Attributes:
        id (UUID):
        town_code (str):
        name (str):
        established_year (int | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    town_code: str
    name: str
    established_year: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        town_code = self.town_code

        name = self.name

        established_year: int | None
        established_year = self.established_year

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "town_code": town_code,
                "name": name,
                "established_year": established_year,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        town_code = d.pop("town_code")

        name = d.pop("name")

        def _parse_established_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        established_year = _parse_established_year(d.pop("established_year"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        funds_park_out = cls(
            id=id,
            town_code=town_code,
            name=name,
            established_year=established_year,
            created_at=created_at,
            updated_at=updated_at,
        )

        funds_park_out.additional_properties = d
        return funds_park_out

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
