from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar

from pydantic import Field

from services.monitoring.models import DeclarationStatus, RiskCause
from shared.labels import LabelledEnum, label_of, labels_of
from shared.schemas import InputModel, OutputModel, VillageCode

ACCOUNT_MAX_LENGTH = 2000


class DeclarationCreate(InputModel):
    """农户自主申报 as the applicant (the farmer or a family member) fills it in."""

    village_code: VillageCode = Field(description="所在村（社区）代码，村务公开栏二维码中已带出")
    applicant_name: str = Field(min_length=1, max_length=50, description="申报人姓名")
    id_number: str = Field(min_length=1, max_length=32, description="申报人身份证号（18 位）")
    phone: str = Field(min_length=1, max_length=20, description="申报人手机号，查询进度时需要")
    account: str = Field(min_length=1, max_length=ACCOUNT_MAX_LENGTH, description="遇到的困难（发生了什么）")
    risk_causes: list[RiskCause] = Field(default_factory=list, max_length=12, description="可选：风险类型")


class DeclarationReceipt(OutputModel):
    """What the applicant gets back: the code to quote, and nothing about the household."""

    tracking_code: str = Field(description="查询码：凭查询码和手机号查询办理进度")
    next_step: str


class DeclarationLookup(InputModel):
    tracking_code: str = Field(min_length=1, max_length=20, description="查询码（不区分大小写，可含连字符）")
    phone: str = Field(min_length=1, max_length=20, description="申报时填写的手机号")


# What an applicant may know of their declaration (a comment, not a docstring: the JSON schema's
# description then lists each value with its label).
class DeclarationProgress(LabelledEnum):
    RECEIVED = "received", "已受理"
    VERIFYING = "verifying", "核实中"
    INCLUDED = "included", "已办结：纳入监测帮扶"
    NOT_INCLUDED = "not_included", "已办结：经核实未纳入监测"


class DeclarationProgressOut(OutputModel):
    status: DeclarationProgress
    next_step: str

    status_label: ClassVar[property] = label_of("status")


class RiskCauseOption(OutputModel):
    value: RiskCause
    label: str


class DeclarationForm(OutputModel):
    """What the QR code on a village's notice board opens: the village and how to declare."""

    village_code: str
    village_name: str
    town_code: str
    town_name: str
    submit_to: str = Field(description="POST 申报的地址（JSON，无需登录）")
    lookup_at: str = Field(description="POST 查询进度的地址（查询码 + 手机号）")
    account_max_length: int
    risk_causes: list[RiskCauseOption]
    notice: str


class DeclarationOut(OutputModel):
    """A declaration as the village's cadres see it (ID number and phone masked)."""

    id: uuid.UUID
    tracking_code: str
    town_code: str
    village_code: str
    applicant_name: str
    id_number_masked: str
    phone_masked: str
    account: str
    risk_causes: list[RiskCause]
    status: DeclarationStatus
    household_id: uuid.UUID | None
    alert_id: uuid.UUID | None
    dismissal_reason: str | None
    version: int
    created_at: datetime
    updated_at: datetime

    status_label: ClassVar[property] = label_of("status")
    risk_cause_labels: ClassVar[property] = labels_of("risk_causes")


class DeclarationContact(OutputModel):
    """To call the applicant back and register the household: shown to cadres, each read audited."""

    applicant_name: str
    phone: str
    id_number: str


class DeclarationLink(InputModel):
    household_id: uuid.UUID = Field(description="已登记（或刚登记）的农户；申报随即转为该户的预警")


class DeclarationDismissal(InputModel):
    reason: str = Field(min_length=1, max_length=1000, description="核实排除的理由（如查无此人、重复申报）")
