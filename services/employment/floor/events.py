"""What the employment service tells departmental systems about the 2155 floor (counts only)."""

from __future__ import annotations

from datetime import date

from shared.events.envelope import EventPayload, EventSpec


class FloorChanged(EventPayload):
    """Contract read by departmental systems: keep these fields and their meaning stable in v1."""

    as_of: date
    employed: int
    floor: int
    warning_margin: int


FLOOR_WARNING = EventSpec(
    service="employment",
    aggregate="floor",
    name="warning",
    payload=FloorChanged,
    summary="务工就业人数进入底线预警区间 / the employed count came within the warning margin",
)
FLOOR_BREACHED = EventSpec(
    service="employment",
    aggregate="floor",
    name="breached",
    payload=FloorChanged,
    summary="务工就业人数低于底线 / the employed count fell below the floor",
)
FLOOR_RECOVERED = EventSpec(
    service="employment",
    aggregate="floor",
    name="recovered",
    payload=FloorChanged,
    summary="务工就业人数恢复到预警线以上 / the employed count is back above the warning margin",
)

PUBLISHED = [FLOOR_WARNING, FLOOR_BREACHED, FLOOR_RECOVERED]
