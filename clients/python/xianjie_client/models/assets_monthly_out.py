from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssetsMonthlyOut")


@_attrs_define
class AssetsMonthlyOut:
    """
    Attributes:
        id (UUID):
        asset_id (UUID):
        month (datetime.date):
        revenue (str):
        generation_kwh (None | str):
        utilisation (None | str):
        actor (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    asset_id: UUID
    month: datetime.date
    revenue: str
    generation_kwh: None | str
    utilisation: None | str
    actor: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        asset_id = str(self.asset_id)

        month = self.month.isoformat()

        revenue = self.revenue

        generation_kwh: None | str
        generation_kwh = self.generation_kwh

        utilisation: None | str
        utilisation = self.utilisation

        actor = self.actor

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "asset_id": asset_id,
                "month": month,
                "revenue": revenue,
                "generation_kwh": generation_kwh,
                "utilisation": utilisation,
                "actor": actor,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        asset_id = UUID(d.pop("asset_id"))

        month = datetime.date.fromisoformat(d.pop("month"))

        revenue = d.pop("revenue")

        def _parse_generation_kwh(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        generation_kwh = _parse_generation_kwh(d.pop("generation_kwh"))

        def _parse_utilisation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        utilisation = _parse_utilisation(d.pop("utilisation"))

        actor = d.pop("actor")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        assets_monthly_out = cls(
            id=id,
            asset_id=asset_id,
            month=month,
            revenue=revenue,
            generation_kwh=generation_kwh,
            utilisation=utilisation,
            actor=actor,
            created_at=created_at,
            updated_at=updated_at,
        )

        assets_monthly_out.additional_properties = d
        return assets_monthly_out

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
