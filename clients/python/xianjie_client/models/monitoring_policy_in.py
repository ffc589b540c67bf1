from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.monitoring_measure_kind import MonitoringMeasureKind
from ..models.monitoring_risk_cause import MonitoringRiskCause
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringPolicyIn")


@_attrs_define
class MonitoringPolicyIn:
    """
    Attributes:
        code (str): 政策编码
        name (str):
        category (str): 产业、就业、健康、教育、住房、饮水、社会救助……
        measure_kind (MonitoringMeasureKind): developmental=开发式帮扶；safety_net=兜底保障
        risk_causes (list[MonitoringRiskCause]):
        description (str | Unset):  Default: ''.
        responsible_unit (str | Unset):  Default: ''.
    """

    code: str
    name: str
    category: str
    measure_kind: MonitoringMeasureKind
    risk_causes: list[MonitoringRiskCause]
    description: str | Unset = ""
    responsible_unit: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "category": category,
                "measure_kind": measure_kind,
                "risk_causes": risk_causes,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if responsible_unit is not UNSET:
            field_dict["responsible_unit"] = responsible_unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        category = d.pop("category")

        measure_kind = MonitoringMeasureKind(d.pop("measure_kind"))

        risk_causes = []
        _risk_causes = d.pop("risk_causes")
        for risk_causes_item_data in _risk_causes:
            risk_causes_item = MonitoringRiskCause(risk_causes_item_data)

            risk_causes.append(risk_causes_item)

        description = d.pop("description", UNSET)

        responsible_unit = d.pop("responsible_unit", UNSET)

        monitoring_policy_in = cls(
            code=code,
            name=name,
            category=category,
            measure_kind=measure_kind,
            risk_causes=risk_causes,
            description=description,
            responsible_unit=responsible_unit,
        )

        return monitoring_policy_in
