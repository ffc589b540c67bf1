from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringSiteMeasurePatch")


@_attrs_define
class MonitoringSiteMeasurePatch:
    """
    Attributes:
        ends_on (datetime.date | None | Unset):
        household_ids (list[UUID] | None | Unset):
    """

    ends_on: datetime.date | None | Unset = UNSET
    household_ids: list[UUID] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        household_ids: list[str] | None | Unset
        if isinstance(self.household_ids, Unset):
            household_ids = UNSET
        elif isinstance(self.household_ids, list):
            household_ids = []
            for household_ids_type_0_item_data in self.household_ids:
                household_ids_type_0_item = str(household_ids_type_0_item_data)
                household_ids.append(household_ids_type_0_item)

        else:
            household_ids = self.household_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if household_ids is not UNSET:
            field_dict["household_ids"] = household_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        def _parse_household_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                household_ids_type_0 = []
                _household_ids_type_0 = data
                for household_ids_type_0_item_data in _household_ids_type_0:
                    household_ids_type_0_item = UUID(household_ids_type_0_item_data)

                    household_ids_type_0.append(household_ids_type_0_item)

                return household_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        household_ids = _parse_household_ids(d.pop("household_ids", UNSET))

        monitoring_site_measure_patch = cls(
            ends_on=ends_on,
            household_ids=household_ids,
        )

        return monitoring_site_measure_patch
