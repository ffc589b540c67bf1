from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.monitoring.models import HouseholdStatus, LongRunningRoute
from shared.labels import LabelledEnum, label_of
from shared.schemas import InputModel, OutputModel


class PendingKind(LabelledEnum):
    """What waits on a town (待办): each kind has its own clock."""

    IDENTIFICATION_OVERDUE = "identification_overdue", "识别纳入超时限"
    ALERT_WAITING = "alert_waiting", "预警超期未核实"
    LONG_RUNNING_UNROUTED = "long_running_unrouted", "两年以上监测对象未确定处置路径"


class PendingItem(OutputModel):
    kind: PendingKind
    household_id: uuid.UUID
    alert_id: uuid.UUID | None = Field(description="预警超期未核实：该预警")
    town_code: str
    village_code: str
    village_name: str
    head_name: str
    stage: HouseholdStatus = Field(description="农户当前所处环节")
    since: date = Field(description="起算日：首次预警日期 / 预警日期 / 纳入监测日期")
    due_on: date = Field(description="时限的最后一天（识别时限、核实期限，或满两年之日）")
    days: int = Field(description="自起算日已过天数")
    days_over: int = Field(description="超出时限的天数")

    kind_label: ClassVar[property] = label_of("kind")

    stage_label: ClassVar[property] = label_of("stage")


class RouteFilter(LabelledEnum):
    ELIMINATE = "eliminate", "风险消除"
    SAFETY_NET = "safety_net", "兜底保障"
    REFINE_PLAN = "refine_plan", "完善帮扶计划"
    UNROUTED = "unrouted", "未确定路径"


class RouteDecisionIn(InputModel):
    route: LongRunningRoute
    reason: str = Field(min_length=1, max_length=2000, description="依据（如收入、三保障核实情况）")


class RouteDecisionOut(OutputModel):
    sequence: int = Field(description="第几次决定（最新一次即当前路径）")
    route: LongRunningRoute
    reason: str
    decided_by: str
    decided_by_role: str
    decided_at: datetime
    included_on: date = Field(description="所决定的监测期（纳入日期）")
    superseded_at: datetime | None = Field(description="被新决定取代的时间")

    route_label: ClassVar[property] = label_of("route")


class LongRunningRouteOut(OutputModel):
    household_id: uuid.UUID
    long_running: bool = Field(description="当前是否为两年及以上未消除风险的监测对象")
    included_on: date | None
    route: LongRunningRoute | None = Field(description="本监测期的当前路径（未确定为 null）")
    route_done: bool = Field(description="路径已落实：风险已消除 / 已标注兜底保障户 / 本年计划已完善")
    version: int = Field(description="决定次数；改变路径时作为 If-Match")
    history: list[RouteDecisionOut] = Field(description="历次决定，最新在前")

    route_label: ClassVar[property] = label_of("route", optional=True)
