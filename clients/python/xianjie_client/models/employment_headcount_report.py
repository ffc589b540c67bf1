from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.employment_town_headcount import EmploymentTownHeadcount


T = TypeVar("T", bound="EmploymentHeadcountReport")


@_attrs_define
class EmploymentHeadcountReport:
    """乡村公益性岗位规模：在岗人数与年初稳定基数对比.

    Attributes:
        as_of (datetime.date):
        baseline_on (datetime.date):
        tolerance_percent (int):
        towns (list[EmploymentTownHeadcount]):
        baseline (int):
        holders (int):
        stable (bool):
    """

    as_of: datetime.date
    baseline_on: datetime.date
    tolerance_percent: int
    towns: list[EmploymentTownHeadcount]
    baseline: int
    holders: int
    stable: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        baseline_on = self.baseline_on.isoformat()

        tolerance_percent = self.tolerance_percent

        towns = []
        for towns_item_data in self.towns:
            towns_item = towns_item_data.to_dict()
            towns.append(towns_item)

        baseline = self.baseline

        holders = self.holders

        stable = self.stable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "baseline_on": baseline_on,
                "tolerance_percent": tolerance_percent,
                "towns": towns,
                "baseline": baseline,
                "holders": holders,
                "stable": stable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employment_town_headcount import EmploymentTownHeadcount  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        baseline_on = datetime.date.fromisoformat(d.pop("baseline_on"))

        tolerance_percent = d.pop("tolerance_percent")

        towns = []
        _towns = d.pop("towns")
        for towns_item_data in _towns:
            towns_item = EmploymentTownHeadcount.from_dict(towns_item_data)

            towns.append(towns_item)

        baseline = d.pop("baseline")

        holders = d.pop("holders")

        stable = d.pop("stable")

        employment_headcount_report = cls(
            as_of=as_of,
            baseline_on=baseline_on,
            tolerance_percent=tolerance_percent,
            towns=towns,
            baseline=baseline,
            holders=holders,
            stable=stable,
        )

        employment_headcount_report.additional_properties = d
        return employment_headcount_report

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
