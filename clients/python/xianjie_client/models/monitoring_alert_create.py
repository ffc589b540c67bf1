from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.monitoring_alert_source import MonitoringAlertSource
from ..models.monitoring_risk_cause import MonitoringRiskCause
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringAlertCreate")


@_attrs_define
class MonitoringAlertCreate:
    """A self-declaration (农户自主申报), recorded by the household's cadre or from a phone.

    Attributes:
        household_id (UUID):
        reason (str):
        source (MonitoringAlertSource | Unset):
            self_declared=农户自主申报；department=部门筛查预警；cadre_visit=基层干部走访；system=系统筛查；event=业务事件
        risk_causes (list[MonitoringRiskCause] | Unset):
    """

    household_id: UUID
    reason: str
    source: MonitoringAlertSource | Unset = UNSET
    risk_causes: list[MonitoringRiskCause] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        household_id = str(self.household_id)

        reason = self.reason

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        risk_causes: list[str] | Unset = UNSET
        if not isinstance(self.risk_causes, Unset):
            risk_causes = []
            for risk_causes_item_data in self.risk_causes:
                risk_causes_item = risk_causes_item_data.value
                risk_causes.append(risk_causes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "household_id": household_id,
                "reason": reason,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source
        if risk_causes is not UNSET:
            field_dict["risk_causes"] = risk_causes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        household_id = UUID(d.pop("household_id"))

        reason = d.pop("reason")

        _source = d.pop("source", UNSET)
        source: MonitoringAlertSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = MonitoringAlertSource(_source)

        _risk_causes = d.pop("risk_causes", UNSET)
        risk_causes: list[MonitoringRiskCause] | Unset = UNSET
        if _risk_causes is not UNSET:
            risk_causes = []
            for risk_causes_item_data in _risk_causes:
                risk_causes_item = MonitoringRiskCause(risk_causes_item_data)

                risk_causes.append(risk_causes_item)

        monitoring_alert_create = cls(
            household_id=household_id,
            reason=reason,
            source=source,
            risk_causes=risk_causes,
        )

        return monitoring_alert_create
