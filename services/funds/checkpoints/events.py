"""Checkpoint assessments, as announced to departmental systems (amounts, ratios and ids)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from shared.events.envelope import EventPayload, EventSpec
from shared.schemas import Money


class CheckpointAssessed(EventPayload):
    assessment_id: uuid.UUID
    year: int
    month: int
    as_of: date
    target_ratio: Decimal
    allocated: Money
    paid: Money
    progress: Decimal | None
    projects_total: int
    projects_behind: int
    behind_project_ids: list[uuid.UUID]


CHECKPOINT_ASSESSED = EventSpec(
    service="funds",
    aggregate="checkpoint",
    name="assessed",
    payload=CheckpointAssessed,
    summary="资金支出进度节点评估完成 / disbursement progress was assessed at a checkpoint",
)

PUBLISHED = [CHECKPOINT_ASSESSED]
