"""脱贫 identity and monitoring category: two attributes, and the one rule that ties them.

A household's ``kind`` says who it is (脱贫户 / 农村低收入人口 / 一般农户) and never changes because it
is monitored; its ``status`` and ``subtype`` say whether and how it is monitored. The category must
fit the identity (2025 plan §一(一); domain.md §1): 脱贫不稳定户 are 脱贫户 whose situation is unstable,
边缘易致贫户 and 突发严重困难户 are households that were never lifted out.
"""

from __future__ import annotations

from services.monitoring.models import HouseholdKind, Subtype
from shared.errors import AppError, FieldProblem

FOR_LIFTED_OUT = (Subtype.UNSTABLE,)
FOR_OTHERS = (Subtype.MARGINAL, Subtype.SUDDEN_HARDSHIP)


def categories_for(kind: HouseholdKind) -> tuple[Subtype, ...]:
    """The monitoring categories a household of this identity can be monitored in."""
    return FOR_LIFTED_OUT if kind is HouseholdKind.LIFTED_OUT else FOR_OTHERS


class CategoryUnfit(AppError):
    """The category asked for (or kept) does not fit the household's identity."""

    status, code = 422, "subtype_not_for_kind"
    title_zh, title_en = "监测对象类型与农户身份不符", "Monitoring category does not fit the household"

    def __init__(self, field: str, kind: HouseholdKind, subtype: Subtype) -> None:
        allowed = "、".join(s.label for s in categories_for(kind))
        message = f"「{kind.label}」只能纳入为{allowed}，不能为「{subtype.label}」"
        super().__init__(message, f"a {kind.value} household cannot be monitored as {subtype.value}")
        self.field_problems = [FieldProblem(field=field, message=message, type=self.code)]


def require_fit(kind: HouseholdKind, subtype: Subtype | None, field: str) -> None:
    """Refuse a category that does not fit the identity (422 ``subtype_not_for_kind`` on ``field``)."""
    if subtype is not None and subtype not in categories_for(kind):
        raise CategoryUnfit(field, kind, subtype)
