from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.monitoring_departure_kind import MonitoringDepartureKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringDepartureIn")


@_attrs_define
class MonitoringDepartureIn:
    """
    Attributes:
        member_id (UUID):
        kind (MonitoringDepartureKind): death=死亡；move_out=迁出；marriage_out=婚出
        effective_on (datetime.date): 变动生效日期：不晚于今天，不早于农户立户或成员入户之日
        reason (str): 变动原因或依据（必填，留痕）
        new_head_member_id (None | Unset | UUID): 户主离户时必填：接任户主的在册成员
    """

    member_id: UUID
    kind: MonitoringDepartureKind
    effective_on: datetime.date
    reason: str
    new_head_member_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        kind = self.kind.value

        effective_on = self.effective_on.isoformat()

        reason = self.reason

        new_head_member_id: None | str | Unset
        if isinstance(self.new_head_member_id, Unset):
            new_head_member_id = UNSET
        elif isinstance(self.new_head_member_id, UUID):
            new_head_member_id = str(self.new_head_member_id)
        else:
            new_head_member_id = self.new_head_member_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "kind": kind,
                "effective_on": effective_on,
                "reason": reason,
            }
        )
        if new_head_member_id is not UNSET:
            field_dict["new_head_member_id"] = new_head_member_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        kind = MonitoringDepartureKind(d.pop("kind"))

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        reason = d.pop("reason")

        def _parse_new_head_member_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_head_member_id_type_0 = UUID(data)

                return new_head_member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        new_head_member_id = _parse_new_head_member_id(d.pop("new_head_member_id", UNSET))

        monitoring_departure_in = cls(
            member_id=member_id,
            kind=kind,
            effective_on=effective_on,
            reason=reason,
            new_head_member_id=new_head_member_id,
        )

        return monitoring_departure_in
