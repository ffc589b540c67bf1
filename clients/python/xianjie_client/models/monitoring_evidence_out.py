from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_evidence_kind import MonitoringEvidenceKind

T = TypeVar("T", bound="MonitoringEvidenceOut")


@_attrs_define
class MonitoringEvidenceOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        kind (MonitoringEvidenceKind): What a file shows (issue 11): the paper trail the workflow's steps rest on.
        visit_id (None | UUID):
        transition_id (int | None):
        description (str):
        file_name (str): 下载时的文件名（已清理，扩展名按实际类型）
        media_type (str): 按文件内容识别的类型：image/jpeg、image/png、application/pdf
        size_bytes (int):
        sha256 (str):
        uploaded_by (str):
        uploaded_role (str):
        uploaded_at (datetime.datetime):
        withdrawn_at (datetime.datetime | None):
        withdrawn_by (None | str):
        withdrawal_reason (None | str):
        version (int):
        updated_at (datetime.datetime):
        kind_label (str): kind 的中文名称
        withdrawn (bool): 已撤回（撤回的材料仍保留，可查可下载）
    """

    id: UUID
    household_id: UUID
    kind: MonitoringEvidenceKind
    visit_id: None | UUID
    transition_id: int | None
    description: str
    file_name: str
    media_type: str
    size_bytes: int
    sha256: str
    uploaded_by: str
    uploaded_role: str
    uploaded_at: datetime.datetime
    withdrawn_at: datetime.datetime | None
    withdrawn_by: None | str
    withdrawal_reason: None | str
    version: int
    updated_at: datetime.datetime
    kind_label: str
    withdrawn: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        kind = self.kind.value

        visit_id: None | str
        if isinstance(self.visit_id, UUID):
            visit_id = str(self.visit_id)
        else:
            visit_id = self.visit_id

        transition_id: int | None
        transition_id = self.transition_id

        description = self.description

        file_name = self.file_name

        media_type = self.media_type

        size_bytes = self.size_bytes

        sha256 = self.sha256

        uploaded_by = self.uploaded_by

        uploaded_role = self.uploaded_role

        uploaded_at = self.uploaded_at.isoformat()

        withdrawn_at: None | str
        if isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        withdrawn_by: None | str
        withdrawn_by = self.withdrawn_by

        withdrawal_reason: None | str
        withdrawal_reason = self.withdrawal_reason

        version = self.version

        updated_at = self.updated_at.isoformat()

        kind_label = self.kind_label

        withdrawn = self.withdrawn

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "kind": kind,
                "visit_id": visit_id,
                "transition_id": transition_id,
                "description": description,
                "file_name": file_name,
                "media_type": media_type,
                "size_bytes": size_bytes,
                "sha256": sha256,
                "uploaded_by": uploaded_by,
                "uploaded_role": uploaded_role,
                "uploaded_at": uploaded_at,
                "withdrawn_at": withdrawn_at,
                "withdrawn_by": withdrawn_by,
                "withdrawal_reason": withdrawal_reason,
                "version": version,
                "updated_at": updated_at,
                "kind_label": kind_label,
                "withdrawn": withdrawn,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        kind = MonitoringEvidenceKind(d.pop("kind"))

        def _parse_visit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visit_id_type_0 = UUID(data)

                return visit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        visit_id = _parse_visit_id(d.pop("visit_id"))

        def _parse_transition_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        transition_id = _parse_transition_id(d.pop("transition_id"))

        description = d.pop("description")

        file_name = d.pop("file_name")

        media_type = d.pop("media_type")

        size_bytes = d.pop("size_bytes")

        sha256 = d.pop("sha256")

        uploaded_by = d.pop("uploaded_by")

        uploaded_role = d.pop("uploaded_role")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        def _parse_withdrawn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at"))

        def _parse_withdrawn_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        withdrawn_by = _parse_withdrawn_by(d.pop("withdrawn_by"))

        def _parse_withdrawal_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        withdrawal_reason = _parse_withdrawal_reason(d.pop("withdrawal_reason"))

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        kind_label = d.pop("kind_label")

        withdrawn = d.pop("withdrawn")

        monitoring_evidence_out = cls(
            id=id,
            household_id=household_id,
            kind=kind,
            visit_id=visit_id,
            transition_id=transition_id,
            description=description,
            file_name=file_name,
            media_type=media_type,
            size_bytes=size_bytes,
            sha256=sha256,
            uploaded_by=uploaded_by,
            uploaded_role=uploaded_role,
            uploaded_at=uploaded_at,
            withdrawn_at=withdrawn_at,
            withdrawn_by=withdrawn_by,
            withdrawal_reason=withdrawal_reason,
            version=version,
            updated_at=updated_at,
            kind_label=kind_label,
            withdrawn=withdrawn,
        )

        monitoring_evidence_out.additional_properties = d
        return monitoring_evidence_out

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
