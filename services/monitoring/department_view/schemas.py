from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from shared.schemas import Money


class DepartmentMember(BaseModel):
    """A monitored person as one department reads them: only the fields of its row in the table
    (``services/monitoring/departments.py``) are present; the others are absent, not null."""

    model_config = ConfigDict(extra="forbid")

    member_id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    name: str | None = None
    id_number: str | None = Field(default=None, description="身份证号（完整，供部门系统比对）")
    birth_date: date | None = None
    relation: str | None = None
    relation_label: str | None = None
    household_status: str | None = None
    household_status_label: str | None = None
    subtype: str | None = None
    subtype_label: str | None = None
    lifted_out: bool | None = Field(default=None, description="脱贫户身份")
    health: str | None = None
    health_label: str | None = None
    labour: str | None = None
    labour_label: str | None = None
    schooling: str | None = None
    schooling_label: str | None = None
    medical_insured: bool | None = None
    housing_safe: bool | None = None
    risk_causes: list[str] | None = None
    risk_causes_labels: list[str] | None = None
    income_year: int | None = None
    per_capita_net_income: Money | None = None
    safety_net_candidate: bool | None = Field(
        default=None, description="低保/特困候选：已纳入监测，且无劳动力成员或最近年度人均纯收入低于监测线"
    )


class DepartmentPage(BaseModel):
    department: str = Field(description="部门（Department）")
    department_label: str
    fields: list[str] = Field(description="本部门可读的字段")
    items: list[DepartmentMember]
    next_cursor: str | None = None
