from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.monitoring_long_running_route import MonitoringLongRunningRoute

T = TypeVar("T", bound="MonitoringRouteDecisionIn")


@_attrs_define
class MonitoringRouteDecisionIn:
    """
    Attributes:
        route (MonitoringLongRunningRoute): 两年以上监测对象的处置路径 (seed §一(一)): one of three, decided household by household.
        reason (str): 依据（如收入、三保障核实情况）
    """

    route: MonitoringLongRunningRoute
    reason: str

    def to_dict(self) -> dict[str, Any]:
        route = self.route.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "route": route,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        route = MonitoringLongRunningRoute(d.pop("route"))

        reason = d.pop("reason")

        monitoring_route_decision_in = cls(
            route=route,
            reason=reason,
        )

        return monitoring_route_decision_in
