from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundsElevatedReviewCreate")


@_attrs_define
class FundsElevatedReviewCreate:
    """省级提级综合论证 as recorded by the district.

    Attributes:
        reviewed_on (datetime.date):
        document (str): 文件编号或存档地址
        reason (str): 论证结论
    """

    reviewed_on: datetime.date
    document: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        reviewed_on = self.reviewed_on.isoformat()

        document = self.document

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reviewed_on": reviewed_on,
                "document": document,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reviewed_on = datetime.date.fromisoformat(d.pop("reviewed_on"))

        document = d.pop("document")

        reason = d.pop("reason")

        funds_elevated_review_create = cls(
            reviewed_on=reviewed_on,
            document=document,
            reason=reason,
        )

        return funds_elevated_review_create
