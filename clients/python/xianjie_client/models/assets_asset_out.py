from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assets_asset_kind import AssetsAssetKind
from ..models.assets_asset_origin import AssetsAssetOrigin
from ..models.assets_asset_status import AssetsAssetStatus
from ..models.assets_owner_kind import AssetsOwnerKind
from ..models.assets_use_status import AssetsUseStatus

T = TypeVar("T", bound="AssetsAssetOut")


@_attrs_define
class AssetsAssetOut:
    """
    Attributes:
        id (UUID):
        name (str):
        kind (AssetsAssetKind): operating=经营性；public_welfare=公益性；household=到户类
        category (str):
        town_code (str):
        village_code (str):
        latitude (None | str):
        longitude (None | str):
        value (str):
        formed_on (datetime.date):
        source_project_id (None | UUID):
        source_asset_ref (None | str):
        owner_kind (AssetsOwnerKind): village_collective=村集体；household=农户；other=其他
        owner_name (None | str):
        manager_name (None | str):
        status (AssetsAssetStatus): An asset's life (domain §4): formed → 确权 → 移交 → 管护运营 → 处置.
        origin (AssetsAssetOrigin): Where a ledger line comes from, so the one ledger (统一台账) says which lines predate
            it.
        legacy_ref (None | str):
        legacy_project_name (None | str):
        use_status (AssetsUseStatus | None):
        use_status_since (datetime.date | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        kind_label (str): kind 的中文名称
        origin_label (str): origin 的中文名称
        use_status_label (None | str): use_status 的中文名称
        owner_kind_label (str): owner_kind 的中文名称
        status_label (str): status 的中文名称
    """

    id: UUID
    name: str
    kind: AssetsAssetKind
    category: str
    town_code: str
    village_code: str
    latitude: None | str
    longitude: None | str
    value: str
    formed_on: datetime.date
    source_project_id: None | UUID
    source_asset_ref: None | str
    owner_kind: AssetsOwnerKind
    owner_name: None | str
    manager_name: None | str
    status: AssetsAssetStatus
    origin: AssetsAssetOrigin
    legacy_ref: None | str
    legacy_project_name: None | str
    use_status: AssetsUseStatus | None
    use_status_since: datetime.date | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind_label: str
    origin_label: str
    use_status_label: None | str
    owner_kind_label: str
    status_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        kind = self.kind.value

        category = self.category

        town_code = self.town_code

        village_code = self.village_code

        latitude: None | str
        latitude = self.latitude

        longitude: None | str
        longitude = self.longitude

        value = self.value

        formed_on = self.formed_on.isoformat()

        source_project_id: None | str
        if isinstance(self.source_project_id, UUID):
            source_project_id = str(self.source_project_id)
        else:
            source_project_id = self.source_project_id

        source_asset_ref: None | str
        source_asset_ref = self.source_asset_ref

        owner_kind = self.owner_kind.value

        owner_name: None | str
        owner_name = self.owner_name

        manager_name: None | str
        manager_name = self.manager_name

        status = self.status.value

        origin = self.origin.value

        legacy_ref: None | str
        legacy_ref = self.legacy_ref

        legacy_project_name: None | str
        legacy_project_name = self.legacy_project_name

        use_status: None | str
        if isinstance(self.use_status, AssetsUseStatus):
            use_status = self.use_status.value
        else:
            use_status = self.use_status

        use_status_since: None | str
        if isinstance(self.use_status_since, datetime.date):
            use_status_since = self.use_status_since.isoformat()
        else:
            use_status_since = self.use_status_since

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        kind_label = self.kind_label

        origin_label = self.origin_label

        use_status_label: None | str
        use_status_label = self.use_status_label

        owner_kind_label = self.owner_kind_label

        status_label = self.status_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "category": category,
                "town_code": town_code,
                "village_code": village_code,
                "latitude": latitude,
                "longitude": longitude,
                "value": value,
                "formed_on": formed_on,
                "source_project_id": source_project_id,
                "source_asset_ref": source_asset_ref,
                "owner_kind": owner_kind,
                "owner_name": owner_name,
                "manager_name": manager_name,
                "status": status,
                "origin": origin,
                "legacy_ref": legacy_ref,
                "legacy_project_name": legacy_project_name,
                "use_status": use_status,
                "use_status_since": use_status_since,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "kind_label": kind_label,
                "origin_label": origin_label,
                "use_status_label": use_status_label,
                "owner_kind_label": owner_kind_label,
                "status_label": status_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        kind = AssetsAssetKind(d.pop("kind"))

        category = d.pop("category")

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        def _parse_latitude(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        latitude = _parse_latitude(d.pop("latitude"))

        def _parse_longitude(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        longitude = _parse_longitude(d.pop("longitude"))

        value = d.pop("value")

        formed_on = datetime.date.fromisoformat(d.pop("formed_on"))

        def _parse_source_project_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_project_id_type_0 = UUID(data)

                return source_project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        source_project_id = _parse_source_project_id(d.pop("source_project_id"))

        def _parse_source_asset_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_asset_ref = _parse_source_asset_ref(d.pop("source_asset_ref"))

        owner_kind = AssetsOwnerKind(d.pop("owner_kind"))

        def _parse_owner_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner_name = _parse_owner_name(d.pop("owner_name"))

        def _parse_manager_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        manager_name = _parse_manager_name(d.pop("manager_name"))

        status = AssetsAssetStatus(d.pop("status"))

        origin = AssetsAssetOrigin(d.pop("origin"))

        def _parse_legacy_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        legacy_ref = _parse_legacy_ref(d.pop("legacy_ref"))

        def _parse_legacy_project_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        legacy_project_name = _parse_legacy_project_name(d.pop("legacy_project_name"))

        def _parse_use_status(data: object) -> AssetsUseStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                use_status_type_0 = AssetsUseStatus(data)

                return use_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetsUseStatus | None, data)

        use_status = _parse_use_status(d.pop("use_status"))

        def _parse_use_status_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                use_status_since_type_0 = datetime.date.fromisoformat(data)

                return use_status_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        use_status_since = _parse_use_status_since(d.pop("use_status_since"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        kind_label = d.pop("kind_label")

        origin_label = d.pop("origin_label")

        def _parse_use_status_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        use_status_label = _parse_use_status_label(d.pop("use_status_label"))

        owner_kind_label = d.pop("owner_kind_label")

        status_label = d.pop("status_label")

        assets_asset_out = cls(
            id=id,
            name=name,
            kind=kind,
            category=category,
            town_code=town_code,
            village_code=village_code,
            latitude=latitude,
            longitude=longitude,
            value=value,
            formed_on=formed_on,
            source_project_id=source_project_id,
            source_asset_ref=source_asset_ref,
            owner_kind=owner_kind,
            owner_name=owner_name,
            manager_name=manager_name,
            status=status,
            origin=origin,
            legacy_ref=legacy_ref,
            legacy_project_name=legacy_project_name,
            use_status=use_status,
            use_status_since=use_status_since,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            kind_label=kind_label,
            origin_label=origin_label,
            use_status_label=use_status_label,
            owner_kind_label=owner_kind_label,
            status_label=status_label,
        )

        assets_asset_out.additional_properties = d
        return assets_asset_out

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
