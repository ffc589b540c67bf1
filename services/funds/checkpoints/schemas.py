from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from pydantic import Field

from services.funds.models import FundSource, ProjectCategory
from shared.schemas import InputModel, Money, OutputModel


class Progress(OutputModel):
    allocated: Money = Field(description="安排资金")
    paid: Money = Field(description="截至节点已支付")
    progress: Decimal | None = Field(description="支出进度（已支付 ÷ 安排，四位小数）")
    behind: bool = Field(description="低于节点目标")


class ProjectProgress(Progress):
    project_id: uuid.UUID
    name: str
    town_code: str
    village_code: str | None
    category: ProjectCategory


class FundProgress(Progress):
    fund_id: uuid.UUID
    name: str
    source: FundSource
    amount: Money


class TownProgress(Progress):
    town_code: str
    town_name: str | None
    projects: int
    projects_behind: int


class CheckpointReport(OutputModel):
    year: int
    month: int
    as_of: date
    target_ratio: Decimal
    total: Progress
    towns: list[TownProgress]
    funds: list[FundProgress]
    projects: list[ProjectProgress]


class AssessmentCreate(InputModel):
    year: int = Field(ge=2000, le=2100)
    month: int = Field(ge=1, le=12, description="节点月份（默认 7、10、12 月）")


class AssessmentOut(OutputModel):
    id: uuid.UUID
    year: int
    month: int
    as_of: date
    target_ratio: Decimal
    allocated: Money
    paid: Money
    projects_total: int
    projects_behind: int
    assessed_by: str
    created_at: datetime
    updated_at: datetime
