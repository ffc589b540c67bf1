from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from pydantic import Field, computed_field

from services.monitoring.models import HouseholdStatus, RiskCause, Subtype
from shared.labels import LabelledEnum, label_of
from shared.schemas import InputModel, OutputModel


class Action(LabelledEnum):
    START_VERIFICATION = "start_verification", "开始核实"
    SUBMIT_VILLAGE_REVIEW = "submit_village_review", "提交村级评议"
    VILLAGE_APPROVE = "village_approve", "村级评议通过并公示"
    OBJECT = "object", "公示异议，重新核实"
    CLOSE_NOTICE = "close_notice", "公示期满无异议，报镇审核"
    TOWN_APPROVE = "town_approve", "镇级审核通过，报区审批"
    APPROVE = "approve", "区级审批纳入监测"
    REJECT = "reject", "不予纳入"
    ELIMINATE_RISK = "eliminate_risk", "标注风险消除"
    MARK_SAFETY_NET = "mark_safety_net", "标注兜底保障户"


class TransitionIn(InputModel):
    action: Action
    reason: str = Field(min_length=1, max_length=2000, description="理由或依据（必填，留痕）")
    subtype: Subtype | None = Field(default=None, description="提交村级评议时必填：监测对象类型")
    risk_causes: list[RiskCause] | None = Field(default=None, max_length=11, description="提交村级评议时必填")
    notice_posted_on: date | None = Field(
        default=None, description="公示张贴日期（村级评议通过时，默认今天）"
    )


class TransitionOut(OutputModel):
    id: int
    action: str
    from_status: HouseholdStatus
    to_status: HouseholdStatus
    actor: str
    actor_role: str
    reason: str
    at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def action_label(self) -> str:
        return Action(self.action).label

    to_status_label: ClassVar[property] = label_of("to_status")
