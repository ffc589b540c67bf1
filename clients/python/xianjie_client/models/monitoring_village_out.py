from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringVillageOut")


@_attrs_define
class MonitoringVillageOut:
    """
    Attributes:
        village_code (str):
        town_code (str):
        lifted_out_village (bool):
        since (datetime.date):
        version (int):
        updated_at (datetime.datetime):
        village_name (None | str | Unset):
    """

    village_code: str
    town_code: str
    lifted_out_village: bool
    since: datetime.date
    version: int
    updated_at: datetime.datetime
    village_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        village_code = self.village_code

        town_code = self.town_code

        lifted_out_village = self.lifted_out_village

        since = self.since.isoformat()

        version = self.version

        updated_at = self.updated_at.isoformat()

        village_name: None | str | Unset
        if isinstance(self.village_name, Unset):
            village_name = UNSET
        else:
            village_name = self.village_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "village_code": village_code,
                "town_code": town_code,
                "lifted_out_village": lifted_out_village,
                "since": since,
                "version": version,
                "updated_at": updated_at,
            }
        )
        if village_name is not UNSET:
            field_dict["village_name"] = village_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        village_code = d.pop("village_code")

        town_code = d.pop("town_code")

        lifted_out_village = d.pop("lifted_out_village")

        since = datetime.date.fromisoformat(d.pop("since"))

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_village_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        village_name = _parse_village_name(d.pop("village_name", UNSET))

        monitoring_village_out = cls(
            village_code=village_code,
            town_code=town_code,
            lifted_out_village=lifted_out_village,
            since=since,
            version=version,
            updated_at=updated_at,
            village_name=village_name,
        )

        monitoring_village_out.additional_properties = d
        return monitoring_village_out

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
