from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.employment_subsidy_kind import EmploymentSubsidyKind

T = TypeVar("T", bound="EmploymentSubsidyOut")


@_attrs_define
class EmploymentSubsidyOut:
    """
    Attributes:
        id (UUID):
        worker_id (UUID):
        town_code (str):
        village_code (str):
        kind (EmploymentSubsidyKind): transport=交通补贴；training=培训补贴；social_security=社保补贴；tax_incentive=税收优惠
        period_start (datetime.date):
        period_end (datetime.date):
        amount (str):
        granted_on (datetime.date):
        reversed_ (bool): 已冲销（冲销记录见 /reversal）
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        kind_label (str): kind 的中文名称
    """

    id: UUID
    worker_id: UUID
    town_code: str
    village_code: str
    kind: EmploymentSubsidyKind
    period_start: datetime.date
    period_end: datetime.date
    amount: str
    granted_on: datetime.date
    reversed_: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        worker_id = str(self.worker_id)

        town_code = self.town_code

        village_code = self.village_code

        kind = self.kind.value

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        amount = self.amount

        granted_on = self.granted_on.isoformat()

        reversed_ = self.reversed_

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        kind_label = self.kind_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "worker_id": worker_id,
                "town_code": town_code,
                "village_code": village_code,
                "kind": kind,
                "period_start": period_start,
                "period_end": period_end,
                "amount": amount,
                "granted_on": granted_on,
                "reversed": reversed_,
                "created_at": created_at,
                "updated_at": updated_at,
                "kind_label": kind_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        worker_id = UUID(d.pop("worker_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        kind = EmploymentSubsidyKind(d.pop("kind"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        amount = d.pop("amount")

        granted_on = datetime.date.fromisoformat(d.pop("granted_on"))

        reversed_ = d.pop("reversed")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        kind_label = d.pop("kind_label")

        employment_subsidy_out = cls(
            id=id,
            worker_id=worker_id,
            town_code=town_code,
            village_code=village_code,
            kind=kind,
            period_start=period_start,
            period_end=period_end,
            amount=amount,
            granted_on=granted_on,
            reversed_=reversed_,
            created_at=created_at,
            updated_at=updated_at,
            kind_label=kind_label,
        )

        employment_subsidy_out.additional_properties = d
        return employment_subsidy_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
