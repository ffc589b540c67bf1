from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_risk_cause import MonitoringRiskCause

T = TypeVar("T", bound="MonitoringRiskResolutionOut")


@_attrs_define
class MonitoringRiskResolutionOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        cause (MonitoringRiskCause): illness=因病；disability=因残；schooling=因学；disaster=因灾；accident=因意外事故；business_failure=因
            产业失败；unstable_work=因务工就业不稳；lack_of_labour=缺劳动力；housing=住房安全；drinking_water=饮水安全；medical_insurance=基本医疗保险未参保；othe
            r=其他
        case_included_on (datetime.date):
        resolved_on (datetime.date):
        how (str):
        recorded_by (str):
        recorded_by_role (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        cause_label (str): cause 的中文名称
    """

    id: UUID
    household_id: UUID
    cause: MonitoringRiskCause
    case_included_on: datetime.date
    resolved_on: datetime.date
    how: str
    recorded_by: str
    recorded_by_role: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    cause_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        cause = self.cause.value

        case_included_on = self.case_included_on.isoformat()

        resolved_on = self.resolved_on.isoformat()

        how = self.how

        recorded_by = self.recorded_by

        recorded_by_role = self.recorded_by_role

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        cause_label = self.cause_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "cause": cause,
                "case_included_on": case_included_on,
                "resolved_on": resolved_on,
                "how": how,
                "recorded_by": recorded_by,
                "recorded_by_role": recorded_by_role,
                "created_at": created_at,
                "updated_at": updated_at,
                "cause_label": cause_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        cause = MonitoringRiskCause(d.pop("cause"))

        case_included_on = datetime.date.fromisoformat(d.pop("case_included_on"))

        resolved_on = datetime.date.fromisoformat(d.pop("resolved_on"))

        how = d.pop("how")

        recorded_by = d.pop("recorded_by")

        recorded_by_role = d.pop("recorded_by_role")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        cause_label = d.pop("cause_label")

        monitoring_risk_resolution_out = cls(
            id=id,
            household_id=household_id,
            cause=cause,
            case_included_on=case_included_on,
            resolved_on=resolved_on,
            how=how,
            recorded_by=recorded_by,
            recorded_by_role=recorded_by_role,
            created_at=created_at,
            updated_at=updated_at,
            cause_label=cause_label,
        )

        monitoring_risk_resolution_out.additional_properties = d
        return monitoring_risk_resolution_out

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
