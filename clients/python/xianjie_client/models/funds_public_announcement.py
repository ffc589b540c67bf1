from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_announcement_kind import FundsAnnouncementKind

if TYPE_CHECKING:
    from ..models.funds_public_project import FundsPublicProject


T = TypeVar("T", bound="FundsPublicAnnouncement")


@_attrs_define
class FundsPublicAnnouncement:
    """
    Attributes:
        id (UUID):
        kind (FundsAnnouncementKind): plan=项目计划公示；result=项目结果公告
        starts_on (datetime.date): 公示开始
        ends_on (datetime.date): 公示结束
        project (FundsPublicProject): What the public sees of a project: no people, only the project and its money.
        kind_label (str): kind 的中文名称
    """

    id: UUID
    kind: FundsAnnouncementKind
    starts_on: datetime.date
    ends_on: datetime.date
    project: FundsPublicProject
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        project = self.project.to_dict()

        kind_label = self.kind_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "project": project,
                "kind_label": kind_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.funds_public_project import FundsPublicProject  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = FundsAnnouncementKind(d.pop("kind"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        project = FundsPublicProject.from_dict(d.pop("project"))

        kind_label = d.pop("kind_label")

        funds_public_announcement = cls(
            id=id,
            kind=kind,
            starts_on=starts_on,
            ends_on=ends_on,
            project=project,
            kind_label=kind_label,
        )

        funds_public_announcement.additional_properties = d
        return funds_public_announcement

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
