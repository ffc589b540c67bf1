from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.assets_asset_kind import AssetsAssetKind
from ..models.assets_owner_kind import AssetsOwnerKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetsAssetUpdate")


@_attrs_define
class AssetsAssetUpdate:
    """
    Attributes:
        latitude (float | None | str | Unset):
        longitude (float | None | str | Unset):
        name (None | str | Unset):
        kind (AssetsAssetKind | None | Unset):
        category (None | str | Unset):
        value (int | None | str | Unset):
        formed_on (datetime.date | None | Unset):
        owner_kind (AssetsOwnerKind | None | Unset):
        owner_name (None | str | Unset):
        manager_name (None | str | Unset):
    """

    latitude: float | None | str | Unset = UNSET
    longitude: float | None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    kind: AssetsAssetKind | None | Unset = UNSET
    category: None | str | Unset = UNSET
    value: int | None | str | Unset = UNSET
    formed_on: datetime.date | None | Unset = UNSET
    owner_kind: AssetsOwnerKind | None | Unset = UNSET
    owner_name: None | str | Unset = UNSET
    manager_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, AssetsAssetKind):
            kind = self.kind.value
        else:
            kind = self.kind

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        value: int | None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        formed_on: None | str | Unset
        if isinstance(self.formed_on, Unset):
            formed_on = UNSET
        elif isinstance(self.formed_on, datetime.date):
            formed_on = self.formed_on.isoformat()
        else:
            formed_on = self.formed_on

        owner_kind: None | str | Unset
        if isinstance(self.owner_kind, Unset):
            owner_kind = UNSET
        elif isinstance(self.owner_kind, AssetsOwnerKind):
            owner_kind = self.owner_kind.value
        else:
            owner_kind = self.owner_kind

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

        field_dict.update({})
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind
        if category is not UNSET:
            field_dict["category"] = category
        if value is not UNSET:
            field_dict["value"] = value
        if formed_on is not UNSET:
            field_dict["formed_on"] = formed_on
        if owner_kind is not UNSET:
            field_dict["owner_kind"] = owner_kind
        if owner_name is not UNSET:
            field_dict["owner_name"] = owner_name
        if manager_name is not UNSET:
            field_dict["manager_name"] = manager_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_kind(data: object) -> AssetsAssetKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = AssetsAssetKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetsAssetKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_value(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        def _parse_formed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                formed_on_type_0 = datetime.date.fromisoformat(data)

                return formed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        formed_on = _parse_formed_on(d.pop("formed_on", UNSET))

        def _parse_owner_kind(data: object) -> AssetsOwnerKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_kind_type_0 = AssetsOwnerKind(data)

                return owner_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetsOwnerKind | None | Unset, data)

        owner_kind = _parse_owner_kind(d.pop("owner_kind", UNSET))

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

        assets_asset_update = cls(
            latitude=latitude,
            longitude=longitude,
            name=name,
            kind=kind,
            category=category,
            value=value,
            formed_on=formed_on,
            owner_kind=owner_kind,
            owner_name=owner_name,
            manager_name=manager_name,
        )

        return assets_asset_update
