from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.monitoring.models import HousingGrade, RenovationStatus
from shared.labels import label_of
from shared.schemas import InputModel, OutputModel


class AppraisalIn(InputModel):
    appraised_on: date = Field(description="鉴定日期")
    grade: HousingGrade = Field(description="鉴定等级：a/b 安全，c/d 危房")
    appraiser: str = Field(min_length=1, max_length=100, description="鉴定单位或鉴定人")


class AppraisalOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    appraised_on: date
    grade: HousingGrade
    dangerous: bool
    appraiser: str
    created_at: datetime

    grade_label: ClassVar[property] = label_of("grade")


class RenovationCaseOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    opening_appraisal_id: uuid.UUID
    opened_on: date
    status: RenovationStatus
    completed_on: date | None
    closing_appraisal_id: uuid.UUID | None
    closed_on: date | None
    version: int
    updated_at: datetime

    status_label: ClassVar[property] = label_of("status")


class AppraisalRecorded(OutputModel):
    appraisal: AppraisalOut
    housing_safe: bool = Field(description="农户住房是否安全（按最近一次鉴定）")
    renovation_case: RenovationCaseOut | None = Field(description="该户未销号的危房改造（或本次复评销号的）")


class CompletionIn(InputModel):
    completed_on: date = Field(description="改造竣工日期")
