from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EmploymentTownCount")


@_attrs_define
class EmploymentTownCount:
    """
    Attributes:
        town_code (str):
        town_name (None | str):
        employed (int):
    """

    town_code: str
    town_name: None | str
    employed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        town_code = self.town_code

        town_name: None | str
        town_name = self.town_name

        employed = self.employed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "town_code": town_code,
                "town_name": town_name,
                "employed": employed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        town_code = d.pop("town_code")

        def _parse_town_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        town_name = _parse_town_name(d.pop("town_name"))

        employed = d.pop("employed")

        employment_town_count = cls(
            town_code=town_code,
            town_name=town_name,
            employed=employed,
        )

        employment_town_count.additional_properties = d
        return employment_town_count

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
