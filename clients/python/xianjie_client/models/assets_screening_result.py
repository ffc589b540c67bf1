from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssetsScreeningResult")


@_attrs_define
class AssetsScreeningResult:
    """
    Attributes:
        as_of (datetime.date):
        flagged (int): 新标记的低效闲置资产
        cleared (int): 不再符合规则而解除的标记
        open_ (int): 筛查范围内现有的标记
    """

    as_of: datetime.date
    flagged: int
    cleared: int
    open_: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        flagged = self.flagged

        cleared = self.cleared

        open_ = self.open_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "flagged": flagged,
                "cleared": cleared,
                "open": open_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        flagged = d.pop("flagged")

        cleared = d.pop("cleared")

        open_ = d.pop("open")

        assets_screening_result = cls(
            as_of=as_of,
            flagged=flagged,
            cleared=cleared,
            open_=open_,
        )

        assets_screening_result.additional_properties = d
        return assets_screening_result

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
