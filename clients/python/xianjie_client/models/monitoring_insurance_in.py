from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_insurance_subsidy import MonitoringInsuranceSubsidy
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringInsuranceIn")


@_attrs_define
class MonitoringInsuranceIn:
    """
    Attributes:
        insured (bool): 当年是否参加基本医疗保险（城乡居民医保或职工医保）
        subsidy (MonitoringInsuranceSubsidy | Unset): 分类资助参保: the category a member's 城乡居民医保 contribution is subsidised
            in.
        subsidy_amount (int | str | Unset): 资助金额（元） Default: '0.00'.
    """

    insured: bool
    subsidy: MonitoringInsuranceSubsidy | Unset = UNSET
    subsidy_amount: int | str | Unset = "0.00"

    def to_dict(self) -> dict[str, Any]:
        insured = self.insured

        subsidy: str | Unset = UNSET
        if not isinstance(self.subsidy, Unset):
            subsidy = self.subsidy.value

        subsidy_amount: int | str | Unset
        if isinstance(self.subsidy_amount, Unset):
            subsidy_amount = UNSET
        else:
            subsidy_amount = self.subsidy_amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "insured": insured,
            }
        )
        if subsidy is not UNSET:
            field_dict["subsidy"] = subsidy
        if subsidy_amount is not UNSET:
            field_dict["subsidy_amount"] = subsidy_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        insured = d.pop("insured")

        _subsidy = d.pop("subsidy", UNSET)
        subsidy: MonitoringInsuranceSubsidy | Unset
        if isinstance(_subsidy, Unset):
            subsidy = UNSET
        else:
            subsidy = MonitoringInsuranceSubsidy(_subsidy)

        def _parse_subsidy_amount(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        subsidy_amount = _parse_subsidy_amount(d.pop("subsidy_amount", UNSET))

        monitoring_insurance_in = cls(
            insured=insured,
            subsidy=subsidy,
            subsidy_amount=subsidy_amount,
        )

        return monitoring_insurance_in
