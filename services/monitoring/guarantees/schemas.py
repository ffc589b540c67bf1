"""Department batches for 三保障和饮水安全: one record per person, its kind saying which record it fills."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from services.monitoring.models import AidKind, HousingGrade, InsuranceSubsidy, Term
from shared.schemas import InputModel, NonNegativeMoney, OutputModel, PositiveMoney


class _Record(InputModel):
    record_id: str = Field(min_length=1, max_length=60, description="部门系统中的记录编号（批内唯一）")
    id_number: str = Field(min_length=1, max_length=32, description="身份证号，用于匹配农户成员")


class HousingRecord(_Record):
    kind: Literal["housing_appraisal"]
    appraised_on: date
    grade: HousingGrade
    appraiser: str = Field(min_length=1, max_length=100)


class WaterRecord(_Record):
    kind: Literal["water_check"]
    checked_on: date
    safe: bool
    finding: str = Field(default="", max_length=2000)


class DropoutRecord(_Record):
    kind: Literal["dropout"]
    opened_on: date
    reason: str = Field(min_length=1, max_length=2000)


class AidRecord(_Record):
    kind: Literal["student_aid"]
    aid_kind: AidKind
    amount: PositiveMoney
    school_year: int = Field(ge=2000, le=2100)
    term: Term
    granted_on: date


class InsuranceRecord(_Record):
    kind: Literal["insurance"]
    year: int = Field(ge=2000, le=2100)
    insured: bool
    subsidy: InsuranceSubsidy = InsuranceSubsidy.NONE
    subsidy_amount: NonNegativeMoney = Decimal("0.00")


class ExpenseRecord(_Record):
    kind: Literal["medical_expense"]
    settled_on: date
    total: PositiveMoney
    basic_insurance_paid: NonNegativeMoney
    serious_illness_paid: NonNegativeMoney
    medical_assistance_paid: NonNegativeMoney


GuaranteeRecord = Annotated[
    HousingRecord | WaterRecord | DropoutRecord | AidRecord | InsuranceRecord | ExpenseRecord,
    Field(discriminator="kind"),
]


class GuaranteeBatch(InputModel):
    batch_id: str = Field(min_length=1, max_length=60, description="批次编号：同一批次重复推送不会重复登记")
    records: list[GuaranteeRecord] = Field(min_length=1)


class GuaranteeRecordResult(OutputModel):
    record_id: str
    status: Literal["accepted", "unchanged", "refused"]
    alert_raised: bool = False
    reason: str | None = None


class GuaranteeBatchReport(OutputModel):
    batch_id: str
    department: str
    received: int
    accepted: int
    already_received: int = Field(description="此前已推送过的记录数（未重复登记）")
    refused: int
    alerts_raised: int = Field(description="本批发现新风险而产生的预警数")
    records: list[GuaranteeRecordResult] = Field(description="逐条回执")
