from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AssetsApproval")


@_attrs_define
class AssetsApproval:
    """
    Attributes:
        approved_by (str): 审批机关
        approval_ref (str): 批复文号
        approved_on (datetime.date):
    """

    approved_by: str
    approval_ref: str
    approved_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        approved_by = self.approved_by

        approval_ref = self.approval_ref

        approved_on = self.approved_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "approved_by": approved_by,
                "approval_ref": approval_ref,
                "approved_on": approved_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approved_by = d.pop("approved_by")

        approval_ref = d.pop("approval_ref")

        approved_on = datetime.date.fromisoformat(d.pop("approved_on"))

        assets_approval = cls(
            approved_by=approved_by,
            approval_ref=approval_ref,
            approved_on=approved_on,
        )

        return assets_approval
