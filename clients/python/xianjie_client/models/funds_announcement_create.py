from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.funds_announcement_kind import FundsAnnouncementKind

T = TypeVar("T", bound="FundsAnnouncementCreate")


@_attrs_define
class FundsAnnouncementCreate:
    """
    Attributes:
        kind (FundsAnnouncementKind): plan=项目计划公示；result=项目结果公告
        starts_on (datetime.date):
        ends_on (datetime.date):
    """

    kind: FundsAnnouncementKind
    starts_on: datetime.date
    ends_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "starts_on": starts_on,
                "ends_on": ends_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = FundsAnnouncementKind(d.pop("kind"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        funds_announcement_create = cls(
            kind=kind,
            starts_on=starts_on,
            ends_on=ends_on,
        )

        return funds_announcement_create
