from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_guarantee_record_result_status import MonitoringGuaranteeRecordResultStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringGuaranteeRecordResult")


@_attrs_define
class MonitoringGuaranteeRecordResult:
    """
    Attributes:
        record_id (str):
        status (MonitoringGuaranteeRecordResultStatus):
        alert_raised (bool | Unset):  Default: False.
        reason (None | str | Unset):
    """

    record_id: str
    status: MonitoringGuaranteeRecordResultStatus
    alert_raised: bool | Unset = False
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        status = self.status.value

        alert_raised = self.alert_raised

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "record_id": record_id,
                "status": status,
            }
        )
        if alert_raised is not UNSET:
            field_dict["alert_raised"] = alert_raised
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        record_id = d.pop("record_id")

        status = MonitoringGuaranteeRecordResultStatus(d.pop("status"))

        alert_raised = d.pop("alert_raised", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        monitoring_guarantee_record_result = cls(
            record_id=record_id,
            status=status,
            alert_raised=alert_raised,
            reason=reason,
        )

        monitoring_guarantee_record_result.additional_properties = d
        return monitoring_guarantee_record_result

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
