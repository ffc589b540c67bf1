from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_declaration_progress import MonitoringDeclarationProgress

T = TypeVar("T", bound="MonitoringDeclarationProgressOut")


@_attrs_define
class MonitoringDeclarationProgressOut:
    """
    Attributes:
        status (MonitoringDeclarationProgress): received=已受理；verifying=核实中；included=已办结：纳入监测帮扶；not_included=已办结：经核实未纳入监测
        next_step (str):
        status_label (str): status 的中文名称
    """

    status: MonitoringDeclarationProgress
    next_step: str
    status_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        next_step = self.next_step

        status_label = self.status_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "next_step": next_step,
                "status_label": status_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = MonitoringDeclarationProgress(d.pop("status"))

        next_step = d.pop("next_step")

        status_label = d.pop("status_label")

        monitoring_declaration_progress_out = cls(
            status=status,
            next_step=next_step,
            status_label=status_label,
        )

        monitoring_declaration_progress_out.additional_properties = d
        return monitoring_declaration_progress_out

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
