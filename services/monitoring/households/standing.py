"""A cancelled household (注销: died out, moved away, merged into another) is history, not a case.

It stays readable — its record, members and history — but takes no more changes, workflow steps
or members; lists and counts leave it out unless asked for.
"""

from __future__ import annotations

from services.monitoring.models import Household
from shared.errors import AppError


class HouseholdCancelled(AppError):
    status, code = 409, "household_cancelled"
    title_zh, title_en = "农户已注销", "The household was cancelled"


def require_not_cancelled(household: Household, *, what: str = "该户") -> None:
    """Refuse any change of a cancelled household (409 ``household_cancelled``)."""
    if household.cancelled_on is not None:
        raise HouseholdCancelled(
            f"{what}已于 {household.cancelled_on.isoformat()} 注销，不能再办理变动或流程操作",
            f"the household was cancelled on {household.cancelled_on.isoformat()}",
            cancelled_on=household.cancelled_on.isoformat(),
        )
