from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetsPvStationIn")


@_attrs_define
class AssetsPvStationIn:
    """
    Attributes:
        capacity_kw (float | str): 装机容量（千瓦）
        grid_connected_on (datetime.date | None | Unset): 并网日期
    """

    capacity_kw: float | str
    grid_connected_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        capacity_kw: float | str
        capacity_kw = self.capacity_kw

        grid_connected_on: None | str | Unset
        if isinstance(self.grid_connected_on, Unset):
            grid_connected_on = UNSET
        elif isinstance(self.grid_connected_on, datetime.date):
            grid_connected_on = self.grid_connected_on.isoformat()
        else:
            grid_connected_on = self.grid_connected_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "capacity_kw": capacity_kw,
            }
        )
        if grid_connected_on is not UNSET:
            field_dict["grid_connected_on"] = grid_connected_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_capacity_kw(data: object) -> float | str:
            return cast(float | str, data)

        capacity_kw = _parse_capacity_kw(d.pop("capacity_kw"))

        def _parse_grid_connected_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grid_connected_on_type_0 = datetime.date.fromisoformat(data)

                return grid_connected_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        grid_connected_on = _parse_grid_connected_on(d.pop("grid_connected_on", UNSET))

        assets_pv_station_in = cls(
            capacity_kw=capacity_kw,
            grid_connected_on=grid_connected_on,
        )

        return assets_pv_station_in
