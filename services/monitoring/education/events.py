"""Education events: a dropout (控辍保学) case opened, for 教育 and the town (ids and codes only)."""

from __future__ import annotations

import uuid
from datetime import date

from shared.events.envelope import EventPayload, EventSpec


class DropoutOpened(EventPayload):
    case_id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID
    town_code: str
    village_code: str
    opened_on: date


DROPOUT_OPENED = EventSpec(
    service="monitoring",
    aggregate="dropout",
    name="opened",
    payload=DropoutOpened,
    summary="义务教育阶段适龄儿童辍学，已立控辍保学案 / a dropout case was opened",
)

PUBLISHED = [DROPOUT_OPENED]


class VocationalGraduated(EventPayload):
    """A 雨露计划 student graduated, with what they do next: employment may register a job seeker."""

    student_id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID
    town_code: str
    village_code: str
    graduated_on: date
    next_step: str


VOCATIONAL_GRADUATED = EventSpec(
    service="monitoring",
    aggregate="vocational_student",
    name="graduated",
    payload=VocationalGraduated,
    summary="雨露计划学生毕业（附毕业去向，供就业帮扶）/ a 雨露计划 student graduated",
)

PUBLISHED.append(VOCATIONAL_GRADUATED)
