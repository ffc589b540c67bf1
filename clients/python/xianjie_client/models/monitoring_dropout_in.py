from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringDropoutIn")


@_attrs_define
class MonitoringDropoutIn:
    """
    Attributes:
        member_id (UUID):
        opened_on (datetime.date): 发现辍学（立案）日期
        reason (str): 辍学情况
    """

    member_id: UUID
    opened_on: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        opened_on = self.opened_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "opened_on": opened_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        reason = d.pop("reason")

        monitoring_dropout_in = cls(
            member_id=member_id,
            opened_on=opened_on,
            reason=reason,
        )

        return monitoring_dropout_in
