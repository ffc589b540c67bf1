"""Alert events: what monitoring publishes, and the employment event it turns into alerts."""

from __future__ import annotations

import uuid
from datetime import date

from shared.events.envelope import ConsumedEvent, EventPayload, EventReading, EventSpec


class AlertRaised(EventPayload):
    alert_id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    source: str


ALERT_RAISED = EventSpec(
    service="monitoring",
    aggregate="alert",
    name="raised",
    payload=AlertRaised,
    summary="产生返贫致贫风险预警 / a risk alert was raised",
)

PUBLISHED = [ALERT_RAISED]


class WorkerUnemployed(EventReading):
    """Our reading of employment's ``worker.unemployed.v1`` (we keep our own copy of the contract)."""

    worker_id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    ended_on: date


WORKER_UNEMPLOYED = ConsumedEvent(
    service="employment", aggregate="worker", name="unemployed", payload=WorkerUnemployed
)


class IndustryLinkAtRisk(EventReading):
    """Our reading of funds' ``industry_link.at_risk.v1``: one household's 联农带农 income at risk."""

    household_id: uuid.UUID
    kind: str  # business_failing | link_broken: funds' vocabulary, kept as sent
    industry_name: str
    business_name: str
    observed_on: date


INDUSTRY_LINK_AT_RISK = ConsumedEvent(
    service="funds", aggregate="industry_link", name="at_risk", payload=IndustryLinkAtRisk
)
