from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.assets_disposal_method import AssetsDisposalMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assets_approval import AssetsApproval
    from ..models.assets_document import AssetsDocument


T = TypeVar("T", bound="AssetsDispose")


@_attrs_define
class AssetsDispose:
    """处置: only with an approval, a method and a reason.

    Attributes:
        occurred_on (datetime.date): 发生日期
        action (Literal['dispose']):
        method (AssetsDisposalMethod): transfer=转让；auction=拍卖；donation=捐赠；scrap=报废；loss=损毁灭失
        reason (None | str | Unset): 事由
        documents (list[AssetsDocument] | Unset):
        approval (AssetsApproval | None | Unset): 审批（必填；缺少时拒绝处置）
    """

    occurred_on: datetime.date
    action: Literal["dispose"]
    method: AssetsDisposalMethod
    reason: None | str | Unset = UNSET
    documents: list[AssetsDocument] | Unset = UNSET
    approval: AssetsApproval | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.assets_approval import AssetsApproval  # noqa: PLC0415

        occurred_on = self.occurred_on.isoformat()

        action = self.action

        method = self.method.value

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

        approval: dict[str, Any] | None | Unset
        if isinstance(self.approval, Unset):
            approval = UNSET
        elif isinstance(self.approval, AssetsApproval):
            approval = self.approval.to_dict()
        else:
            approval = self.approval

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "occurred_on": occurred_on,
                "action": action,
                "method": method,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if documents is not UNSET:
            field_dict["documents"] = documents
        if approval is not UNSET:
            field_dict["approval"] = approval

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assets_approval import AssetsApproval  # noqa: PLC0415
        from ..models.assets_document import AssetsDocument  # noqa: PLC0415

        d = dict(src_dict)
        occurred_on = datetime.date.fromisoformat(d.pop("occurred_on"))

        action = cast(Literal["dispose"], d.pop("action"))
        if action != "dispose":
            raise ValueError(f"action must match const 'dispose', got '{action}'")

        method = AssetsDisposalMethod(d.pop("method"))

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

        def _parse_approval(data: object) -> AssetsApproval | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                approval_type_0 = AssetsApproval.from_dict(data)

                return approval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetsApproval | None | Unset, data)

        approval = _parse_approval(d.pop("approval", UNSET))

        assets_dispose = cls(
            occurred_on=occurred_on,
            action=action,
            method=method,
            reason=reason,
            documents=documents,
            approval=approval,
        )

        return assets_dispose
