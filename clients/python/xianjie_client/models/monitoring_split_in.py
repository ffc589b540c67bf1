from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringSplitIn")


@_attrs_define
class MonitoringSplitIn:
    """
    Attributes:
        member_ids (list[UUID]): 分出的在册成员
        head_member_id (UUID): 新户户主（分出的成员之一）
        effective_on (datetime.date): 变动生效日期：不晚于今天，不早于农户立户或成员入户之日
        reason (str): 变动原因或依据（必填，留痕）
        remaining_head_member_id (None | Unset | UUID): 原户主随分户迁出时必填：原户接任户主的在册成员
        village_code (None | str | Unset): 新户所在村（默认与原户相同）
        address (None | str | Unset): 新户住址（默认与原户相同）
    """

    member_ids: list[UUID]
    head_member_id: UUID
    effective_on: datetime.date
    reason: str
    remaining_head_member_id: None | Unset | UUID = UNSET
    village_code: None | str | Unset = UNSET
    address: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        member_ids = []
        for member_ids_item_data in self.member_ids:
            member_ids_item = str(member_ids_item_data)
            member_ids.append(member_ids_item)

        head_member_id = str(self.head_member_id)

        effective_on = self.effective_on.isoformat()

        reason = self.reason

        remaining_head_member_id: None | str | Unset
        if isinstance(self.remaining_head_member_id, Unset):
            remaining_head_member_id = UNSET
        elif isinstance(self.remaining_head_member_id, UUID):
            remaining_head_member_id = str(self.remaining_head_member_id)
        else:
            remaining_head_member_id = self.remaining_head_member_id

        village_code: None | str | Unset
        if isinstance(self.village_code, Unset):
            village_code = UNSET
        else:
            village_code = self.village_code

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_ids": member_ids,
                "head_member_id": head_member_id,
                "effective_on": effective_on,
                "reason": reason,
            }
        )
        if remaining_head_member_id is not UNSET:
            field_dict["remaining_head_member_id"] = remaining_head_member_id
        if village_code is not UNSET:
            field_dict["village_code"] = village_code
        if address is not UNSET:
            field_dict["address"] = address

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_ids = []
        _member_ids = d.pop("member_ids")
        for member_ids_item_data in _member_ids:
            member_ids_item = UUID(member_ids_item_data)

            member_ids.append(member_ids_item)

        head_member_id = UUID(d.pop("head_member_id"))

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        reason = d.pop("reason")

        def _parse_remaining_head_member_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remaining_head_member_id_type_0 = UUID(data)

                return remaining_head_member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        remaining_head_member_id = _parse_remaining_head_member_id(d.pop("remaining_head_member_id", UNSET))

        def _parse_village_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        village_code = _parse_village_code(d.pop("village_code", UNSET))

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        monitoring_split_in = cls(
            member_ids=member_ids,
            head_member_id=head_member_id,
            effective_on=effective_on,
            reason=reason,
            remaining_head_member_id=remaining_head_member_id,
            village_code=village_code,
            address=address,
        )

        return monitoring_split_in
