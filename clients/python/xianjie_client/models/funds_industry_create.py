from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.funds_industry_class import FundsIndustryClass
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsIndustryCreate")


@_attrs_define
class FundsIndustryCreate:
    """
    Attributes:
        town_code (str): 乡镇（街道）代码
        name (str):
        industry_class (FundsIndustryClass): 四个一批 (seed §四(十一)): what is done with each assistance industry.
        year (int): 分类年度
        village_code (None | str | Unset): 村级产业；空为镇级
        park_id (None | Unset | UUID): 所属本镇乡村振兴产业园
    """

    town_code: str
    name: str
    industry_class: FundsIndustryClass
    year: int
    village_code: None | str | Unset = UNSET
    park_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        town_code = self.town_code

        name = self.name

        industry_class = self.industry_class.value

        year = self.year

        village_code: None | str | Unset
        if isinstance(self.village_code, Unset):
            village_code = UNSET
        else:
            village_code = self.village_code

        park_id: None | str | Unset
        if isinstance(self.park_id, Unset):
            park_id = UNSET
        elif isinstance(self.park_id, UUID):
            park_id = str(self.park_id)
        else:
            park_id = self.park_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "town_code": town_code,
                "name": name,
                "industry_class": industry_class,
                "year": year,
            }
        )
        if village_code is not UNSET:
            field_dict["village_code"] = village_code
        if park_id is not UNSET:
            field_dict["park_id"] = park_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        town_code = d.pop("town_code")

        name = d.pop("name")

        industry_class = FundsIndustryClass(d.pop("industry_class"))

        year = d.pop("year")

        def _parse_village_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        village_code = _parse_village_code(d.pop("village_code", UNSET))

        def _parse_park_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                park_id_type_0 = UUID(data)

                return park_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        park_id = _parse_park_id(d.pop("park_id", UNSET))

        funds_industry_create = cls(
            town_code=town_code,
            name=name,
            industry_class=industry_class,
            year=year,
            village_code=village_code,
            park_id=park_id,
        )

        return funds_industry_create
