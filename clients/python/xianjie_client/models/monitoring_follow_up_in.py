from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringFollowUpIn")


@_attrs_define
class MonitoringFollowUpIn:
    """
    Attributes:
        followed_on (datetime.date): 劝返跟进日期
        note (str): 跟进情况
    """

    followed_on: datetime.date
    note: str

    def to_dict(self) -> dict[str, Any]:
        followed_on = self.followed_on.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "followed_on": followed_on,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        followed_on = datetime.date.fromisoformat(d.pop("followed_on"))

        note = d.pop("note")

        monitoring_follow_up_in = cls(
            followed_on=followed_on,
            note=note,
        )

        return monitoring_follow_up_in
