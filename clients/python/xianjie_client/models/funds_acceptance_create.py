from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.funds_asset_in import FundsAssetIn


T = TypeVar("T", bound="FundsAcceptanceCreate")


@_attrs_define
class FundsAcceptanceCreate:
    """
    Attributes:
        accepted_on (datetime.date):
        reason (str): 验收结论
        documents (list[str] | Unset):
        assets (list[FundsAssetIn] | Unset): 项目形成的资产
    """

    accepted_on: datetime.date
    reason: str
    documents: list[str] | Unset = UNSET
    assets: list[FundsAssetIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        accepted_on = self.accepted_on.isoformat()

        reason = self.reason

        documents: list[str] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = self.documents

        assets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.assets, Unset):
            assets = []
            for assets_item_data in self.assets:
                assets_item = assets_item_data.to_dict()
                assets.append(assets_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accepted_on": accepted_on,
                "reason": reason,
            }
        )
        if documents is not UNSET:
            field_dict["documents"] = documents
        if assets is not UNSET:
            field_dict["assets"] = assets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.funds_asset_in import FundsAssetIn  # noqa: PLC0415

        d = dict(src_dict)
        accepted_on = datetime.date.fromisoformat(d.pop("accepted_on"))

        reason = d.pop("reason")

        documents = cast(list[str], d.pop("documents", UNSET))

        _assets = d.pop("assets", UNSET)
        assets: list[FundsAssetIn] | Unset = UNSET
        if _assets is not UNSET:
            assets = []
            for assets_item_data in _assets:
                assets_item = FundsAssetIn.from_dict(assets_item_data)

                assets.append(assets_item)

        funds_acceptance_create = cls(
            accepted_on=accepted_on,
            reason=reason,
            documents=documents,
            assets=assets,
        )

        return funds_acceptance_create
