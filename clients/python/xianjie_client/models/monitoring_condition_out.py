from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_condition import MonitoringCondition

T = TypeVar("T", bound="MonitoringConditionOut")


@_attrs_define
class MonitoringConditionOut:
    """
    Attributes:
        condition (MonitoringCondition): income_above_line=收入持续稳定超过监测线；housing_safe=住房安全有保障；drinking_water_safe=饮水安全有保障；
            schooling_secured=义务教育有保障；medical_insurance_secured=基本医疗保险全员参保；risk_causes_resolved=各项风险均已消除；measure_delivered=帮
            扶措施已落实；monitored_long_enough=监测帮扶时间已满；not_living_on_transfers=不属于无劳动能力且依靠转移性收入生活
        met (bool):
        explanation (str): 说明（中文）
        condition_label (str): condition 的中文名称
    """

    condition: MonitoringCondition
    met: bool
    explanation: str
    condition_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        condition = self.condition.value

        met = self.met

        explanation = self.explanation

        condition_label = self.condition_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "condition": condition,
                "met": met,
                "explanation": explanation,
                "condition_label": condition_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        condition = MonitoringCondition(d.pop("condition"))

        met = d.pop("met")

        explanation = d.pop("explanation")

        condition_label = d.pop("condition_label")

        monitoring_condition_out = cls(
            condition=condition,
            met=met,
            explanation=explanation,
            condition_label=condition_label,
        )

        monitoring_condition_out.additional_properties = d
        return monitoring_condition_out

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
