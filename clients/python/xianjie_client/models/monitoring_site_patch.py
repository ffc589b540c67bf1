from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringSitePatch")


@_attrs_define
class MonitoringSitePatch:
    """
    Attributes:
        name (None | str | Unset):
        planned_households (int | None | Unset):
    """

    name: None | str | Unset = UNSET
    planned_households: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        planned_households: int | None | Unset
        if isinstance(self.planned_households, Unset):
            planned_households = UNSET
        else:
            planned_households = self.planned_households

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if planned_households is not UNSET:
            field_dict["planned_households"] = planned_households

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_planned_households(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        planned_households = _parse_planned_households(d.pop("planned_households", UNSET))

        monitoring_site_patch = cls(
            name=name,
            planned_households=planned_households,
        )

        return monitoring_site_patch
