from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_project_category import FundsProjectCategory
from ..models.funds_project_status import FundsProjectStatus

T = TypeVar("T", bound="FundsPublicProject")


@_attrs_define
class FundsPublicProject:
    """What the public sees of a project: no people, only the project and its money.

    Attributes:
        id (UUID):
        name (str):
        town_code (str):
        town_name (None | str):
        village_code (None | str):
        village_name (None | str):
        category (FundsProjectCategory): industry=产业；employment=就业；infrastructure=小型公益性基础设施；relocation=易地搬迁后续扶持；other=其他
        year (int):
        planned_amount (str):
        allocated (str):
        status (FundsProjectStatus): A project's life (domain §3), in order; ``rejected`` ends a failed entry review.
        accepted_on (datetime.date | None):
        category_label (str): category 的中文名称
        status_label (str): status 的中文名称
    """

    id: UUID
    name: str
    town_code: str
    town_name: None | str
    village_code: None | str
    village_name: None | str
    category: FundsProjectCategory
    year: int
    planned_amount: str
    allocated: str
    status: FundsProjectStatus
    accepted_on: datetime.date | None
    category_label: str
    status_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        town_code = self.town_code

        town_name: None | str
        town_name = self.town_name

        village_code: None | str
        village_code = self.village_code

        village_name: None | str
        village_name = self.village_name

        category = self.category.value

        year = self.year

        planned_amount = self.planned_amount

        allocated = self.allocated

        status = self.status.value

        accepted_on: None | str
        if isinstance(self.accepted_on, datetime.date):
            accepted_on = self.accepted_on.isoformat()
        else:
            accepted_on = self.accepted_on

        category_label = self.category_label

        status_label = self.status_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "town_code": town_code,
                "town_name": town_name,
                "village_code": village_code,
                "village_name": village_name,
                "category": category,
                "year": year,
                "planned_amount": planned_amount,
                "allocated": allocated,
                "status": status,
                "accepted_on": accepted_on,
                "category_label": category_label,
                "status_label": status_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        town_code = d.pop("town_code")

        def _parse_town_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        town_name = _parse_town_name(d.pop("town_name"))

        def _parse_village_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        village_code = _parse_village_code(d.pop("village_code"))

        def _parse_village_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        village_name = _parse_village_name(d.pop("village_name"))

        category = FundsProjectCategory(d.pop("category"))

        year = d.pop("year")

        planned_amount = d.pop("planned_amount")

        allocated = d.pop("allocated")

        status = FundsProjectStatus(d.pop("status"))

        def _parse_accepted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_on_type_0 = datetime.date.fromisoformat(data)

                return accepted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        accepted_on = _parse_accepted_on(d.pop("accepted_on"))

        category_label = d.pop("category_label")

        status_label = d.pop("status_label")

        funds_public_project = cls(
            id=id,
            name=name,
            town_code=town_code,
            town_name=town_name,
            village_code=village_code,
            village_name=village_name,
            category=category,
            year=year,
            planned_amount=planned_amount,
            allocated=allocated,
            status=status,
            accepted_on=accepted_on,
            category_label=category_label,
            status_label=status_label,
        )

        funds_public_project.additional_properties = d
        return funds_public_project

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
