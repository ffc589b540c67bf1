from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_asset_kind import FundsAssetKind
from ..models.funds_owner_kind import FundsOwnerKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsProjectAssetOut")


@_attrs_define
class FundsProjectAssetOut:
    """
    Attributes:
        asset_ref (str):
        name (str):
        kind (FundsAssetKind): operating=经营性；public_welfare=公益性；household=到户类
        category (str):
        value (str):
        town_code (str):
        village_code (str):
        owner_kind (FundsOwnerKind): village_collective=村集体；household=农户；other=其他
        asset_id (None | Unset | UUID): 资产台账中的资产（登记后）
    """

    asset_ref: str
    name: str
    kind: FundsAssetKind
    category: str
    value: str
    town_code: str
    village_code: str
    owner_kind: FundsOwnerKind
    asset_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_ref = self.asset_ref

        name = self.name

        kind = self.kind.value

        category = self.category

        value = self.value

        town_code = self.town_code

        village_code = self.village_code

        owner_kind = self.owner_kind.value

        asset_id: None | str | Unset
        if isinstance(self.asset_id, Unset):
            asset_id = UNSET
        elif isinstance(self.asset_id, UUID):
            asset_id = str(self.asset_id)
        else:
            asset_id = self.asset_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset_ref": asset_ref,
                "name": name,
                "kind": kind,
                "category": category,
                "value": value,
                "town_code": town_code,
                "village_code": village_code,
                "owner_kind": owner_kind,
            }
        )
        if asset_id is not UNSET:
            field_dict["asset_id"] = asset_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_ref = d.pop("asset_ref")

        name = d.pop("name")

        kind = FundsAssetKind(d.pop("kind"))

        category = d.pop("category")

        value = d.pop("value")

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        owner_kind = FundsOwnerKind(d.pop("owner_kind"))

        def _parse_asset_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                asset_id_type_0 = UUID(data)

                return asset_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        asset_id = _parse_asset_id(d.pop("asset_id", UNSET))

        funds_project_asset_out = cls(
            asset_ref=asset_ref,
            name=name,
            kind=kind,
            category=category,
            value=value,
            town_code=town_code,
            village_code=village_code,
            owner_kind=owner_kind,
            asset_id=asset_id,
        )

        funds_project_asset_out.additional_properties = d
        return funds_project_asset_out

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
