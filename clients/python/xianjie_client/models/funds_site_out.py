from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundsSiteOut")


@_attrs_define
class FundsSiteOut:
    """
    Attributes:
        id (UUID):
        project_id (UUID):
        name (str):
        village_code (None | str):
        weight (str):
        progress_percent (int):
        progress_on (datetime.date | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    project_id: UUID
    name: str
    village_code: None | str
    weight: str
    progress_percent: int
    progress_on: datetime.date | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_id = str(self.project_id)

        name = self.name

        village_code: None | str
        village_code = self.village_code

        weight = self.weight

        progress_percent = self.progress_percent

        progress_on: None | str
        if isinstance(self.progress_on, datetime.date):
            progress_on = self.progress_on.isoformat()
        else:
            progress_on = self.progress_on

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "name": name,
                "village_code": village_code,
                "weight": weight,
                "progress_percent": progress_percent,
                "progress_on": progress_on,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_id = UUID(d.pop("project_id"))

        name = d.pop("name")

        def _parse_village_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        village_code = _parse_village_code(d.pop("village_code"))

        weight = d.pop("weight")

        progress_percent = d.pop("progress_percent")

        def _parse_progress_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                progress_on_type_0 = datetime.date.fromisoformat(data)

                return progress_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        progress_on = _parse_progress_on(d.pop("progress_on"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        funds_site_out = cls(
            id=id,
            project_id=project_id,
            name=name,
            village_code=village_code,
            weight=weight,
            progress_percent=progress_percent,
            progress_on=progress_on,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        funds_site_out.additional_properties = d
        return funds_site_out

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
