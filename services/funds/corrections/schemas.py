from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.funds.models import CorrectionKind, CorrectionStatus
from shared.labels import label_of
from shared.schemas import InputModel, Money, OutputModel, PositiveMoney


class CorrectionCreate(InputModel):
    kind: CorrectionKind
    target_id: uuid.UUID = Field(description="要冲正的支付、资金安排或还款记录")
    amount: PositiveMoney = Field(description="冲正金额（元），不超过原记录尚未冲正的部分")
    reason: str = Field(min_length=1, max_length=2000, description="冲正原因")
    booked_on: date | None = Field(
        default=None,
        description="冲正分录记账日期（支付、还款；默认今天），不早于原记录日期、不晚于今天；决定计入哪个节点",
    )


class CorrectionDecision(InputModel):
    approve: bool = Field(description="true 批准（即记冲正分录），false 驳回")
    note: str | None = Field(default=None, max_length=2000, description="审批意见")


class CorrectionOut(OutputModel):
    id: uuid.UUID
    kind: CorrectionKind
    target_id: uuid.UUID
    project_id: uuid.UUID | None
    loan_id: uuid.UUID | None
    division_code: str
    amount: Money
    booked_on: date
    reason: str
    status: CorrectionStatus
    requested_by_name: str
    decided_by_name: str | None
    decided_at: datetime | None
    decision_note: str | None
    entry_id: uuid.UUID | None = Field(description="批准后写入的冲正分录（负数金额，corrects_id 指向原记录）")
    version: int
    created_at: datetime
    updated_at: datetime

    kind_label: ClassVar[property] = label_of("kind")
    status_label: ClassVar[property] = label_of("status")
