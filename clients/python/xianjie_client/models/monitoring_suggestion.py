from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_measure_kind import MonitoringMeasureKind
from ..models.monitoring_risk_cause import MonitoringRiskCause

T = TypeVar("T", bound="MonitoringSuggestion")


@_attrs_define
class MonitoringSuggestion:
    """
    Attributes:
        id (UUID):
        code (str):
        name (str):
        category (str):
        measure_kind (MonitoringMeasureKind): developmental=开发式帮扶；safety_net=兜底保障
        risk_causes (list[MonitoringRiskCause]):
        description (str):
        responsible_unit (str):
        version (int):
        updated_at (datetime.datetime):
        matched_causes (list[MonitoringRiskCause]): 与农户风险类型相符的部分
        measure_kind_label (str): measure_kind 的中文名称
        risk_cause_labels (list[str]): risk_causes 的中文名称
    """

    id: UUID
    code: str
    name: str
    category: str
    measure_kind: MonitoringMeasureKind
    risk_causes: list[MonitoringRiskCause]
    description: str
    responsible_unit: str
    version: int
    updated_at: datetime.datetime
    matched_causes: list[MonitoringRiskCause]
    measure_kind_label: str
    risk_cause_labels: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        category = self.category

        measure_kind = self.measure_kind.value

        risk_causes = []
        for risk_causes_item_data in self.risk_causes:
            risk_causes_item = risk_causes_item_data.value
            risk_causes.append(risk_causes_item)

        description = self.description

        responsible_unit = self.responsible_unit

        version = self.version

        updated_at = self.updated_at.isoformat()

        matched_causes = []
        for matched_causes_item_data in self.matched_causes:
            matched_causes_item = matched_causes_item_data.value
            matched_causes.append(matched_causes_item)

        measure_kind_label = self.measure_kind_label

        risk_cause_labels = self.risk_cause_labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "name": name,
                "category": category,
                "measure_kind": measure_kind,
                "risk_causes": risk_causes,
                "description": description,
                "responsible_unit": responsible_unit,
                "version": version,
                "updated_at": updated_at,
                "matched_causes": matched_causes,
                "measure_kind_label": measure_kind_label,
                "risk_cause_labels": risk_cause_labels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        name = d.pop("name")

        category = d.pop("category")

        measure_kind = MonitoringMeasureKind(d.pop("measure_kind"))

        risk_causes = []
        _risk_causes = d.pop("risk_causes")
        for risk_causes_item_data in _risk_causes:
            risk_causes_item = MonitoringRiskCause(risk_causes_item_data)

            risk_causes.append(risk_causes_item)

        description = d.pop("description")

        responsible_unit = d.pop("responsible_unit")

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        matched_causes = []
        _matched_causes = d.pop("matched_causes")
        for matched_causes_item_data in _matched_causes:
            matched_causes_item = MonitoringRiskCause(matched_causes_item_data)

            matched_causes.append(matched_causes_item)

        measure_kind_label = d.pop("measure_kind_label")

        risk_cause_labels = cast(list[str], d.pop("risk_cause_labels"))

        monitoring_suggestion = cls(
            id=id,
            code=code,
            name=name,
            category=category,
            measure_kind=measure_kind,
            risk_causes=risk_causes,
            description=description,
            responsible_unit=responsible_unit,
            version=version,
            updated_at=updated_at,
            matched_causes=matched_causes,
            measure_kind_label=measure_kind_label,
            risk_cause_labels=risk_cause_labels,
        )

        monitoring_suggestion.additional_properties = d
        return monitoring_suggestion

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
