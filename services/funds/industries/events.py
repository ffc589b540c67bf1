"""What the industry register announces: a household's 联农带农 income is at risk (ids, no names)."""

from __future__ import annotations

import uuid
from datetime import date

from services.funds.models import IndustryFlagKind
from shared.events.envelope import EventPayload, EventSpec


class IndustryLinkAtRisk(EventPayload):
    """One household whose gain from an assistance industry is at risk: monitoring raises an alert."""

    flag_id: uuid.UUID
    link_id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    kind: IndustryFlagKind
    industry_name: str
    business_name: str
    observed_on: date


INDUSTRY_LINK_AT_RISK = EventSpec(
    service="funds",
    aggregate="industry_link",
    name="at_risk",
    payload=IndustryLinkAtRisk,
    summary="帮扶产业预警：农户联农带农收益面临中断 / a household's industry income is at risk",
)

PUBLISHED = [INDUSTRY_LINK_AT_RISK]
