from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.assets_owner_kind import AssetsOwnerKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assets_document import AssetsDocument


T = TypeVar("T", bound="AssetsConfirmOwnership")


@_attrs_define
class AssetsConfirmOwnership:
    """确权: who owns the asset from now on.

    Attributes:
        occurred_on (datetime.date): 发生日期
        action (Literal['confirm_ownership']):
        owner_kind (AssetsOwnerKind): village_collective=村集体；household=农户；other=其他
        owner_name (str): 产权主体（组织名称）
        reason (None | str | Unset): 事由
        documents (list[AssetsDocument] | Unset):
    """

    occurred_on: datetime.date
    action: Literal["confirm_ownership"]
    owner_kind: AssetsOwnerKind
    owner_name: str
    reason: None | str | Unset = UNSET
    documents: list[AssetsDocument] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        occurred_on = self.occurred_on.isoformat()

        action = self.action

        owner_kind = self.owner_kind.value

        owner_name = self.owner_name

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                documents.append(documents_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "occurred_on": occurred_on,
                "action": action,
                "owner_kind": owner_kind,
                "owner_name": owner_name,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if documents is not UNSET:
            field_dict["documents"] = documents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assets_document import AssetsDocument  # noqa: PLC0415

        d = dict(src_dict)
        occurred_on = datetime.date.fromisoformat(d.pop("occurred_on"))

        action = cast(Literal["confirm_ownership"], d.pop("action"))
        if action != "confirm_ownership":
            raise ValueError(f"action must match const 'confirm_ownership', got '{action}'")

        owner_kind = AssetsOwnerKind(d.pop("owner_kind"))

        owner_name = d.pop("owner_name")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        _documents = d.pop("documents", UNSET)
        documents: list[AssetsDocument] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = AssetsDocument.from_dict(documents_item_data)

                documents.append(documents_item)

        assets_confirm_ownership = cls(
            occurred_on=occurred_on,
            action=action,
            owner_kind=owner_kind,
            owner_name=owner_name,
            reason=reason,
            documents=documents,
        )

        return assets_confirm_ownership
