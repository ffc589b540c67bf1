"""Responsible helpers (帮扶责任人) are real accounts: the gateway's users, projected from its events.

``helper_user_id`` names an account of the gateway, another component's record (domain §5: a
claim, not a fact). A household's helper is accepted only if the projection holds an active account
with the helper role; the coverage reports count only such helpers, so a made-up id or a
deactivated account shows up as a household without one.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from services.monitoring.accounts.events import USER_CHANGED
from services.monitoring.models import ProjectedUser
from shared.auth import Role
from shared.context import RequestContext
from shared.events.consumer import EventContext
from shared.projections import UnknownReference, apply_newer

SOURCE = "gateway"
FIELD = "helper_user_id"
PROJECTED_USERS = cast(Table, ProjectedUser.__table__)


async def on_user_changed(ctx: EventContext) -> None:
    """gateway: user.changed → the account as it now is. Only the projection's table is written
    (a rebuild replays this), and only by a newer version, so redeliveries and reordering agree."""
    user = ctx.read(USER_CHANGED)
    await apply_newer(ctx.session, PROJECTED_USERS, user.model_dump(), key="user_id")


def serves(account: ProjectedUser, village_code: str) -> bool:
    """An active helper account, bound to no division or to one the household lies in (the gateway
    gives helpers none today; a division given later confines them)."""
    return (
        account.active
        and account.role == Role.HELPER.value
        and (account.division_code is None or village_code.startswith(account.division_code))
    )


async def require_helper(ctx: RequestContext, user_id: str, village_code: str) -> None:
    """Refuse a helper who is not a real, active helper account for a household in ``village_code``.

    Unknown, deactivated and other roles all answer ``unknown_reference`` on ``helper_user_id``;
    an id not projected yet while the gateway's events are still arriving answers the retryable
    ``reference_pending``.
    """
    account = await ctx.require_reference(
        await ctx.session.get(ProjectedUser, user_id),
        field=FIELD,
        source=SOURCE,
    )
    if not serves(account, village_code):
        raise UnknownReference(FIELD)
