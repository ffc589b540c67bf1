"""What the funds service announces about corrections (ids and amounts, no names)."""

from __future__ import annotations

import uuid

from services.funds.models import CorrectionKind, CorrectionStatus
from shared.events.envelope import EventPayload, EventSpec
from shared.schemas import Money


class CorrectionChanged(EventPayload):
    """A correction was asked for (an approver must act) or decided (finance systems follow it)."""

    correction_id: uuid.UUID
    kind: CorrectionKind
    target_id: uuid.UUID
    project_id: uuid.UUID | None
    loan_id: uuid.UUID | None
    amount: Money
    status: CorrectionStatus
    # The compensating entry, once approved.
    entry_id: uuid.UUID | None


CORRECTION_REQUESTED = EventSpec(
    service="funds",
    aggregate="correction",
    name="requested",
    payload=CorrectionChanged,
    summary="资金冲正申请待审批 / a correction awaits a second person's approval",
)
CORRECTION_DECIDED = EventSpec(
    service="funds",
    aggregate="correction",
    name="decided",
    payload=CorrectionChanged,
    summary="资金冲正已审批（批准即已记冲正分录）/ a correction was approved (entry written) or rejected",
)

PUBLISHED = [CORRECTION_REQUESTED, CORRECTION_DECIDED]
