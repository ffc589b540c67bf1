from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssetsPvStationOut")


@_attrs_define
class AssetsPvStationOut:
    """
    Attributes:
        asset_id (UUID):
        capacity_kw (str):
        grid_connected_on (datetime.date | None):
        version (int):
        updated_at (datetime.datetime):
    """

    asset_id: UUID
    capacity_kw: str
    grid_connected_on: datetime.date | None
    version: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_id = str(self.asset_id)

        capacity_kw = self.capacity_kw

        grid_connected_on: None | str
        if isinstance(self.grid_connected_on, datetime.date):
            grid_connected_on = self.grid_connected_on.isoformat()
        else:
            grid_connected_on = self.grid_connected_on

        version = self.version

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset_id": asset_id,
                "capacity_kw": capacity_kw,
                "grid_connected_on": grid_connected_on,
                "version": version,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_id = UUID(d.pop("asset_id"))

        capacity_kw = d.pop("capacity_kw")

        def _parse_grid_connected_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grid_connected_on_type_0 = datetime.date.fromisoformat(data)

                return grid_connected_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        grid_connected_on = _parse_grid_connected_on(d.pop("grid_connected_on"))

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        assets_pv_station_out = cls(
            asset_id=asset_id,
            capacity_kw=capacity_kw,
            grid_connected_on=grid_connected_on,
            version=version,
            updated_at=updated_at,
        )

        assets_pv_station_out.additional_properties = d
        return assets_pv_station_out

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
