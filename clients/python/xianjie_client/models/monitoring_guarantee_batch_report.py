from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.monitoring_guarantee_record_result import MonitoringGuaranteeRecordResult


T = TypeVar("T", bound="MonitoringGuaranteeBatchReport")


@_attrs_define
class MonitoringGuaranteeBatchReport:
    """
    Attributes:
        batch_id (str):
        department (str):
        received (int):
        accepted (int):
        already_received (int): 此前已推送过的记录数（未重复登记）
        refused (int):
        alerts_raised (int): 本批发现新风险而产生的预警数
        records (list[MonitoringGuaranteeRecordResult]): 逐条回执
    """

    batch_id: str
    department: str
    received: int
    accepted: int
    already_received: int
    refused: int
    alerts_raised: int
    records: list[MonitoringGuaranteeRecordResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id = self.batch_id

        department = self.department

        received = self.received

        accepted = self.accepted

        already_received = self.already_received

        refused = self.refused

        alerts_raised = self.alerts_raised

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
                "accepted": accepted,
                "already_received": already_received,
                "refused": refused,
                "alerts_raised": alerts_raised,
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_guarantee_record_result import MonitoringGuaranteeRecordResult  # noqa: PLC0415

        d = dict(src_dict)
        batch_id = d.pop("batch_id")

        department = d.pop("department")

        received = d.pop("received")

        accepted = d.pop("accepted")

        already_received = d.pop("already_received")

        refused = d.pop("refused")

        alerts_raised = d.pop("alerts_raised")

        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = MonitoringGuaranteeRecordResult.from_dict(records_item_data)

            records.append(records_item)

        monitoring_guarantee_batch_report = cls(
            batch_id=batch_id,
            department=department,
            received=received,
            accepted=accepted,
            already_received=already_received,
            refused=refused,
            alerts_raised=alerts_raised,
            records=records,
        )

        monitoring_guarantee_batch_report.additional_properties = d
        return monitoring_guarantee_batch_report

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
