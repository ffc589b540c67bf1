from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundsInsurancePolicyCreate")


@_attrs_define
class FundsInsurancePolicyCreate:
    """
    Attributes:
        household_id (UUID): 监测服务中的农户（经本服务的农户投影核验）
        insurer (str):
        policy_number (str):
        starts_on (datetime.date):
        ends_on (datetime.date):
        premium (int | str): 保费（元）
        sum_insured (int | str): 保险金额（元）
    """

    household_id: UUID
    insurer: str
    policy_number: str
    starts_on: datetime.date
    ends_on: datetime.date
    premium: int | str
    sum_insured: int | str

    def to_dict(self) -> dict[str, Any]:
        household_id = str(self.household_id)

        insurer = self.insurer

        policy_number = self.policy_number

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        premium: int | str
        premium = self.premium

        sum_insured: int | str
        sum_insured = self.sum_insured

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "household_id": household_id,
                "insurer": insurer,
                "policy_number": policy_number,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "premium": premium,
                "sum_insured": sum_insured,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        household_id = UUID(d.pop("household_id"))

        insurer = d.pop("insurer")

        policy_number = d.pop("policy_number")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        def _parse_premium(data: object) -> int | str:
            return cast(int | str, data)

        premium = _parse_premium(d.pop("premium"))

        def _parse_sum_insured(data: object) -> int | str:
            return cast(int | str, data)

        sum_insured = _parse_sum_insured(d.pop("sum_insured"))

        funds_insurance_policy_create = cls(
            household_id=household_id,
            insurer=insurer,
            policy_number=policy_number,
            starts_on=starts_on,
            ends_on=ends_on,
            premium=premium,
            sum_insured=sum_insured,
        )

        return funds_insurance_policy_create
