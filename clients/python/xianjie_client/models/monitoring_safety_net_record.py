from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringSafetyNetRecord")


@_attrs_define
class MonitoringSafetyNetRecord:
    """
    Attributes:
        record_id (str): 民政系统中的记录编号（批内唯一）
        id_number (str): 保障对象身份证号，用于匹配农户成员
        policy_code (str): dibao 低保 / tekun 特困人员救助供养
        delivered_on (datetime.date): 落实（开始发放）日期
        note (str | Unset):  Default: ''.
    """

    record_id: str
    id_number: str
    policy_code: str
    delivered_on: datetime.date
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        id_number = self.id_number

        policy_code = self.policy_code

        delivered_on = self.delivered_on.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "record_id": record_id,
                "id_number": id_number,
                "policy_code": policy_code,
                "delivered_on": delivered_on,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        record_id = d.pop("record_id")

        id_number = d.pop("id_number")

        policy_code = d.pop("policy_code")

        delivered_on = datetime.date.fromisoformat(d.pop("delivered_on"))

        note = d.pop("note", UNSET)

        monitoring_safety_net_record = cls(
            record_id=record_id,
            id_number=id_number,
            policy_code=policy_code,
            delivered_on=delivered_on,
            note=note,
        )

        return monitoring_safety_net_record
