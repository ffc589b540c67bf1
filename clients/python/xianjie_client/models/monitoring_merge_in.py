from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringMergeIn")


@_attrs_define
class MonitoringMergeIn:
    """
    Attributes:
        into_household_id (UUID): 并入的农户（须在您的辖区内）
        effective_on (datetime.date): 变动生效日期：不晚于今天，不早于农户立户或成员入户之日
        reason (str): 变动原因或依据（必填，留痕）
    """

    into_household_id: UUID
    effective_on: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        into_household_id = str(self.into_household_id)

        effective_on = self.effective_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "into_household_id": into_household_id,
                "effective_on": effective_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        into_household_id = UUID(d.pop("into_household_id"))

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        reason = d.pop("reason")

        monitoring_merge_in = cls(
            into_household_id=into_household_id,
            effective_on=effective_on,
            reason=reason,
        )

        return monitoring_merge_in
