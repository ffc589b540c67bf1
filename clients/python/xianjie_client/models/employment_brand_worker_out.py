from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EmploymentBrandWorkerOut")


@_attrs_define
class EmploymentBrandWorkerOut:
    """
    Attributes:
        id (UUID):
        brand_id (UUID):
        worker_id (UUID):
        town_code (str):
        village_code (str):
        joined_on (datetime.date):
    """

    id: UUID
    brand_id: UUID
    worker_id: UUID
    town_code: str
    village_code: str
    joined_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        brand_id = str(self.brand_id)

        worker_id = str(self.worker_id)

        town_code = self.town_code

        village_code = self.village_code

        joined_on = self.joined_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "brand_id": brand_id,
                "worker_id": worker_id,
                "town_code": town_code,
                "village_code": village_code,
                "joined_on": joined_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        brand_id = UUID(d.pop("brand_id"))

        worker_id = UUID(d.pop("worker_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        joined_on = datetime.date.fromisoformat(d.pop("joined_on"))

        employment_brand_worker_out = cls(
            id=id,
            brand_id=brand_id,
            worker_id=worker_id,
            town_code=town_code,
            village_code=village_code,
            joined_on=joined_on,
        )

        employment_brand_worker_out.additional_properties = d
        return employment_brand_worker_out

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
