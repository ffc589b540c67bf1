from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AssetsReversalIn")


@_attrs_define
class AssetsReversalIn:
    """冲销: the compensating entry that voids a distribution; never an edit of it.

    Attributes:
        reversed_on (datetime.date): 冲销日期
        reason (str): 冲销理由
        approved_by (str): 批准机构，如 村民代表大会、镇党委
        approval_ref (str): 批准文号或决议编号
        approved_on (datetime.date): 批准日期（不晚于冲销日期）
    """

    reversed_on: datetime.date
    reason: str
    approved_by: str
    approval_ref: str
    approved_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        reversed_on = self.reversed_on.isoformat()

        reason = self.reason

        approved_by = self.approved_by

        approval_ref = self.approval_ref

        approved_on = self.approved_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reversed_on": reversed_on,
                "reason": reason,
                "approved_by": approved_by,
                "approval_ref": approval_ref,
                "approved_on": approved_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reversed_on = datetime.date.fromisoformat(d.pop("reversed_on"))

        reason = d.pop("reason")

        approved_by = d.pop("approved_by")

        approval_ref = d.pop("approval_ref")

        approved_on = datetime.date.fromisoformat(d.pop("approved_on"))

        assets_reversal_in = cls(
            reversed_on=reversed_on,
            reason=reason,
            approved_by=approved_by,
            approval_ref=approval_ref,
            approved_on=approved_on,
        )

        return assets_reversal_in
