from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_industry_class import FundsIndustryClass

T = TypeVar("T", bound="FundsIndustryOut")


@_attrs_define
class FundsIndustryOut:
    """
    Attributes:
        id (UUID):
        town_code (str):
        village_code (None | str):
        name (str):
        industry_class (FundsIndustryClass): 四个一批 (seed §四(十一)): what is done with each assistance industry.
        park_id (None | UUID):
        year (int):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        industry_class_label (str): industry_class 的中文名称
    """

    id: UUID
    town_code: str
    village_code: None | str
    name: str
    industry_class: FundsIndustryClass
    park_id: None | UUID
    year: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    industry_class_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        town_code = self.town_code

        village_code: None | str
        village_code = self.village_code

        name = self.name

        industry_class = self.industry_class.value

        park_id: None | str
        if isinstance(self.park_id, UUID):
            park_id = str(self.park_id)
        else:
            park_id = self.park_id

        year = self.year

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        industry_class_label = self.industry_class_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "town_code": town_code,
                "village_code": village_code,
                "name": name,
                "industry_class": industry_class,
                "park_id": park_id,
                "year": year,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "industry_class_label": industry_class_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        town_code = d.pop("town_code")

        def _parse_village_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        village_code = _parse_village_code(d.pop("village_code"))

        name = d.pop("name")

        industry_class = FundsIndustryClass(d.pop("industry_class"))

        def _parse_park_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                park_id_type_0 = UUID(data)

                return park_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        park_id = _parse_park_id(d.pop("park_id"))

        year = d.pop("year")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        industry_class_label = d.pop("industry_class_label")

        funds_industry_out = cls(
            id=id,
            town_code=town_code,
            village_code=village_code,
            name=name,
            industry_class=industry_class,
            park_id=park_id,
            year=year,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            industry_class_label=industry_class_label,
        )

        funds_industry_out.additional_properties = d
        return funds_industry_out

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
