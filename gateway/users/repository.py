from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.models import ServiceClient, User
from shared.auth import Role


async def get(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    return await session.get(User, user_id)


async def username_taken(session: AsyncSession, username: str) -> bool:
    return await session.scalar(select(User.id).where(User.username == username.lower())) is not None


def filtered(
    *, role: Role | None, division_code: str | None, active: bool | None, updated_since: datetime | None
) -> Select[User]:
    query = select(User)
    if role is not None:
        query = query.where(User.role == role)
    if division_code:
        query = query.where(User.division_code.startswith(division_code, autoescape=True))
    if active is not None:
        query = query.where(User.active.is_(active))
    if updated_since is not None:
        query = query.where(User.updated_at > updated_since)
    return query


async def client_taken(session: AsyncSession, client_id: str) -> bool:
    return (
        await session.scalar(select(ServiceClient.id).where(ServiceClient.client_id == client_id)) is not None
    )


def clients() -> Select[ServiceClient]:
    return select(ServiceClient)
