from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.monitoring_relocation_measure_kind import MonitoringRelocationMeasureKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringSiteMeasureIn")


@_attrs_define
class MonitoringSiteMeasureIn:
    """
    Attributes:
        kind (MonitoringRelocationMeasureKind): employment=就业帮扶；industry=产业配套；community=社区服务
        title (str):
        starts_on (datetime.date):
        ends_on (datetime.date | None | Unset):
        household_ids (list[UUID] | Unset): 受益的搬迁户（须安置在本点）
    """

    kind: MonitoringRelocationMeasureKind
    title: str
    starts_on: datetime.date
    ends_on: datetime.date | None | Unset = UNSET
    household_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        title = self.title

        starts_on = self.starts_on.isoformat()

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        household_ids: list[str] | Unset = UNSET
        if not isinstance(self.household_ids, Unset):
            household_ids = []
            for household_ids_item_data in self.household_ids:
                household_ids_item = str(household_ids_item_data)
                household_ids.append(household_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "title": title,
                "starts_on": starts_on,
            }
        )
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if household_ids is not UNSET:
            field_dict["household_ids"] = household_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = MonitoringRelocationMeasureKind(d.pop("kind"))

        title = d.pop("title")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

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

        _household_ids = d.pop("household_ids", UNSET)
        household_ids: list[UUID] | Unset = UNSET
        if _household_ids is not UNSET:
            household_ids = []
            for household_ids_item_data in _household_ids:
                household_ids_item = UUID(household_ids_item_data)

                household_ids.append(household_ids_item)

        monitoring_site_measure_in = cls(
            kind=kind,
            title=title,
            starts_on=starts_on,
            ends_on=ends_on,
            household_ids=household_ids,
        )

        return monitoring_site_measure_in
