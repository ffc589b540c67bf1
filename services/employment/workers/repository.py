from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import Training, Worker, WorkerStatus, WorkerVerification, WorkPlace
from shared.auth import Principal
from shared.db import in_territory

if TYPE_CHECKING:
    from services.employment.workers.schemas import TrainingCreate


async def member_registered(session: AsyncSession, member_id: uuid.UUID) -> bool:
    """Across all territories: a member is one worker, whoever registered them."""
    return (await session.scalar(select(Worker.id).where(Worker.member_id == member_id))) is not None


def filtered(
    principal: Principal,
    *,
    town_code: str | None = None,
    village_code: str | None = None,
    household_id: uuid.UUID | None = None,
    status: WorkerStatus | None = None,
    place: WorkPlace | None = None,
    updated_since: datetime | None = None,
    verified_before: date | None = None,
) -> Select[Worker]:
    query = select(Worker).where(in_territory(principal, Worker.village_code))
    if town_code:
        query = query.where(Worker.town_code == town_code)
    if village_code:
        query = query.where(Worker.village_code == village_code)
    if household_id:
        query = query.where(Worker.household_id == household_id)
    if status:
        query = query.where(Worker.status == status)
    if place:
        query = query.where(Worker.place == place)
    if updated_since:
        query = query.where(Worker.updated_at > updated_since)
    if verified_before:
        # The stale ones by the verifications' own index, not a look-up a worker.
        stale = select(WorkerVerification.worker_id).where(WorkerVerification.verified_on < verified_before)
        query = query.where(Worker.id.in_(stale))
    return query


async def verify(session: AsyncSession, worker_id: uuid.UUID, day: date) -> None:
    await session.execute(
        update(WorkerVerification).where(WorkerVerification.worker_id == worker_id).values(verified_on=day)
    )


async def training_exists(session: AsyncSession, worker_id: uuid.UUID, data: TrainingCreate) -> bool:
    found = await session.scalar(
        select(Training.id).where(
            Training.worker_id == worker_id,
            Training.program == data.program,
            Training.course == data.course,
            Training.started_on == data.started_on,
        )
    )
    return found is not None


async def trainings_of(session: AsyncSession, worker_id: uuid.UUID) -> list[Training]:
    rows = await session.scalars(
        select(Training).where(Training.worker_id == worker_id).order_by(Training.started_on, Training.id)
    )
    return list(rows)
