from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.monitoring_arrival_kind import MonitoringArrivalKind

if TYPE_CHECKING:
    from ..models.monitoring_member_create import MonitoringMemberCreate


T = TypeVar("T", bound="MonitoringArrivalIn")


@_attrs_define
class MonitoringArrivalIn:
    """
    Attributes:
        kind (MonitoringArrivalKind): birth=出生；move_in=迁入；marriage_in=婚入
        effective_on (datetime.date): 变动生效日期：不晚于今天，不早于农户立户或成员入户之日
        reason (str): 变动原因或依据（必填，留痕）
        member (MonitoringMemberCreate):
    """

    kind: MonitoringArrivalKind
    effective_on: datetime.date
    reason: str
    member: MonitoringMemberCreate

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        effective_on = self.effective_on.isoformat()

        reason = self.reason

        member = self.member.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "effective_on": effective_on,
                "reason": reason,
                "member": member,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_member_create import MonitoringMemberCreate  # noqa: PLC0415

        d = dict(src_dict)
        kind = MonitoringArrivalKind(d.pop("kind"))

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        reason = d.pop("reason")

        member = MonitoringMemberCreate.from_dict(d.pop("member"))

        monitoring_arrival_in = cls(
            kind=kind,
            effective_on=effective_on,
            reason=reason,
            member=member,
        )

        return monitoring_arrival_in
