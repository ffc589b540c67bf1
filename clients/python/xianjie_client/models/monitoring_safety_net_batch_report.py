from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.monitoring_record_result import MonitoringRecordResult


T = TypeVar("T", bound="MonitoringSafetyNetBatchReport")


@_attrs_define
class MonitoringSafetyNetBatchReport:
    """
    Attributes:
        batch_id (str):
        department (str):
        received (int):
        delivered (int): 本次新登记落实的措施数
        already_delivered (int): 此前已登记落实、未重复登记的记录数
        refused (int):
        records (list[MonitoringRecordResult]): 逐条结果（与推送顺序相同）
    """

    batch_id: str
    department: str
    received: int
    delivered: int
    already_delivered: int
    refused: int
    records: list[MonitoringRecordResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id = self.batch_id

        department = self.department

        received = self.received

        delivered = self.delivered

        already_delivered = self.already_delivered

        refused = self.refused

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batch_id": batch_id,
                "department": department,
                "received": received,
                "delivered": delivered,
                "already_delivered": already_delivered,
                "refused": refused,
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_record_result import MonitoringRecordResult  # noqa: PLC0415

        d = dict(src_dict)
        batch_id = d.pop("batch_id")

        department = d.pop("department")

        received = d.pop("received")

        delivered = d.pop("delivered")

        already_delivered = d.pop("already_delivered")

        refused = d.pop("refused")

        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = MonitoringRecordResult.from_dict(records_item_data)

            records.append(records_item)

        monitoring_safety_net_batch_report = cls(
            batch_id=batch_id,
            department=department,
            received=received,
            delivered=delivered,
            already_delivered=already_delivered,
            refused=refused,
            records=records,
        )

        monitoring_safety_net_batch_report.additional_properties = d
        return monitoring_safety_net_batch_report

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
