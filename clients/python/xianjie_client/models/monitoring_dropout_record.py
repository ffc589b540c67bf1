from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringDropoutRecord")


@_attrs_define
class MonitoringDropoutRecord:
    """
    Attributes:
        record_id (str): 部门系统中的记录编号（批内唯一）
        id_number (str): 身份证号，用于匹配农户成员
        kind (Literal['dropout']):
        opened_on (datetime.date):
        reason (str):
    """

    record_id: str
    id_number: str
    kind: Literal["dropout"]
    opened_on: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        id_number = self.id_number

        kind = self.kind

        opened_on = self.opened_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "record_id": record_id,
                "id_number": id_number,
                "kind": kind,
                "opened_on": opened_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        record_id = d.pop("record_id")

        id_number = d.pop("id_number")

        kind = cast(Literal["dropout"], d.pop("kind"))
        if kind != "dropout":
            raise ValueError(f"kind must match const 'dropout', got '{kind}'")

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        reason = d.pop("reason")

        monitoring_dropout_record = cls(
            record_id=record_id,
            id_number=id_number,
            kind=kind,
            opened_on=opened_on,
            reason=reason,
        )

        return monitoring_dropout_record
