from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import Field

from shared.schemas import InputModel, Money, NonNegativeMoney, OutputModel

MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"


class WageCreate(InputModel):
    month: str = Field(pattern=MONTH_PATTERN, description="起始月份（YYYY-MM），该月起按此工资")
    monthly_wage: NonNegativeMoney = Field(description="月工资（元）")


class WageOut(OutputModel):
    id: uuid.UUID
    spell_id: uuid.UUID
    worker_id: uuid.UUID
    month: date = Field(description="起始月份（该月 1 日）")
    monthly_wage: Money
    created_at: datetime
