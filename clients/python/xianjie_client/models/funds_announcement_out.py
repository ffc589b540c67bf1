from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_announcement_kind import FundsAnnouncementKind

T = TypeVar("T", bound="FundsAnnouncementOut")


@_attrs_define
class FundsAnnouncementOut:
    """
    Attributes:
        id (UUID):
        project_id (UUID):
        kind (FundsAnnouncementKind): plan=项目计划公示；result=项目结果公告
        starts_on (datetime.date):
        ends_on (datetime.date):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        kind_label (str): kind 的中文名称
    """

    id: UUID
    project_id: UUID
    kind: FundsAnnouncementKind
    starts_on: datetime.date
    ends_on: datetime.date
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_id = str(self.project_id)

        kind = self.kind.value

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        kind_label = self.kind_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "kind": kind,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "created_at": created_at,
                "updated_at": updated_at,
                "kind_label": kind_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_id = UUID(d.pop("project_id"))

        kind = FundsAnnouncementKind(d.pop("kind"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        kind_label = d.pop("kind_label")

        funds_announcement_out = cls(
            id=id,
            project_id=project_id,
            kind=kind,
            starts_on=starts_on,
            ends_on=ends_on,
            created_at=created_at,
            updated_at=updated_at,
            kind_label=kind_label,
        )

        funds_announcement_out.additional_properties = d
        return funds_announcement_out

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
