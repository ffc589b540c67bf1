from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Select, select

from services.funds.models import Announcement, AnnouncementKind, Project


def for_project(project_id: uuid.UUID) -> Select[Announcement]:
    return select(Announcement).where(Announcement.project_id == project_id)


def public(
    *, today: date, year: int | None, town_code: str | None, kind: AnnouncementKind | None
) -> Select[Announcement]:
    """Announcements whose period has begun, with their project (nothing is shown ahead of time)."""
    query = (
        select(Announcement)
        .join(Project, Project.id == Announcement.project_id)
        .where(Announcement.starts_on <= today)
    )
    if year:
        query = query.where(Project.year == year)
    if town_code:
        query = query.where(Project.town_code == town_code)
    if kind:
        query = query.where(Announcement.kind == kind)
    return query
