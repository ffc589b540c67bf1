from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.monitoring_unmatched_record import MonitoringUnmatchedRecord


T = TypeVar("T", bound="MonitoringBatchReport")


@_attrs_define
class MonitoringBatchReport:
    """
    Attributes:
        batch_id (str):
        department (str):
        received (int):
        raised (int): 本次新产生的预警数
        already_received (int): 此前已推送过、未重复预警的记录数
        unmatched (list[MonitoringUnmatchedRecord]):
    """

    batch_id: str
    department: str
    received: int
    raised: int
    already_received: int
    unmatched: list[MonitoringUnmatchedRecord]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id = self.batch_id

        department = self.department

        received = self.received

        raised = self.raised

        already_received = self.already_received

        unmatched = []
        for unmatched_item_data in self.unmatched:
            unmatched_item = unmatched_item_data.to_dict()
            unmatched.append(unmatched_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batch_id": batch_id,
                "department": department,
                "received": received,
                "raised": raised,
                "already_received": already_received,
                "unmatched": unmatched,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_unmatched_record import MonitoringUnmatchedRecord  # noqa: PLC0415

        d = dict(src_dict)
        batch_id = d.pop("batch_id")

        department = d.pop("department")

        received = d.pop("received")

        raised = d.pop("raised")

        already_received = d.pop("already_received")

        unmatched = []
        _unmatched = d.pop("unmatched")
        for unmatched_item_data in _unmatched:
            unmatched_item = MonitoringUnmatchedRecord.from_dict(unmatched_item_data)

            unmatched.append(unmatched_item)

        monitoring_batch_report = cls(
            batch_id=batch_id,
            department=department,
            received=received,
            raised=raised,
            already_received=already_received,
            unmatched=unmatched,
        )

        monitoring_batch_report.additional_properties = d
        return monitoring_batch_report

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
