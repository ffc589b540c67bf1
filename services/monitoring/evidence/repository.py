from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import Evidence, EvidenceKind, Transition, Visit


async def get(session: AsyncSession, evidence_id: uuid.UUID, *, for_update: bool = False) -> Evidence | None:
    """One file, whoever asks: the caller's scope is checked on its household (service.visible)."""
    query = select(Evidence).where(Evidence.id == evidence_id)
    return await session.scalar(query.with_for_update() if for_update else query)


def of_household(
    household_id: uuid.UUID,
    *,
    kind: EvidenceKind | None,
    include_withdrawn: bool,
    updated_since: datetime | None,
) -> Select[Evidence]:
    query = select(Evidence).where(Evidence.household_id == household_id)
    if kind:
        query = query.where(Evidence.kind == kind)
    if not include_withdrawn:
        query = query.where(Evidence.withdrawn_at.is_(None))
    if updated_since:
        query = query.where(Evidence.updated_at > updated_since)
    return query


async def visit_of(session: AsyncSession, household_id: uuid.UUID, visit_id: uuid.UUID) -> bool:
    found = await session.scalar(
        select(Visit.id).where(Visit.id == visit_id, Visit.household_id == household_id)
    )
    return found is not None


async def transition_of(session: AsyncSession, household_id: uuid.UUID, transition_id: int) -> bool:
    found = await session.scalar(
        select(Transition.id).where(Transition.id == transition_id, Transition.household_id == household_id)
    )
    return found is not None
