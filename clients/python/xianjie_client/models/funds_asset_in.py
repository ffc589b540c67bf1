from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.funds_asset_kind import FundsAssetKind
from ..models.funds_owner_kind import FundsOwnerKind

T = TypeVar("T", bound="FundsAssetIn")


@_attrs_define
class FundsAssetIn:
    """
    Attributes:
        asset_ref (str):
        name (str): 资产名称（不含个人信息）
        kind (FundsAssetKind): operating=经营性；public_welfare=公益性；household=到户类
        category (str):
        value (int | str): 金额（元），最多两位小数的字符串 / yuan as a decimal string
        village_code (str): 村（社区）代码
        owner_kind (FundsOwnerKind): village_collective=村集体；household=农户；other=其他
    """

    asset_ref: str
    name: str
    kind: FundsAssetKind
    category: str
    value: int | str
    village_code: str
    owner_kind: FundsOwnerKind

    def to_dict(self) -> dict[str, Any]:
        asset_ref = self.asset_ref

        name = self.name

        kind = self.kind.value

        category = self.category

        value: int | str
        value = self.value

        village_code = self.village_code

        owner_kind = self.owner_kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "asset_ref": asset_ref,
                "name": name,
                "kind": kind,
                "category": category,
                "value": value,
                "village_code": village_code,
                "owner_kind": owner_kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_ref = d.pop("asset_ref")

        name = d.pop("name")

        kind = FundsAssetKind(d.pop("kind"))

        category = d.pop("category")

        def _parse_value(data: object) -> int | str:
            return cast(int | str, data)

        value = _parse_value(d.pop("value"))

        village_code = d.pop("village_code")

        owner_kind = FundsOwnerKind(d.pop("owner_kind"))

        funds_asset_in = cls(
            asset_ref=asset_ref,
            name=name,
            kind=kind,
            category=category,
            value=value,
            village_code=village_code,
            owner_kind=owner_kind,
        )

        return funds_asset_in
