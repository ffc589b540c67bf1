from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.monitoring_condition_out import MonitoringConditionOut


T = TypeVar("T", bound="MonitoringEliminationCheckOut")


@_attrs_define
class MonitoringEliminationCheckOut:
    """
    Attributes:
        household_id (UUID):
        checked_on (datetime.date):
        eligible (bool): 全部条件满足，可启动（或审批）风险消除
        safety_net_route (bool): 无劳动能力且依靠转移性收入：应走兜底保障户路线
        conditions (list[MonitoringConditionOut]):
    """

    household_id: UUID
    checked_on: datetime.date
    eligible: bool
    safety_net_route: bool
    conditions: list[MonitoringConditionOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        household_id = str(self.household_id)

        checked_on = self.checked_on.isoformat()

        eligible = self.eligible

        safety_net_route = self.safety_net_route

        conditions = []
        for conditions_item_data in self.conditions:
            conditions_item = conditions_item_data.to_dict()
            conditions.append(conditions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "household_id": household_id,
                "checked_on": checked_on,
                "eligible": eligible,
                "safety_net_route": safety_net_route,
                "conditions": conditions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_condition_out import MonitoringConditionOut  # noqa: PLC0415

        d = dict(src_dict)
        household_id = UUID(d.pop("household_id"))

        checked_on = datetime.date.fromisoformat(d.pop("checked_on"))

        eligible = d.pop("eligible")

        safety_net_route = d.pop("safety_net_route")

        conditions = []
        _conditions = d.pop("conditions")
        for conditions_item_data in _conditions:
            conditions_item = MonitoringConditionOut.from_dict(conditions_item_data)

            conditions.append(conditions_item)

        monitoring_elimination_check_out = cls(
            household_id=household_id,
            checked_on=checked_on,
            eligible=eligible,
            safety_net_route=safety_net_route,
            conditions=conditions,
        )

        monitoring_elimination_check_out.additional_properties = d
        return monitoring_elimination_check_out

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
