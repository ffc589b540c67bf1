from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_long_running_route import MonitoringLongRunningRoute

T = TypeVar("T", bound="MonitoringRouteDecisionOut")


@_attrs_define
class MonitoringRouteDecisionOut:
    """
    Attributes:
        sequence (int): 第几次决定（最新一次即当前路径）
        route (MonitoringLongRunningRoute): 两年以上监测对象的处置路径 (seed §一(一)): one of three, decided household by household.
        reason (str):
        decided_by (str):
        decided_by_role (str):
        decided_at (datetime.datetime):
        included_on (datetime.date): 所决定的监测期（纳入日期）
        superseded_at (datetime.datetime | None): 被新决定取代的时间
        route_label (str): route 的中文名称
    """

    sequence: int
    route: MonitoringLongRunningRoute
    reason: str
    decided_by: str
    decided_by_role: str
    decided_at: datetime.datetime
    included_on: datetime.date
    superseded_at: datetime.datetime | None
    route_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sequence = self.sequence

        route = self.route.value

        reason = self.reason

        decided_by = self.decided_by

        decided_by_role = self.decided_by_role

        decided_at = self.decided_at.isoformat()

        included_on = self.included_on.isoformat()

        superseded_at: None | str
        if isinstance(self.superseded_at, datetime.datetime):
            superseded_at = self.superseded_at.isoformat()
        else:
            superseded_at = self.superseded_at

        route_label = self.route_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sequence": sequence,
                "route": route,
                "reason": reason,
                "decided_by": decided_by,
                "decided_by_role": decided_by_role,
                "decided_at": decided_at,
                "included_on": included_on,
                "superseded_at": superseded_at,
                "route_label": route_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sequence = d.pop("sequence")

        route = MonitoringLongRunningRoute(d.pop("route"))

        reason = d.pop("reason")

        decided_by = d.pop("decided_by")

        decided_by_role = d.pop("decided_by_role")

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        included_on = datetime.date.fromisoformat(d.pop("included_on"))

        def _parse_superseded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                superseded_at_type_0 = datetime.datetime.fromisoformat(data)

                return superseded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        superseded_at = _parse_superseded_at(d.pop("superseded_at"))

        route_label = d.pop("route_label")

        monitoring_route_decision_out = cls(
            sequence=sequence,
            route=route,
            reason=reason,
            decided_by=decided_by,
            decided_by_role=decided_by_role,
            decided_at=decided_at,
            included_on=included_on,
            superseded_at=superseded_at,
            route_label=route_label,
        )

        monitoring_route_decision_out.additional_properties = d
        return monitoring_route_decision_out

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
