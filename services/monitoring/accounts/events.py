"""The gateway event the accounts projection is built from (our own copy of the contract)."""

from __future__ import annotations

from shared.events.envelope import ConsumedEvent, EventReading


class UserChanged(EventReading):
    """Our reading of the gateway's ``user.changed.v1``: the account after the change, as far as a
    helper assignment needs it."""

    user_id: str
    role: str
    division_code: str | None
    active: bool
    version: int


USER_CHANGED = ConsumedEvent(service="gateway", aggregate="user", name="changed", payload=UserChanged)
