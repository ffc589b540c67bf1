from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.employment_floor_state import EmploymentFloorState

T = TypeVar("T", bound="EmploymentFloorCheck")


@_attrs_define
class EmploymentFloorCheck:
    """
    Attributes:
        as_of (datetime.date):
        state (EmploymentFloorState): ok=正常；warning=接近底线预警；breached=低于底线
        state_label (str):
    """

    as_of: datetime.date
    state: EmploymentFloorState
    state_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        state = self.state.value

        state_label = self.state_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "state": state,
                "state_label": state_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        state = EmploymentFloorState(d.pop("state"))

        state_label = d.pop("state_label")

        employment_floor_check = cls(
            as_of=as_of,
            state=state,
            state_label=state_label,
        )

        employment_floor_check.additional_properties = d
        return employment_floor_check

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
