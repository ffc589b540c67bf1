from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.employment_craft_level import EmploymentCraftLevel

T = TypeVar("T", bound="EmploymentCraftsmanOut")


@_attrs_define
class EmploymentCraftsmanOut:
    """
    Attributes:
        id (UUID):
        worker_id (UUID):
        town_code (str):
        village_code (str):
        craft (str):
        level (EmploymentCraftLevel): The title a craftsman holds (seed §二(四): 省级乡村工匠名师, 国家级乡村工匠名师).
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        level_label (str): level 的中文名称
    """

    id: UUID
    worker_id: UUID
    town_code: str
    village_code: str
    craft: str
    level: EmploymentCraftLevel
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    level_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        worker_id = str(self.worker_id)

        town_code = self.town_code

        village_code = self.village_code

        craft = self.craft

        level = self.level.value

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        level_label = self.level_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "worker_id": worker_id,
                "town_code": town_code,
                "village_code": village_code,
                "craft": craft,
                "level": level,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "level_label": level_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        worker_id = UUID(d.pop("worker_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        craft = d.pop("craft")

        level = EmploymentCraftLevel(d.pop("level"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        level_label = d.pop("level_label")

        employment_craftsman_out = cls(
            id=id,
            worker_id=worker_id,
            town_code=town_code,
            village_code=village_code,
            craft=craft,
            level=level,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            level_label=level_label,
        )

        employment_craftsman_out.additional_properties = d
        return employment_craftsman_out

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
