from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assets_asset_status import AssetsAssetStatus
from ..models.assets_disposal_method import AssetsDisposalMethod
from ..models.assets_lifecycle_action import AssetsLifecycleAction

if TYPE_CHECKING:
    from ..models.assets_lifecycle_step_out_details_type_0 import AssetsLifecycleStepOutDetailsType0
    from ..models.assets_lifecycle_step_out_documents_item import AssetsLifecycleStepOutDocumentsItem


T = TypeVar("T", bound="AssetsLifecycleStepOut")


@_attrs_define
class AssetsLifecycleStepOut:
    """
    Attributes:
        id (UUID):
        action (AssetsLifecycleAction):
            register=登记；correct=更正登记；confirm_ownership=确权；hand_over=移交；start_operation=投入管护运营；dispose=处置
        from_status (AssetsAssetStatus | None):
        to_status (AssetsAssetStatus): An asset's life (domain §4): formed → 确权 → 移交 → 管护运营 → 处置.
        occurred_on (datetime.date):
        reason (None | str):
        documents (list[AssetsLifecycleStepOutDocumentsItem]):
        details (AssetsLifecycleStepOutDetailsType0 | None):
        disposal_method (AssetsDisposalMethod | None):
        approved_by (None | str):
        approval_ref (None | str):
        approved_on (datetime.date | None):
        actor (str):
        actor_role (str):
        recorded_at (datetime.datetime):
        action_label (str): action 的中文名称
        disposal_method_label (None | str): disposal_method 的中文名称
    """

    id: UUID
    action: AssetsLifecycleAction
    from_status: AssetsAssetStatus | None
    to_status: AssetsAssetStatus
    occurred_on: datetime.date
    reason: None | str
    documents: list[AssetsLifecycleStepOutDocumentsItem]
    details: AssetsLifecycleStepOutDetailsType0 | None
    disposal_method: AssetsDisposalMethod | None
    approved_by: None | str
    approval_ref: None | str
    approved_on: datetime.date | None
    actor: str
    actor_role: str
    recorded_at: datetime.datetime
    action_label: str
    disposal_method_label: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assets_lifecycle_step_out_details_type_0 import AssetsLifecycleStepOutDetailsType0  # noqa: PLC0415

        id = str(self.id)

        action = self.action.value

        from_status: None | str
        if isinstance(self.from_status, AssetsAssetStatus):
            from_status = self.from_status.value
        else:
            from_status = self.from_status

        to_status = self.to_status.value

        occurred_on = self.occurred_on.isoformat()

        reason: None | str
        reason = self.reason

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        details: dict[str, Any] | None
        if isinstance(self.details, AssetsLifecycleStepOutDetailsType0):
            details = self.details.to_dict()
        else:
            details = self.details

        disposal_method: None | str
        if isinstance(self.disposal_method, AssetsDisposalMethod):
            disposal_method = self.disposal_method.value
        else:
            disposal_method = self.disposal_method

        approved_by: None | str
        approved_by = self.approved_by

        approval_ref: None | str
        approval_ref = self.approval_ref

        approved_on: None | str
        if isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        actor = self.actor

        actor_role = self.actor_role

        recorded_at = self.recorded_at.isoformat()

        action_label = self.action_label

        disposal_method_label: None | str
        disposal_method_label = self.disposal_method_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "action": action,
                "from_status": from_status,
                "to_status": to_status,
                "occurred_on": occurred_on,
                "reason": reason,
                "documents": documents,
                "details": details,
                "disposal_method": disposal_method,
                "approved_by": approved_by,
                "approval_ref": approval_ref,
                "approved_on": approved_on,
                "actor": actor,
                "actor_role": actor_role,
                "recorded_at": recorded_at,
                "action_label": action_label,
                "disposal_method_label": disposal_method_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assets_lifecycle_step_out_details_type_0 import AssetsLifecycleStepOutDetailsType0  # noqa: PLC0415
        from ..models.assets_lifecycle_step_out_documents_item import AssetsLifecycleStepOutDocumentsItem  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        action = AssetsLifecycleAction(d.pop("action"))

        def _parse_from_status(data: object) -> AssetsAssetStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = AssetsAssetStatus(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetsAssetStatus | None, data)

        from_status = _parse_from_status(d.pop("from_status"))

        to_status = AssetsAssetStatus(d.pop("to_status"))

        occurred_on = datetime.date.fromisoformat(d.pop("occurred_on"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = AssetsLifecycleStepOutDocumentsItem.from_dict(documents_item_data)

            documents.append(documents_item)

        def _parse_details(data: object) -> AssetsLifecycleStepOutDetailsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_0 = AssetsLifecycleStepOutDetailsType0.from_dict(data)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetsLifecycleStepOutDetailsType0 | None, data)

        details = _parse_details(d.pop("details"))

        def _parse_disposal_method(data: object) -> AssetsDisposalMethod | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disposal_method_type_0 = AssetsDisposalMethod(data)

                return disposal_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetsDisposalMethod | None, data)

        disposal_method = _parse_disposal_method(d.pop("disposal_method"))

        def _parse_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))

        def _parse_approval_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approval_ref = _parse_approval_ref(d.pop("approval_ref"))

        def _parse_approved_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)

                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        approved_on = _parse_approved_on(d.pop("approved_on"))

        actor = d.pop("actor")

        actor_role = d.pop("actor_role")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        action_label = d.pop("action_label")

        def _parse_disposal_method_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disposal_method_label = _parse_disposal_method_label(d.pop("disposal_method_label"))

        assets_lifecycle_step_out = cls(
            id=id,
            action=action,
            from_status=from_status,
            to_status=to_status,
            occurred_on=occurred_on,
            reason=reason,
            documents=documents,
            details=details,
            disposal_method=disposal_method,
            approved_by=approved_by,
            approval_ref=approval_ref,
            approved_on=approved_on,
            actor=actor,
            actor_role=actor_role,
            recorded_at=recorded_at,
            action_label=action_label,
            disposal_method_label=disposal_method_label,
        )

        assets_lifecycle_step_out.additional_properties = d
        return assets_lifecycle_step_out

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
