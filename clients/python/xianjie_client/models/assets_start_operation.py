from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assets_document import AssetsDocument


T = TypeVar("T", bound="AssetsStartOperation")


@_attrs_define
class AssetsStartOperation:
    """投入管护运营.

    Attributes:
        occurred_on (datetime.date): 发生日期
        action (Literal['start_operation']):
        reason (None | str | Unset): 事由
        documents (list[AssetsDocument] | Unset):
    """

    occurred_on: datetime.date
    action: Literal["start_operation"]
    reason: None | str | Unset = UNSET
    documents: list[AssetsDocument] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        occurred_on = self.occurred_on.isoformat()

        action = self.action

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

        action = cast(Literal["start_operation"], d.pop("action"))
        if action != "start_operation":
            raise ValueError(f"action must match const 'start_operation', got '{action}'")

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

        assets_start_operation = cls(
            occurred_on=occurred_on,
            action=action,
            reason=reason,
            documents=documents,
        )

        return assets_start_operation
