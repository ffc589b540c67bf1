"""The monitoring event this area consumes (our own reading of the contract, not their package)."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel, ConfigDict

HOUSEHOLD_INCLUDED_TYPE = "cn.xianjie.monitoring.household.included.v1"
HOUSEHOLD_INCLUDED_SUBJECT = "xianjie.monitoring.household.included"


class HouseholdIncluded(BaseModel):
    model_config = ConfigDict(extra="ignore")

    household_id: uuid.UUID
    town_code: str
    village_code: str
    subtype: str
    risk_causes: list[str]
    included_on: date
    able_bodied_member_ids: list[uuid.UUID]
