from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsSiteCreate")


@_attrs_define
class FundsSiteCreate:
    """
    Attributes:
        name (str):
        village_code (None | str | Unset): 所在村，须属项目所在乡镇
        weight (float | str | Unset): 工作量权重 Default: 1.0.
    """

    name: str
    village_code: None | str | Unset = UNSET
    weight: float | str | Unset = 1.0

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        village_code: None | str | Unset
        if isinstance(self.village_code, Unset):
            village_code = UNSET
        else:
            village_code = self.village_code

        weight: float | str | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        else:
            weight = self.weight

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if village_code is not UNSET:
            field_dict["village_code"] = village_code
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_village_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        village_code = _parse_village_code(d.pop("village_code", UNSET))

        def _parse_weight(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        weight = _parse_weight(d.pop("weight", UNSET))

        funds_site_create = cls(
            name=name,
            village_code=village_code,
            weight=weight,
        )

        return funds_site_create
