from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assets_report_column_kind_type_0 import AssetsReportColumnKindType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetsReportColumn")


@_attrs_define
class AssetsReportColumn:
    """
    Attributes:
        key (str):
        label (str): 中文表头 / the column's header
        kind (AssetsReportColumnKindType0 | None | Unset): 列的类型（money 金额、date 日期、int 整数…）；空则按取值推断 / the column's type;
            inferred from the values when empty. In XLSX money is a number with two decimals.
    """

    key: str
    label: str
    kind: AssetsReportColumnKindType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        label = self.label

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, AssetsReportColumnKindType0):
            kind = self.kind.value
        else:
            kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label": label,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        label = d.pop("label")

        def _parse_kind(data: object) -> AssetsReportColumnKindType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = AssetsReportColumnKindType0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetsReportColumnKindType0 | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        assets_report_column = cls(
            key=key,
            label=label,
            kind=kind,
        )

        assets_report_column.additional_properties = d
        return assets_report_column

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
