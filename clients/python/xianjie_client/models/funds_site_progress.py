from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundsSiteProgress")


@_attrs_define
class FundsSiteProgress:
    """
    Attributes:
        progress_percent (int):
        progress_on (datetime.date):
    """

    progress_percent: int
    progress_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        progress_percent = self.progress_percent

        progress_on = self.progress_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "progress_percent": progress_percent,
                "progress_on": progress_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        progress_percent = d.pop("progress_percent")

        progress_on = datetime.date.fromisoformat(d.pop("progress_on"))

        funds_site_progress = cls(
            progress_percent=progress_percent,
            progress_on=progress_on,
        )

        return funds_site_progress
