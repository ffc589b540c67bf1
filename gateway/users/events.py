"""What the gateway announces about accounts: every change, so that services stop trusting tokens
issued before it (shared.events.revocations) and keep their own view of who the helpers are."""

from __future__ import annotations

from datetime import UTC, datetime

from gateway.models import User
from shared.auth import Role
from shared.events.envelope import EventPayload, EventSpec


class UserChanged(EventPayload):
    """The account as it is after the change (no names: ids, role and place only)."""

    user_id: str  # the ``sub`` of the account's tokens
    role: Role
    division_code: str | None
    department: str | None
    active: bool
    version: int
    changed_at: datetime


USER_CHANGED = EventSpec(
    service="gateway",
    aggregate="user",
    name="changed",
    payload=UserChanged,
    summary="账号已创建或变更（角色、辖区、停用）/ an account was created or changed",
)

PUBLISHED = [USER_CHANGED]


def user_changed(user: User) -> UserChanged:
    return UserChanged(
        user_id=str(user.id),
        role=user.role,
        division_code=user.division_code,
        department=user.department,
        active=user.active,
        version=user.version,
        # The gateway's clock, the one its tokens' iat comes from (not the database's).
        changed_at=datetime.now(UTC),
    )
