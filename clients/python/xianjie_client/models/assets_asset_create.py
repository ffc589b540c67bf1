from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.assets_asset_kind import AssetsAssetKind
from ..models.assets_owner_kind import AssetsOwnerKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetsAssetCreate")


@_attrs_define
class AssetsAssetCreate:
    """
    Attributes:
        name (str): 资产名称
        kind (AssetsAssetKind): operating=经营性；public_welfare=公益性；household=到户类
        category (str): 资产类别，如 光伏电站、厂房、道路
        town_code (str): 乡镇（街道）代码
        village_code (str): 村（社区）代码
        value (int | str): 资产价值（元）
        formed_on (datetime.date): 资产形成日期
        owner_kind (AssetsOwnerKind): village_collective=村集体；household=农户；other=其他
        latitude (float | None | str | Unset):
        longitude (float | None | str | Unset):
        source_project_id (None | Unset | UUID): 形成该资产的项目：须为资金服务已验收、在您辖区内的项目，资产须在项目所在乡镇（及村）
        owner_name (None | str | Unset): 产权主体（组织名称）
        manager_name (None | str | Unset): 管护主体（组织名称）
    """

    name: str
    kind: AssetsAssetKind
    category: str
    town_code: str
    village_code: str
    value: int | str
    formed_on: datetime.date
    owner_kind: AssetsOwnerKind
    latitude: float | None | str | Unset = UNSET
    longitude: float | None | str | Unset = UNSET
    source_project_id: None | Unset | UUID = UNSET
    owner_name: None | str | Unset = UNSET
    manager_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        category = self.category

        town_code = self.town_code

        village_code = self.village_code

        value: int | str
        value = self.value

        formed_on = self.formed_on.isoformat()

        owner_kind = self.owner_kind.value

        latitude: float | None | str | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        longitude: float | None | str | Unset
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude

        source_project_id: None | str | Unset
        if isinstance(self.source_project_id, Unset):
            source_project_id = UNSET
        elif isinstance(self.source_project_id, UUID):
            source_project_id = str(self.source_project_id)
        else:
            source_project_id = self.source_project_id

        owner_name: None | str | Unset
        if isinstance(self.owner_name, Unset):
            owner_name = UNSET
        else:
            owner_name = self.owner_name

        manager_name: None | str | Unset
        if isinstance(self.manager_name, Unset):
            manager_name = UNSET
        else:
            manager_name = self.manager_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "category": category,
                "town_code": town_code,
                "village_code": village_code,
                "value": value,
                "formed_on": formed_on,
                "owner_kind": owner_kind,
            }
        )
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if source_project_id is not UNSET:
            field_dict["source_project_id"] = source_project_id
        if owner_name is not UNSET:
            field_dict["owner_name"] = owner_name
        if manager_name is not UNSET:
            field_dict["manager_name"] = manager_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = AssetsAssetKind(d.pop("kind"))

        category = d.pop("category")

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        def _parse_value(data: object) -> int | str:
            return cast(int | str, data)

        value = _parse_value(d.pop("value"))

        formed_on = datetime.date.fromisoformat(d.pop("formed_on"))

        owner_kind = AssetsOwnerKind(d.pop("owner_kind"))

        def _parse_latitude(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))

        def _parse_longitude(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        longitude = _parse_longitude(d.pop("longitude", UNSET))

        def _parse_source_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_project_id_type_0 = UUID(data)

                return source_project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        source_project_id = _parse_source_project_id(d.pop("source_project_id", UNSET))

        def _parse_owner_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_name = _parse_owner_name(d.pop("owner_name", UNSET))

        def _parse_manager_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        manager_name = _parse_manager_name(d.pop("manager_name", UNSET))

        assets_asset_create = cls(
            name=name,
            kind=kind,
            category=category,
            town_code=town_code,
            village_code=village_code,
            value=value,
            formed_on=formed_on,
            owner_kind=owner_kind,
            latitude=latitude,
            longitude=longitude,
            source_project_id=source_project_id,
            owner_name=owner_name,
            manager_name=manager_name,
        )

        return assets_asset_create
