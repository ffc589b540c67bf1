from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_insurance_subsidy import MonitoringInsuranceSubsidy
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringInsuranceRecord")


@_attrs_define
class MonitoringInsuranceRecord:
    """
    Attributes:
        record_id (str): 部门系统中的记录编号（批内唯一）
        id_number (str): 身份证号，用于匹配农户成员
        kind (Literal['insurance']):
        year (int):
        insured (bool):
        subsidy (MonitoringInsuranceSubsidy | Unset): 分类资助参保: the category a member's 城乡居民医保 contribution is subsidised
            in.
        subsidy_amount (int | str | Unset): 金额（元），最多两位小数的字符串 / yuan as a decimal string Default: '0.00'.
    """

    record_id: str
    id_number: str
    kind: Literal["insurance"]
    year: int
    insured: bool
    subsidy: MonitoringInsuranceSubsidy | Unset = UNSET
    subsidy_amount: int | str | Unset = "0.00"

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        id_number = self.id_number

        kind = self.kind

        year = self.year

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
                "record_id": record_id,
                "id_number": id_number,
                "kind": kind,
                "year": year,
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
        record_id = d.pop("record_id")

        id_number = d.pop("id_number")

        kind = cast(Literal["insurance"], d.pop("kind"))
        if kind != "insurance":
            raise ValueError(f"kind must match const 'insurance', got '{kind}'")

        year = d.pop("year")

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

        monitoring_insurance_record = cls(
            record_id=record_id,
            id_number=id_number,
            kind=kind,
            year=year,
            insured=insured,
            subsidy=subsidy,
            subsidy_amount=subsidy_amount,
        )

        return monitoring_insurance_record
