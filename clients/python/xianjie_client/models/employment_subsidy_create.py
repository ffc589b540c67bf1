from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.employment_subsidy_kind import EmploymentSubsidyKind

T = TypeVar("T", bound="EmploymentSubsidyCreate")


@_attrs_define
class EmploymentSubsidyCreate:
    """
    Attributes:
        worker_id (UUID):
        kind (EmploymentSubsidyKind): transport=交通补贴；training=培训补贴；social_security=社保补贴；tax_incentive=税收优惠
        period_start (datetime.date): 补贴所属期间开始
        period_end (datetime.date): 补贴所属期间结束（含）
        amount (int | str): 金额（元）
        granted_on (datetime.date): 发放日期
    """

    worker_id: UUID
    kind: EmploymentSubsidyKind
    period_start: datetime.date
    period_end: datetime.date
    amount: int | str
    granted_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        worker_id = str(self.worker_id)

        kind = self.kind.value

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        amount: int | str
        amount = self.amount

        granted_on = self.granted_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "worker_id": worker_id,
                "kind": kind,
                "period_start": period_start,
                "period_end": period_end,
                "amount": amount,
                "granted_on": granted_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        worker_id = UUID(d.pop("worker_id"))

        kind = EmploymentSubsidyKind(d.pop("kind"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        granted_on = datetime.date.fromisoformat(d.pop("granted_on"))

        employment_subsidy_create = cls(
            worker_id=worker_id,
            kind=kind,
            period_start=period_start,
            period_end=period_end,
            amount=amount,
            granted_on=granted_on,
        )

        return employment_subsidy_create
