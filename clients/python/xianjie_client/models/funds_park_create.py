from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsParkCreate")


@_attrs_define
class FundsParkCreate:
    """
    Attributes:
        town_code (str): 乡镇（街道）代码
        name (str):
        established_year (int | None | Unset):
    """

    town_code: str
    name: str
    established_year: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        town_code = self.town_code

        name = self.name

        established_year: int | None | Unset
        if isinstance(self.established_year, Unset):
            established_year = UNSET
        else:
            established_year = self.established_year

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "town_code": town_code,
                "name": name,
            }
        )
        if established_year is not UNSET:
            field_dict["established_year"] = established_year

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        town_code = d.pop("town_code")

        name = d.pop("name")

        def _parse_established_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        established_year = _parse_established_year(d.pop("established_year", UNSET))

        funds_park_create = cls(
            town_code=town_code,
            name=name,
            established_year=established_year,
        )

        return funds_park_create
