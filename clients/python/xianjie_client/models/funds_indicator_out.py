from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_indicator_kind import FundsIndicatorKind

T = TypeVar("T", bound="FundsIndicatorOut")


@_attrs_define
class FundsIndicatorOut:
    """
    Attributes:
        id (UUID):
        kind (FundsIndicatorKind): output=产出指标；benefit=效益指标；satisfaction=满意度指标
        name (str):
        unit (str):
        target (str):
        actual (None | str):
        kind_label (str): kind 的中文名称
    """

    id: UUID
    kind: FundsIndicatorKind
    name: str
    unit: str
    target: str
    actual: None | str
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        name = self.name

        unit = self.unit

        target = self.target

        actual: None | str
        actual = self.actual

        kind_label = self.kind_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "name": name,
                "unit": unit,
                "target": target,
                "actual": actual,
                "kind_label": kind_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = FundsIndicatorKind(d.pop("kind"))

        name = d.pop("name")

        unit = d.pop("unit")

        target = d.pop("target")

        def _parse_actual(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actual = _parse_actual(d.pop("actual"))

        kind_label = d.pop("kind_label")

        funds_indicator_out = cls(
            id=id,
            kind=kind,
            name=name,
            unit=unit,
            target=target,
            actual=actual,
            kind_label=kind_label,
        )

        funds_indicator_out.additional_properties = d
        return funds_indicator_out

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
