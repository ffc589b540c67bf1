from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_relocation_measure_kind import MonitoringRelocationMeasureKind

T = TypeVar("T", bound="MonitoringSiteMeasureOut")


@_attrs_define
class MonitoringSiteMeasureOut:
    """
    Attributes:
        id (UUID):
        site_id (UUID):
        kind (MonitoringRelocationMeasureKind): employment=就业帮扶；industry=产业配套；community=社区服务
        title (str):
        starts_on (datetime.date):
        ends_on (datetime.date | None):
        household_ids (list[UUID]):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        kind_label (str): kind 的中文名称
    """

    id: UUID
    site_id: UUID
    kind: MonitoringRelocationMeasureKind
    title: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    household_ids: list[UUID]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        site_id = str(self.site_id)

        kind = self.kind.value

        title = self.title

        starts_on = self.starts_on.isoformat()

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        household_ids = []
        for household_ids_item_data in self.household_ids:
            household_ids_item = str(household_ids_item_data)
            household_ids.append(household_ids_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        kind_label = self.kind_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "site_id": site_id,
                "kind": kind,
                "title": title,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "household_ids": household_ids,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "kind_label": kind_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        site_id = UUID(d.pop("site_id"))

        kind = MonitoringRelocationMeasureKind(d.pop("kind"))

        title = d.pop("title")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        household_ids = []
        _household_ids = d.pop("household_ids")
        for household_ids_item_data in _household_ids:
            household_ids_item = UUID(household_ids_item_data)

            household_ids.append(household_ids_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        kind_label = d.pop("kind_label")

        monitoring_site_measure_out = cls(
            id=id,
            site_id=site_id,
            kind=kind,
            title=title,
            starts_on=starts_on,
            ends_on=ends_on,
            household_ids=household_ids,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            kind_label=kind_label,
        )

        monitoring_site_measure_out.additional_properties = d
        return monitoring_site_measure_out

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
