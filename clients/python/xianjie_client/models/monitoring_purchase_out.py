from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonitoringPurchaseOut")


@_attrs_define
class MonitoringPurchaseOut:
    """
    Attributes:
        id (UUID):
        purchasing_unit (str):
        town_code (str):
        village_code (str):
        product (str):
        amount (str):
        purchased_on (datetime.date):
        recorded_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    purchasing_unit: str
    town_code: str
    village_code: str
    product: str
    amount: str
    purchased_on: datetime.date
    recorded_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        purchasing_unit = self.purchasing_unit

        town_code = self.town_code

        village_code = self.village_code

        product = self.product

        amount = self.amount

        purchased_on = self.purchased_on.isoformat()

        recorded_by = self.recorded_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "purchasing_unit": purchasing_unit,
                "town_code": town_code,
                "village_code": village_code,
                "product": product,
                "amount": amount,
                "purchased_on": purchased_on,
                "recorded_by": recorded_by,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        purchasing_unit = d.pop("purchasing_unit")

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        product = d.pop("product")

        amount = d.pop("amount")

        purchased_on = datetime.date.fromisoformat(d.pop("purchased_on"))

        recorded_by = d.pop("recorded_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        monitoring_purchase_out = cls(
            id=id,
            purchasing_unit=purchasing_unit,
            town_code=town_code,
            village_code=village_code,
            product=product,
            amount=amount,
            purchased_on=purchased_on,
            recorded_by=recorded_by,
            created_at=created_at,
            updated_at=updated_at,
        )

        monitoring_purchase_out.additional_properties = d
        return monitoring_purchase_out

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
