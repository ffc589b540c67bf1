from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.monitoring_risk_cause import MonitoringRiskCause
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.monitoring_policy_explained import MonitoringPolicyExplained


T = TypeVar("T", bound="MonitoringVisitCreate")


@_attrs_define
class MonitoringVisitCreate:
    """
    Attributes:
        household_id (UUID):
        visited_at (datetime.datetime):
        latitude (float | str):
        longitude (float | str):
        findings (str):
        risk_causes (list[MonitoringRiskCause] | Unset): 发现风险时填写，将产生预警
        as_town_secretary (bool | Unset): 镇党委书记遍访（仅镇干部） Default: False.
        work_team_id (None | Unset | UUID): 驻村工作队昼访夜谈：走访人当日所在的本村工作队
        policies_explained (list[MonitoringPolicyExplained] | Unset): 本次讲解的政策（明白纸）及农户此前是否知晓
    """

    household_id: UUID
    visited_at: datetime.datetime
    latitude: float | str
    longitude: float | str
    findings: str
    risk_causes: list[MonitoringRiskCause] | Unset = UNSET
    as_town_secretary: bool | Unset = False
    work_team_id: None | Unset | UUID = UNSET
    policies_explained: list[MonitoringPolicyExplained] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        household_id = str(self.household_id)

        visited_at = self.visited_at.isoformat()

        latitude: float | str
        latitude = self.latitude

        longitude: float | str
        longitude = self.longitude

        findings = self.findings

        risk_causes: list[str] | Unset = UNSET
        if not isinstance(self.risk_causes, Unset):
            risk_causes = []
            for risk_causes_item_data in self.risk_causes:
                risk_causes_item = risk_causes_item_data.value
                risk_causes.append(risk_causes_item)

        as_town_secretary = self.as_town_secretary

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

        field_dict.update(
            {
                "household_id": household_id,
                "visited_at": visited_at,
                "latitude": latitude,
                "longitude": longitude,
                "findings": findings,
            }
        )
        if risk_causes is not UNSET:
            field_dict["risk_causes"] = risk_causes
        if as_town_secretary is not UNSET:
            field_dict["as_town_secretary"] = as_town_secretary
        if work_team_id is not UNSET:
            field_dict["work_team_id"] = work_team_id
        if policies_explained is not UNSET:
            field_dict["policies_explained"] = policies_explained

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_policy_explained import MonitoringPolicyExplained  # noqa: PLC0415

        d = dict(src_dict)
        household_id = UUID(d.pop("household_id"))

        visited_at = datetime.datetime.fromisoformat(d.pop("visited_at"))

        def _parse_latitude(data: object) -> float | str:
            return cast(float | str, data)

        latitude = _parse_latitude(d.pop("latitude"))

        def _parse_longitude(data: object) -> float | str:
            return cast(float | str, data)

        longitude = _parse_longitude(d.pop("longitude"))

        findings = d.pop("findings")

        _risk_causes = d.pop("risk_causes", UNSET)
        risk_causes: list[MonitoringRiskCause] | Unset = UNSET
        if _risk_causes is not UNSET:
            risk_causes = []
            for risk_causes_item_data in _risk_causes:
                risk_causes_item = MonitoringRiskCause(risk_causes_item_data)

                risk_causes.append(risk_causes_item)

        as_town_secretary = d.pop("as_town_secretary", UNSET)

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
        policies_explained: list[MonitoringPolicyExplained] | Unset = UNSET
        if _policies_explained is not UNSET:
            policies_explained = []
            for policies_explained_item_data in _policies_explained:
                policies_explained_item = MonitoringPolicyExplained.from_dict(policies_explained_item_data)

                policies_explained.append(policies_explained_item)

        monitoring_visit_create = cls(
            household_id=household_id,
            visited_at=visited_at,
            latitude=latitude,
            longitude=longitude,
            findings=findings,
            risk_causes=risk_causes,
            as_town_secretary=as_town_secretary,
            work_team_id=work_team_id,
            policies_explained=policies_explained,
        )

        return monitoring_visit_create
