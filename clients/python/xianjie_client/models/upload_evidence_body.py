from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from .. import types
from ..models.upload_evidence_body_kind import UploadEvidenceBodyKind
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="UploadEvidenceBody")


@_attrs_define
class UploadEvidenceBody:
    """
    Attributes:
        kind (UploadEvidenceBodyKind):
        file (File): JPEG、PNG 或 PDF（按内容识别），不超过 evidence_max_bytes
        visit_id (str | Unset | UUID):
        transition_id (int | Unset):
        description (str | Unset):
    """

    kind: UploadEvidenceBodyKind
    file: File
    visit_id: str | Unset | UUID = UNSET
    transition_id: int | Unset = UNSET
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        file = self.file.to_tuple()

        visit_id: str | Unset
        if isinstance(self.visit_id, Unset):
            visit_id = UNSET
        elif isinstance(self.visit_id, UUID):
            visit_id = str(self.visit_id)
        else:
            visit_id = self.visit_id

        transition_id = self.transition_id

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "file": file,
            }
        )
        if visit_id is not UNSET:
            field_dict["visit_id"] = visit_id
        if transition_id is not UNSET:
            field_dict["transition_id"] = transition_id
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("kind", (None, str(self.kind.value).encode(), "text/plain")))

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.visit_id, Unset):
            if isinstance(self.visit_id, UUID):
                files.append(("visit_id", (None, str(self.visit_id), "text/plain")))
            else:
                files.append(("visit_id", (None, str(self.visit_id).encode(), "text/plain")))

        if not isinstance(self.transition_id, Unset):
            files.append(("transition_id", (None, str(self.transition_id).encode(), "text/plain")))

        if not isinstance(self.description, Unset):
            files.append(("description", (None, str(self.description).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = UploadEvidenceBodyKind(d.pop("kind"))

        file = File(payload=BytesIO(d.pop("file")))

        def _parse_visit_id(data: object) -> str | Unset | UUID:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visit_id_type_0 = UUID(data)

                return visit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | Unset | UUID, data)

        visit_id = _parse_visit_id(d.pop("visit_id", UNSET))

        transition_id = d.pop("transition_id", UNSET)

        description = d.pop("description", UNSET)

        upload_evidence_body = cls(
            kind=kind,
            file=file,
            visit_id=visit_id,
            transition_id=transition_id,
            description=description,
        )

        return upload_evidence_body
