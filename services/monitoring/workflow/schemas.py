from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field, computed_field

from services.monitoring.models import EliminationStage, HouseholdStatus, RiskCause, Subtype
from services.monitoring.workflow.elimination import Condition
from shared.labels import LabelledEnum, label_of
from shared.schemas import InputModel, OutputModel


class Action(LabelledEnum):
    START_VERIFICATION = "start_verification", "开始核实"
    SUBMIT_VILLAGE_REVIEW = "submit_village_review", "提交村级评议"
    VILLAGE_APPROVE = "village_approve", "村级评议通过并公示"
    # Taken only by an objection found upheld (POST .../objections/{id}/finding), never asked for.
    OBJECT = "object", "公示异议成立，重新核实"
    CLOSE_NOTICE = "close_notice", "公示期满无异议，报镇审核"
    TOWN_APPROVE = "town_approve", "镇级审核通过，报区审批"
    APPROVE = "approve", "区级审批纳入监测"
    REJECT = "reject", "不予纳入"
    ELIMINATE_RISK = "eliminate_risk", "区级审批标注风险消除"
    MARK_SAFETY_NET = "mark_safety_net", "标注兜底保障户"
    # --- 风险消除程序 (issue 11): the same democratic procedure as inclusion ---
    START_ELIMINATION = "start_elimination", "启动风险消除（入户核实）"
    SUBMIT_ELIMINATION_REVIEW = "submit_elimination_review", "提交风险消除村级民主评议"
    POST_ELIMINATION_NOTICE = "post_elimination_notice", "村级评议通过，风险消除公示"
    OBJECT_ELIMINATION = "object_elimination", "风险消除公示异议成立，退回入户核实"
    CLOSE_ELIMINATION_NOTICE = "close_elimination_notice", "风险消除公示期满，报镇审核"
    TOWN_APPROVE_ELIMINATION = "town_approve_elimination", "镇级审核通过风险消除，报区审批"
    HALT_ELIMINATION = "halt_elimination", "不予消除风险，继续帮扶"


class TransitionIn(InputModel):
    action: Action
    reason: str = Field(min_length=1, max_length=2000, description="理由或依据（必填，留痕）")
    subtype: Subtype | None = Field(default=None, description="提交村级评议时必填：监测对象类型")
    risk_causes: list[RiskCause] | None = Field(default=None, max_length=12, description="提交村级评议时必填")
    notice_posted_on: date | None = Field(
        default=None, description="公示张贴日期（村级评议通过时，默认今天）"
    )


class TransitionOut(OutputModel):
    id: int
    action: str
    from_status: HouseholdStatus
    to_status: HouseholdStatus
    from_stage: EliminationStage | None
    to_stage: EliminationStage | None
    actor: str
    actor_role: str
    reason: str
    at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def action_label(self) -> str:
        return Action(self.action).label

    to_status_label: ClassVar[property] = label_of("to_status")

    to_stage_label: ClassVar[property] = label_of("to_stage", optional=True)


class ConditionOut(OutputModel):
    condition: Condition
    met: bool
    explanation: str = Field(description="说明（中文）")

    condition_label: ClassVar[property] = label_of("condition")


class EliminationCheckOut(OutputModel):
    household_id: uuid.UUID
    checked_on: date
    eligible: bool = Field(description="全部条件满足，可启动（或审批）风险消除")
    safety_net_route: bool = Field(description="无劳动能力且依靠转移性收入：应走兜底保障户路线")
    conditions: list[ConditionOut]


class RiskResolutionIn(InputModel):
    cause: RiskCause = Field(description="农户登记的风险类型之一")
    resolved_on: date = Field(description="消除日期（纳入监测之后，不晚于今天）")
    how: str = Field(min_length=1, max_length=2000, description="如何消除（措施、依据）")


class RiskResolutionOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    cause: RiskCause
    case_included_on: date
    resolved_on: date
    how: str
    recorded_by: str
    recorded_by_role: str
    created_at: datetime
    updated_at: datetime

    cause_label: ClassVar[property] = label_of("cause")
