from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.monitoring_finding import MonitoringFinding

T = TypeVar("T", bound="MonitoringFindingIn")


@_attrs_define
class MonitoringFindingIn:
    """
    Attributes:
        finding (MonitoringFinding): upheld=异议成立；dismissed=异议不成立
        note (str): 核查结论与依据
    """

    finding: MonitoringFinding
    note: str

    def to_dict(self) -> dict[str, Any]:
        finding = self.finding.value

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "finding": finding,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        finding = MonitoringFinding(d.pop("finding"))

        note = d.pop("note")

        monitoring_finding_in = cls(
            finding=finding,
            note=note,
        )

        return monitoring_finding_in
