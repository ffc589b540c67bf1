from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetsScreeningRequest")


@_attrs_define
class AssetsScreeningRequest:
    """
    Attributes:
        as_of (datetime.date | None | Unset): 筛查基准日（默认今天）；统计此前的整月
        town_code (None | str | Unset): 只筛查该镇（镇干部只能筛查本镇）
    """

    as_of: datetime.date | None | Unset = UNSET
    town_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        town_code: None | str | Unset
        if isinstance(self.town_code, Unset):
            town_code = UNSET
        else:
            town_code = self.town_code

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if town_code is not UNSET:
            field_dict["town_code"] = town_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_as_of(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))

        def _parse_town_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        town_code = _parse_town_code(d.pop("town_code", UNSET))

        assets_screening_request = cls(
            as_of=as_of,
            town_code=town_code,
        )

        return assets_screening_request
