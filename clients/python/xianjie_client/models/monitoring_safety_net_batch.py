from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.monitoring_safety_net_record import MonitoringSafetyNetRecord


T = TypeVar("T", bound="MonitoringSafetyNetBatch")


@_attrs_define
class MonitoringSafetyNetBatch:
    """
    Attributes:
        batch_id (str): 批次编号
        records (list[MonitoringSafetyNetRecord]):
    """

    batch_id: str
    records: list[MonitoringSafetyNetRecord]

    def to_dict(self) -> dict[str, Any]:
        batch_id = self.batch_id

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "batch_id": batch_id,
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_safety_net_record import MonitoringSafetyNetRecord  # noqa: PLC0415

        d = dict(src_dict)
        batch_id = d.pop("batch_id")

        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = MonitoringSafetyNetRecord.from_dict(records_item_data)

            records.append(records_item)

        monitoring_safety_net_batch = cls(
            batch_id=batch_id,
            records=records,
        )

        return monitoring_safety_net_batch
