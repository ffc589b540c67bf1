from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.employment_work_place import EmploymentWorkPlace

T = TypeVar("T", bound="EmploymentPlaceCount")


@_attrs_define
class EmploymentPlaceCount:
    """
    Attributes:
        place (EmploymentWorkPlace): in_county=县内；in_province=省内县外；out_of_province=省外
        place_label (str):
        employed (int):
    """

    place: EmploymentWorkPlace
    place_label: str
    employed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        place = self.place.value

        place_label = self.place_label

        employed = self.employed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "place": place,
                "place_label": place_label,
                "employed": employed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        place = EmploymentWorkPlace(d.pop("place"))

        place_label = d.pop("place_label")

        employed = d.pop("employed")

        employment_place_count = cls(
            place=place,
            place_label=place_label,
            employed=employed,
        )

        employment_place_count.additional_properties = d
        return employment_place_count

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
