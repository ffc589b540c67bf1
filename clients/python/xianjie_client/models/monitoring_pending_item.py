from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_household_status import MonitoringHouseholdStatus
from ..models.monitoring_pending_kind import MonitoringPendingKind

T = TypeVar("T", bound="MonitoringPendingItem")


@_attrs_define
class MonitoringPendingItem:
    """
    Attributes:
        kind (MonitoringPendingKind): What waits on a town (待办): each kind has its own clock.
        household_id (UUID):
        alert_id (None | UUID): 预警超期未核实：该预警
        town_code (str):
        village_code (str):
        village_name (str):
        head_name (str):
        stage (MonitoringHouseholdStatus): Where a household stands in identification and assistance (识别纳入 → 帮扶 →
            消除/兜底).
        since (datetime.date): 起算日：首次预警日期 / 预警日期 / 纳入监测日期
        due_on (datetime.date): 时限的最后一天（识别时限、核实期限，或满两年之日）
        days (int): 自起算日已过天数
        days_over (int): 超出时限的天数
        kind_label (str): kind 的中文名称
        stage_label (str): stage 的中文名称
    """

    kind: MonitoringPendingKind
    household_id: UUID
    alert_id: None | UUID
    town_code: str
    village_code: str
    village_name: str
    head_name: str
    stage: MonitoringHouseholdStatus
    since: datetime.date
    due_on: datetime.date
    days: int
    days_over: int
    kind_label: str
    stage_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        household_id = str(self.household_id)

        alert_id: None | str
        if isinstance(self.alert_id, UUID):
            alert_id = str(self.alert_id)
        else:
            alert_id = self.alert_id

        town_code = self.town_code

        village_code = self.village_code

        village_name = self.village_name

        head_name = self.head_name

        stage = self.stage.value

        since = self.since.isoformat()

        due_on = self.due_on.isoformat()

        days = self.days

        days_over = self.days_over

        kind_label = self.kind_label

        stage_label = self.stage_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "household_id": household_id,
                "alert_id": alert_id,
                "town_code": town_code,
                "village_code": village_code,
                "village_name": village_name,
                "head_name": head_name,
                "stage": stage,
                "since": since,
                "due_on": due_on,
                "days": days,
                "days_over": days_over,
                "kind_label": kind_label,
                "stage_label": stage_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = MonitoringPendingKind(d.pop("kind"))

        household_id = UUID(d.pop("household_id"))

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

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        village_name = d.pop("village_name")

        head_name = d.pop("head_name")

        stage = MonitoringHouseholdStatus(d.pop("stage"))

        since = datetime.date.fromisoformat(d.pop("since"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        days = d.pop("days")

        days_over = d.pop("days_over")

        kind_label = d.pop("kind_label")

        stage_label = d.pop("stage_label")

        monitoring_pending_item = cls(
            kind=kind,
            household_id=household_id,
            alert_id=alert_id,
            town_code=town_code,
            village_code=village_code,
            village_name=village_name,
            head_name=head_name,
            stage=stage,
            since=since,
            due_on=due_on,
            days=days,
            days_over=days_over,
            kind_label=kind_label,
            stage_label=stage_label,
        )

        monitoring_pending_item.additional_properties = d
        return monitoring_pending_item

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
