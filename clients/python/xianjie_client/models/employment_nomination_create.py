from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.employment_nomination_tier import EmploymentNominationTier
from ..types import UNSET, Unset

T = TypeVar("T", bound="EmploymentNominationCreate")


@_attrs_define
class EmploymentNominationCreate:
    """
    Attributes:
        tier (EmploymentNominationTier): provincial=申报省级乡村工匠名师；national=推荐国家级乡村工匠名师
        nominated_on (datetime.date): 申报（推荐）日期
        note (None | str | Unset):
    """

    tier: EmploymentNominationTier
    nominated_on: datetime.date
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        tier = self.tier.value

        nominated_on = self.nominated_on.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "tier": tier,
                "nominated_on": nominated_on,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tier = EmploymentNominationTier(d.pop("tier"))

        nominated_on = datetime.date.fromisoformat(d.pop("nominated_on"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        employment_nomination_create = cls(
            tier=tier,
            nominated_on=nominated_on,
            note=note,
        )

        return employment_nomination_create
