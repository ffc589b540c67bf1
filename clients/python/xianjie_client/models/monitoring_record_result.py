from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_record_outcome import MonitoringRecordOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringRecordResult")


@_attrs_define
class MonitoringRecordResult:
    """
    Attributes:
        record_id (str):
        outcome (MonitoringRecordOutcome): delivered=已登记落实；already_delivered=此前已登记落实；refused=未登记
        outcome_label (str): outcome 的中文名称
        measure_id (None | Unset | UUID):
        reason (None | str | Unset):
    """

    record_id: str
    outcome: MonitoringRecordOutcome
    outcome_label: str
    measure_id: None | Unset | UUID = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        outcome = self.outcome.value

        outcome_label = self.outcome_label

        measure_id: None | str | Unset
        if isinstance(self.measure_id, Unset):
            measure_id = UNSET
        elif isinstance(self.measure_id, UUID):
            measure_id = str(self.measure_id)
        else:
            measure_id = self.measure_id

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
                "outcome": outcome,
                "outcome_label": outcome_label,
            }
        )
        if measure_id is not UNSET:
            field_dict["measure_id"] = measure_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        record_id = d.pop("record_id")

        outcome = MonitoringRecordOutcome(d.pop("outcome"))

        outcome_label = d.pop("outcome_label")

        def _parse_measure_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                measure_id_type_0 = UUID(data)

                return measure_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        measure_id = _parse_measure_id(d.pop("measure_id", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        monitoring_record_result = cls(
            record_id=record_id,
            outcome=outcome,
            outcome_label=outcome_label,
            measure_id=measure_id,
            reason=reason,
        )

        monitoring_record_result.additional_properties = d
        return monitoring_record_result

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
