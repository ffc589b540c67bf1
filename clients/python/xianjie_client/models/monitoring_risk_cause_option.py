from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_risk_cause import MonitoringRiskCause

T = TypeVar("T", bound="MonitoringRiskCauseOption")


@_attrs_define
class MonitoringRiskCauseOption:
    """
    Attributes:
        value (MonitoringRiskCause): illness=因病；disability=因残；schooling=因学；disaster=因灾；accident=因意外事故；business_failure=因
            产业失败；unstable_work=因务工就业不稳；lack_of_labour=缺劳动力；housing=住房安全；drinking_water=饮水安全；medical_insurance=基本医疗保险未参保；othe
            r=其他
        label (str):
    """

    value: MonitoringRiskCause
    label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value = self.value.value

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = MonitoringRiskCause(d.pop("value"))

        label = d.pop("label")

        monitoring_risk_cause_option = cls(
            value=value,
            label=label,
        )

        monitoring_risk_cause_option.additional_properties = d
        return monitoring_risk_cause_option

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
