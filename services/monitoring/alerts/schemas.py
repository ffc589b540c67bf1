from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field, computed_field

from services.monitoring.models import ALERT_SOURCE_LABELS, ALERT_STATUS_LABELS, AlertSource, AlertStatus
from shared.schemas import InputModel, OutputModel


class AlertCreate(InputModel):
    household_id: uuid.UUID
    source: AlertSource
    reason: str = Field(min_length=1, max_length=2000)


class AlertOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    source: AlertSource
    reason: str
    status: AlertStatus
    created_at: datetime
    updated_at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def source_label(self) -> str:
        return ALERT_SOURCE_LABELS[self.source]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def status_label(self) -> str:
        return ALERT_STATUS_LABELS[self.status]
