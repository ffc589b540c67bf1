from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_risk_cause import MonitoringRiskCause
from ..models.monitoring_visitor_kind import MonitoringVisitorKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.monitoring_policy_explained_out import MonitoringPolicyExplainedOut


T = TypeVar("T", bound="MonitoringVisitOut")


@_attrs_define
class MonitoringVisitOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        town_code (str):
        village_code (str):
        visitor_id (str):
        visitor_role (str):
        visitor_kind (MonitoringVisitorKind): responsible_helper=帮扶责任人走访；town_secretary=镇党委书记遍访；cadre=基层干部日常走访
        visited_at (datetime.datetime):
        latitude (str):
        longitude (str):
        findings (str):
        risk_causes (list[MonitoringRiskCause]):
        alert_id (None | UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        visitor_kind_label (str): visitor_kind 的中文名称
        work_team_id (None | Unset | UUID):
        policies_explained (list[MonitoringPolicyExplainedOut] | Unset):
    """

    id: UUID
    household_id: UUID
    town_code: str
    village_code: str
    visitor_id: str
    visitor_role: str
    visitor_kind: MonitoringVisitorKind
    visited_at: datetime.datetime
    latitude: str
    longitude: str
    findings: str
    risk_causes: list[MonitoringRiskCause]
    alert_id: None | UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    visitor_kind_label: str
    work_team_id: None | Unset | UUID = UNSET
    policies_explained: list[MonitoringPolicyExplainedOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        town_code = self.town_code

        village_code = self.village_code

        visitor_id = self.visitor_id

        visitor_role = self.visitor_role

        visitor_kind = self.visitor_kind.value

        visited_at = self.visited_at.isoformat()

        latitude = self.latitude

        longitude = self.longitude

        findings = self.findings

        risk_causes = []
        for risk_causes_item_data in self.risk_causes:
            risk_causes_item = risk_causes_item_data.value
            risk_causes.append(risk_causes_item)

        alert_id: None | str
        if isinstance(self.alert_id, UUID):
            alert_id = str(self.alert_id)
        else:
            alert_id = self.alert_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        visitor_kind_label = self.visitor_kind_label

        work_team_id: None | str | Unset
        if isinstance(self.work_team_id, Unset):
            work_team_id = UNSET
        elif isinstance(self.work_team_id, UUID):
            work_team_id = str(self.work_team_id)
        else:
            work_team_id = self.work_team_id

        policies_explained: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.policies_explained, Unset):
            policies_explained = []
            for policies_explained_item_data in self.policies_explained:
                policies_explained_item = policies_explained_item_data.to_dict()
                policies_explained.append(policies_explained_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "town_code": town_code,
                "village_code": village_code,
                "visitor_id": visitor_id,
                "visitor_role": visitor_role,
                "visitor_kind": visitor_kind,
                "visited_at": visited_at,
                "latitude": latitude,
                "longitude": longitude,
                "findings": findings,
                "risk_causes": risk_causes,
                "alert_id": alert_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "visitor_kind_label": visitor_kind_label,
            }
        )
        if work_team_id is not UNSET:
            field_dict["work_team_id"] = work_team_id
        if policies_explained is not UNSET:
            field_dict["policies_explained"] = policies_explained

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_policy_explained_out import MonitoringPolicyExplainedOut  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        visitor_id = d.pop("visitor_id")

        visitor_role = d.pop("visitor_role")

        visitor_kind = MonitoringVisitorKind(d.pop("visitor_kind"))

        visited_at = datetime.datetime.fromisoformat(d.pop("visited_at"))

        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        findings = d.pop("findings")

        risk_causes = []
        _risk_causes = d.pop("risk_causes")
        for risk_causes_item_data in _risk_causes:
            risk_causes_item = MonitoringRiskCause(risk_causes_item_data)

            risk_causes.append(risk_causes_item)

        def _parse_alert_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                alert_id_type_0 = UUID(data)

                return alert_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        alert_id = _parse_alert_id(d.pop("alert_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        visitor_kind_label = d.pop("visitor_kind_label")

        def _parse_work_team_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                work_team_id_type_0 = UUID(data)

                return work_team_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        work_team_id = _parse_work_team_id(d.pop("work_team_id", UNSET))

        _policies_explained = d.pop("policies_explained", UNSET)
        policies_explained: list[MonitoringPolicyExplainedOut] | Unset = UNSET
        if _policies_explained is not UNSET:
            policies_explained = []
            for policies_explained_item_data in _policies_explained:
                policies_explained_item = MonitoringPolicyExplainedOut.from_dict(policies_explained_item_data)

                policies_explained.append(policies_explained_item)

        monitoring_visit_out = cls(
            id=id,
            household_id=household_id,
            town_code=town_code,
            village_code=village_code,
            visitor_id=visitor_id,
            visitor_role=visitor_role,
            visitor_kind=visitor_kind,
            visited_at=visited_at,
            latitude=latitude,
            longitude=longitude,
            findings=findings,
            risk_causes=risk_causes,
            alert_id=alert_id,
            created_at=created_at,
            updated_at=updated_at,
            visitor_kind_label=visitor_kind_label,
            work_team_id=work_team_id,
            policies_explained=policies_explained,
        )

        monitoring_visit_out.additional_properties = d
        return monitoring_visit_out

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
