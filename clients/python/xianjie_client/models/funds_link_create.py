from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.funds_link_kind import FundsLinkKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsLinkCreate")


@_attrs_define
class FundsLinkCreate:
    """
    Attributes:
        household_id (UUID): 监测服务中的农户（经本服务的农户投影核验）
        kind (FundsLinkKind): 联农带农: how a household gains from a business.
        since (datetime.date):
        annual_amount (int | None | str | Unset): 年收益（元），可空
    """

    household_id: UUID
    kind: FundsLinkKind
    since: datetime.date
    annual_amount: int | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        household_id = str(self.household_id)

        kind = self.kind.value

        since = self.since.isoformat()

        annual_amount: int | None | str | Unset
        if isinstance(self.annual_amount, Unset):
            annual_amount = UNSET
        else:
            annual_amount = self.annual_amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "household_id": household_id,
                "kind": kind,
                "since": since,
            }
        )
        if annual_amount is not UNSET:
            field_dict["annual_amount"] = annual_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        household_id = UUID(d.pop("household_id"))

        kind = FundsLinkKind(d.pop("kind"))

        since = datetime.date.fromisoformat(d.pop("since"))

        def _parse_annual_amount(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        annual_amount = _parse_annual_amount(d.pop("annual_amount", UNSET))

        funds_link_create = cls(
            household_id=household_id,
            kind=kind,
            since=since,
            annual_amount=annual_amount,
        )

        return funds_link_create
