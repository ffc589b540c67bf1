from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.monitoring_department_record import MonitoringDepartmentRecord


T = TypeVar("T", bound="MonitoringDepartmentBatch")


@_attrs_define
class MonitoringDepartmentBatch:
    """
    Attributes:
        batch_id (str): 批次编号：同一批次重复推送不会重复预警
        records (list[MonitoringDepartmentRecord]):
    """

    batch_id: str
    records: list[MonitoringDepartmentRecord]

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
        from ..models.monitoring_department_record import MonitoringDepartmentRecord  # noqa: PLC0415

        d = dict(src_dict)
        batch_id = d.pop("batch_id")

        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = MonitoringDepartmentRecord.from_dict(records_item_data)

            records.append(records_item)

        monitoring_department_batch = cls(
            batch_id=batch_id,
            records=records,
        )

        return monitoring_department_batch
