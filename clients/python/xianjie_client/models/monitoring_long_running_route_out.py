from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_long_running_route import MonitoringLongRunningRoute

if TYPE_CHECKING:
    from ..models.monitoring_route_decision_out import MonitoringRouteDecisionOut


T = TypeVar("T", bound="MonitoringLongRunningRouteOut")


@_attrs_define
class MonitoringLongRunningRouteOut:
    """
    Attributes:
        household_id (UUID):
        long_running (bool): 当前是否为两年及以上未消除风险的监测对象
        included_on (datetime.date | None):
        route (MonitoringLongRunningRoute | None): 本监测期的当前路径（未确定为 null）
        route_done (bool): 路径已落实：风险已消除 / 已标注兜底保障户 / 本年计划已完善
        version (int): 决定次数；改变路径时作为 If-Match
        history (list[MonitoringRouteDecisionOut]): 历次决定，最新在前
        route_label (None | str): route 的中文名称
    """

    household_id: UUID
    long_running: bool
    included_on: datetime.date | None
    route: MonitoringLongRunningRoute | None
    route_done: bool
    version: int
    history: list[MonitoringRouteDecisionOut]
    route_label: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        household_id = str(self.household_id)

        long_running = self.long_running

        included_on: None | str
        if isinstance(self.included_on, datetime.date):
            included_on = self.included_on.isoformat()
        else:
            included_on = self.included_on

        route: None | str
        if isinstance(self.route, MonitoringLongRunningRoute):
            route = self.route.value
        else:
            route = self.route

        route_done = self.route_done

        version = self.version

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        route_label: None | str
        route_label = self.route_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "household_id": household_id,
                "long_running": long_running,
                "included_on": included_on,
                "route": route,
                "route_done": route_done,
                "version": version,
                "history": history,
                "route_label": route_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_route_decision_out import MonitoringRouteDecisionOut  # noqa: PLC0415

        d = dict(src_dict)
        household_id = UUID(d.pop("household_id"))

        long_running = d.pop("long_running")

        def _parse_included_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                included_on_type_0 = datetime.date.fromisoformat(data)

                return included_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        included_on = _parse_included_on(d.pop("included_on"))

        def _parse_route(data: object) -> MonitoringLongRunningRoute | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                route_type_0 = MonitoringLongRunningRoute(data)

                return route_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringLongRunningRoute | None, data)

        route = _parse_route(d.pop("route"))

        route_done = d.pop("route_done")

        version = d.pop("version")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = MonitoringRouteDecisionOut.from_dict(history_item_data)

            history.append(history_item)

        def _parse_route_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        route_label = _parse_route_label(d.pop("route_label"))

        monitoring_long_running_route_out = cls(
            household_id=household_id,
            long_running=long_running,
            included_on=included_on,
            route=route,
            route_done=route_done,
            version=version,
            history=history,
            route_label=route_label,
        )

        monitoring_long_running_route_out.additional_properties = d
        return monitoring_long_running_route_out

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
