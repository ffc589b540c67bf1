"""Self-declaration events: ids and codes only — never the applicant's name, ID number or phone."""

from __future__ import annotations

import uuid

from shared.events.envelope import EventPayload, EventSpec


class DeclarationReceived(EventPayload):
    declaration_id: uuid.UUID
    town_code: str
    village_code: str
    # The alert it became at once (its ID number matched a member of the village); else it waits
    # in the village's inbox for a cadre to register the household and link it.
    alert_id: uuid.UUID | None


DECLARATION_RECEIVED = EventSpec(
    service="monitoring",
    aggregate="declaration",
    name="received",
    payload=DeclarationReceived,
    summary="收到农户自主申报 / a self-declaration came in through the public channel",
)

PUBLISHED = [DECLARATION_RECEIVED]
