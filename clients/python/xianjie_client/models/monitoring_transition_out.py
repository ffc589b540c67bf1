from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_elimination_stage import MonitoringEliminationStage
from ..models.monitoring_household_status import MonitoringHouseholdStatus

T = TypeVar("T", bound="MonitoringTransitionOut")


@_attrs_define
class MonitoringTransitionOut:
    """
    Attributes:
        id (int):
        action (str):
        from_status (MonitoringHouseholdStatus): Where a household stands in identification and assistance (识别纳入 → 帮扶 →
            消除/兜底).
        to_status (MonitoringHouseholdStatus): Where a household stands in identification and assistance (识别纳入 → 帮扶 →
            消除/兜底).
        from_stage (MonitoringEliminationStage | None):
        to_stage (MonitoringEliminationStage | None):
        actor (str):
        actor_role (str):
        reason (str):
        at (datetime.datetime):
        action_label (str):
        to_status_label (str): to_status 的中文名称
        to_stage_label (None | str): to_stage 的中文名称
    """

    id: int
    action: str
    from_status: MonitoringHouseholdStatus
    to_status: MonitoringHouseholdStatus
    from_stage: MonitoringEliminationStage | None
    to_stage: MonitoringEliminationStage | None
    actor: str
    actor_role: str
    reason: str
    at: datetime.datetime
    action_label: str
    to_status_label: str
    to_stage_label: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        action = self.action

        from_status = self.from_status.value

        to_status = self.to_status.value

        from_stage: None | str
        if isinstance(self.from_stage, MonitoringEliminationStage):
            from_stage = self.from_stage.value
        else:
            from_stage = self.from_stage

        to_stage: None | str
        if isinstance(self.to_stage, MonitoringEliminationStage):
            to_stage = self.to_stage.value
        else:
            to_stage = self.to_stage

        actor = self.actor

        actor_role = self.actor_role

        reason = self.reason

        at = self.at.isoformat()

        action_label = self.action_label

        to_status_label = self.to_status_label

        to_stage_label: None | str
        to_stage_label = self.to_stage_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "action": action,
                "from_status": from_status,
                "to_status": to_status,
                "from_stage": from_stage,
                "to_stage": to_stage,
                "actor": actor,
                "actor_role": actor_role,
                "reason": reason,
                "at": at,
                "action_label": action_label,
                "to_status_label": to_status_label,
                "to_stage_label": to_stage_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        action = d.pop("action")

        from_status = MonitoringHouseholdStatus(d.pop("from_status"))

        to_status = MonitoringHouseholdStatus(d.pop("to_status"))

        def _parse_from_stage(data: object) -> MonitoringEliminationStage | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_stage_type_0 = MonitoringEliminationStage(data)

                return from_stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringEliminationStage | None, data)

        from_stage = _parse_from_stage(d.pop("from_stage"))

        def _parse_to_stage(data: object) -> MonitoringEliminationStage | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_stage_type_0 = MonitoringEliminationStage(data)

                return to_stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringEliminationStage | None, data)

        to_stage = _parse_to_stage(d.pop("to_stage"))

        actor = d.pop("actor")

        actor_role = d.pop("actor_role")

        reason = d.pop("reason")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        action_label = d.pop("action_label")

        to_status_label = d.pop("to_status_label")

        def _parse_to_stage_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        to_stage_label = _parse_to_stage_label(d.pop("to_stage_label"))

        monitoring_transition_out = cls(
            id=id,
            action=action,
            from_status=from_status,
            to_status=to_status,
            from_stage=from_stage,
            to_stage=to_stage,
            actor=actor,
            actor_role=actor_role,
            reason=reason,
            at=at,
            action_label=action_label,
            to_status_label=to_status_label,
            to_stage_label=to_stage_label,
        )

        monitoring_transition_out.additional_properties = d
        return monitoring_transition_out

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
