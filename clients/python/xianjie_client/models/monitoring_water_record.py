from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringWaterRecord")


@_attrs_define
class MonitoringWaterRecord:
    """
    Attributes:
        record_id (str): 部门系统中的记录编号（批内唯一）
        id_number (str): 身份证号，用于匹配农户成员
        kind (Literal['water_check']):
        checked_on (datetime.date):
        safe (bool):
        finding (str | Unset):  Default: ''.
    """

    record_id: str
    id_number: str
    kind: Literal["water_check"]
    checked_on: datetime.date
    safe: bool
    finding: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        id_number = self.id_number

        kind = self.kind

        checked_on = self.checked_on.isoformat()

        safe = self.safe

        finding = self.finding

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "record_id": record_id,
                "id_number": id_number,
                "kind": kind,
                "checked_on": checked_on,
                "safe": safe,
            }
        )
        if finding is not UNSET:
            field_dict["finding"] = finding

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        record_id = d.pop("record_id")

        id_number = d.pop("id_number")

        kind = cast(Literal["water_check"], d.pop("kind"))
        if kind != "water_check":
            raise ValueError(f"kind must match const 'water_check', got '{kind}'")

        checked_on = datetime.date.fromisoformat(d.pop("checked_on"))

        safe = d.pop("safe")

        finding = d.pop("finding", UNSET)

        monitoring_water_record = cls(
            record_id=record_id,
            id_number=id_number,
            kind=kind,
            checked_on=checked_on,
            safe=safe,
            finding=finding,
        )

        return monitoring_water_record
