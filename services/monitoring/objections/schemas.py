from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field, computed_field

from services.monitoring.models import NoticeProcedure, ObjectionStatus
from shared.labels import LabelledEnum, label_of
from shared.schemas import InputModel, OutputModel

ANONYMOUS = "匿名"


class Finding(LabelledEnum):
    UPHELD = "upheld", "异议成立"
    DISMISSED = "dismissed", "异议不成立"


class ObjectionIn(InputModel):
    objector_name: str | None = Field(
        default=None, min_length=1, max_length=50, description="异议人姓名；不填为匿名"
    )
    content: str = Field(min_length=1, max_length=4000, description="异议内容")
    lodged_on: date | None = Field(default=None, description="提出日期（公示期间，不晚于今天；默认今天）")


class FindingIn(InputModel):
    finding: Finding = Field(description="upheld 成立：退回重新核实；dismissed 不成立：公示继续")
    note: str = Field(min_length=1, max_length=4000, description="核查结论与依据")


class ObjectionOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    procedure: NoticeProcedure
    notice_posted_on: date
    objector_name: str | None
    content: str
    lodged_on: date
    recorded_by: str
    recorded_by_role: str
    status: ObjectionStatus
    finding: str | None
    handled_by: str | None
    handled_by_role: str | None
    handled_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime

    procedure_label: ClassVar[property] = label_of("procedure")

    status_label: ClassVar[property] = label_of("status")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def objector(self) -> str:
        """Who objects, as the console shows it: the name given, or 匿名."""
        return self.objector_name or ANONYMOUS
