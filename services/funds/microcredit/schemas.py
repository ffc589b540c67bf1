from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from pydantic import Field

from services.funds.models import BorrowerKind
from shared.labels import LabelledEnum, label_of
from shared.schemas import InputModel, Money, OutputModel, PositiveMoney, VillageCode


class LoanStatus(LabelledEnum):
    """Derived at a date, never stored: a loan becomes overdue by the calendar alone."""

    ACTIVE = "active", "正常"
    OVERDUE = "overdue", "逾期"
    REPAID = "repaid", "已结清"


class LoanCreate(InputModel):
    household_id: uuid.UUID = Field(
        description="借款农户（监测服务中的户 id，须在本辖区，且为脱贫户或监测户）"
    )
    member_id: uuid.UUID = Field(description="借款人（该户在册成员的 id）")
    borrower_kind: BorrowerKind = Field(description="须与监测服务中该户的身份一致")
    village_code: VillageCode = Field(description="借款农户所在村（须与监测服务一致）")
    lender: str = Field(min_length=1, max_length=100, description="放贷银行", examples=["济源农商银行"])
    amount: PositiveMoney
    term_months: int = Field(ge=1, le=120)
    issued_on: date


class LoanOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID
    borrower_kind: BorrowerKind
    town_code: str
    village_code: str
    lender: str
    amount: Money
    term_months: int
    issued_on: date
    due_on: date
    repaid: Money
    status: LoanStatus
    version: int
    created_at: datetime
    updated_at: datetime

    borrower_kind_label: ClassVar[property] = label_of("borrower_kind")

    status_label: ClassVar[property] = label_of("status")


class RepaymentCreate(InputModel):
    amount: PositiveMoney
    repaid_on: date


class RepaymentOut(OutputModel):
    id: uuid.UUID
    loan_id: uuid.UUID
    amount: Money
    repaid_on: date
    corrects_id: uuid.UUID | None = Field(default=None, description="冲正分录：所冲正的原还款")
    reversed: Money = Field(default=Decimal(0), description="已被冲正的金额")
    created_at: datetime


class TownOverdue(OutputModel):
    town_code: str
    town_name: str | None
    loans: int
    outstanding: Money = Field(description="贷款余额")
    overdue_loans: int
    overdue_balance: Money = Field(description="逾期余额")
    overdue_ratio: Decimal | None = Field(description="逾期率 = 逾期余额 ÷ 贷款余额")
    over_bound: bool


class OverdueReport(OutputModel):
    as_of: date
    bound: Decimal = Field(description="逾期率上限（配置）")
    total: TownOverdue
    towns: list[TownOverdue]
