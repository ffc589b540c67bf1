from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_plan_action import MonitoringPlanAction

T = TypeVar("T", bound="MonitoringAmendmentOut")


@_attrs_define
class MonitoringAmendmentOut:
    """
    Attributes:
        id (int):
        plan_id (UUID):
        action (MonitoringPlanAction): What was done to an assistance plan (帮扶计划调整记录).
        measure_id (UUID):
        successor_id (None | UUID):
        reason (str):
        actor (str):
        actor_role (str):
        actor_department (None | str):
        at (datetime.datetime):
        action_label (str): action 的中文名称
    """

    id: int
    plan_id: UUID
    action: MonitoringPlanAction
    measure_id: UUID
    successor_id: None | UUID
    reason: str
    actor: str
    actor_role: str
    actor_department: None | str
    at: datetime.datetime
    action_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        plan_id = str(self.plan_id)

        action = self.action.value

        measure_id = str(self.measure_id)

        successor_id: None | str
        if isinstance(self.successor_id, UUID):
            successor_id = str(self.successor_id)
        else:
            successor_id = self.successor_id

        reason = self.reason

        actor = self.actor

        actor_role = self.actor_role

        actor_department: None | str
        actor_department = self.actor_department

        at = self.at.isoformat()

        action_label = self.action_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "plan_id": plan_id,
                "action": action,
                "measure_id": measure_id,
                "successor_id": successor_id,
                "reason": reason,
                "actor": actor,
                "actor_role": actor_role,
                "actor_department": actor_department,
                "at": at,
                "action_label": action_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        plan_id = UUID(d.pop("plan_id"))

        action = MonitoringPlanAction(d.pop("action"))

        measure_id = UUID(d.pop("measure_id"))

        def _parse_successor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                successor_id_type_0 = UUID(data)

                return successor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        successor_id = _parse_successor_id(d.pop("successor_id"))

        reason = d.pop("reason")

        actor = d.pop("actor")

        actor_role = d.pop("actor_role")

        def _parse_actor_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_department = _parse_actor_department(d.pop("actor_department"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        action_label = d.pop("action_label")

        monitoring_amendment_out = cls(
            id=id,
            plan_id=plan_id,
            action=action,
            measure_id=measure_id,
            successor_id=successor_id,
            reason=reason,
            actor=actor,
            actor_role=actor_role,
            actor_department=actor_department,
            at=at,
            action_label=action_label,
        )

        monitoring_amendment_out.additional_properties = d
        return monitoring_amendment_out

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
