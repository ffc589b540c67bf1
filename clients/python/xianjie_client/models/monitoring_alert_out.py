from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_alert_source import MonitoringAlertSource
from ..models.monitoring_alert_status import MonitoringAlertStatus
from ..models.monitoring_risk_cause import MonitoringRiskCause

T = TypeVar("T", bound="MonitoringAlertOut")


@_attrs_define
class MonitoringAlertOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        town_code (str):
        village_code (str):
        source (MonitoringAlertSource): self_declared=农户自主申报；department=部门筛查预警；cadre_visit=基层干部走访；system=系统筛查；event=业务事件
        reason (str):
        risk_causes (list[MonitoringRiskCause]):
        department (None | str):
        status (MonitoringAlertStatus): open=待核实；verifying=核实中；confirmed=已纳入监测；dismissed=核实排除
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        source_label (str): source 的中文名称
        status_label (str): status 的中文名称
        risk_cause_labels (list[str]): risk_causes 的中文名称
    """

    id: UUID
    household_id: UUID
    town_code: str
    village_code: str
    source: MonitoringAlertSource
    reason: str
    risk_causes: list[MonitoringRiskCause]
    department: None | str
    status: MonitoringAlertStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    source_label: str
    status_label: str
    risk_cause_labels: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        town_code = self.town_code

        village_code = self.village_code

        source = self.source.value

        reason = self.reason

        risk_causes = []
        for risk_causes_item_data in self.risk_causes:
            risk_causes_item = risk_causes_item_data.value
            risk_causes.append(risk_causes_item)

        department: None | str
        department = self.department

        status = self.status.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        source_label = self.source_label

        status_label = self.status_label

        risk_cause_labels = self.risk_cause_labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "town_code": town_code,
                "village_code": village_code,
                "source": source,
                "reason": reason,
                "risk_causes": risk_causes,
                "department": department,
                "status": status,
                "created_at": created_at,
                "updated_at": updated_at,
                "source_label": source_label,
                "status_label": status_label,
                "risk_cause_labels": risk_cause_labels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        source = MonitoringAlertSource(d.pop("source"))

        reason = d.pop("reason")

        risk_causes = []
        _risk_causes = d.pop("risk_causes")
        for risk_causes_item_data in _risk_causes:
            risk_causes_item = MonitoringRiskCause(risk_causes_item_data)

            risk_causes.append(risk_causes_item)

        def _parse_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        department = _parse_department(d.pop("department"))

        status = MonitoringAlertStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        source_label = d.pop("source_label")

        status_label = d.pop("status_label")

        risk_cause_labels = cast(list[str], d.pop("risk_cause_labels"))

        monitoring_alert_out = cls(
            id=id,
            household_id=household_id,
            town_code=town_code,
            village_code=village_code,
            source=source,
            reason=reason,
            risk_causes=risk_causes,
            department=department,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            source_label=source_label,
            status_label=status_label,
            risk_cause_labels=risk_cause_labels,
        )

        monitoring_alert_out.additional_properties = d
        return monitoring_alert_out

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
