from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_link_kind import FundsLinkKind

T = TypeVar("T", bound="FundsLinkOut")


@_attrs_define
class FundsLinkOut:
    """
    Attributes:
        id (UUID):
        business_id (UUID):
        household_id (UUID):
        town_code (str):
        village_code (str):
        kind (FundsLinkKind): 联农带农: how a household gains from a business.
        annual_amount (None | str):
        since (datetime.date):
        ended_on (datetime.date | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        kind_label (str): kind 的中文名称
    """

    id: UUID
    business_id: UUID
    household_id: UUID
    town_code: str
    village_code: str
    kind: FundsLinkKind
    annual_amount: None | str
    since: datetime.date
    ended_on: datetime.date | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        business_id = str(self.business_id)

        household_id = str(self.household_id)

        town_code = self.town_code

        village_code = self.village_code

        kind = self.kind.value

        annual_amount: None | str
        annual_amount = self.annual_amount

        since = self.since.isoformat()

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        kind_label = self.kind_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "business_id": business_id,
                "household_id": household_id,
                "town_code": town_code,
                "village_code": village_code,
                "kind": kind,
                "annual_amount": annual_amount,
                "since": since,
                "ended_on": ended_on,
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

        business_id = UUID(d.pop("business_id"))

        household_id = UUID(d.pop("household_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        kind = FundsLinkKind(d.pop("kind"))

        def _parse_annual_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        annual_amount = _parse_annual_amount(d.pop("annual_amount"))

        since = datetime.date.fromisoformat(d.pop("since"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        kind_label = d.pop("kind_label")

        funds_link_out = cls(
            id=id,
            business_id=business_id,
            household_id=household_id,
            town_code=town_code,
            village_code=village_code,
            kind=kind,
            annual_amount=annual_amount,
            since=since,
            ended_on=ended_on,
            created_at=created_at,
            updated_at=updated_at,
            kind_label=kind_label,
        )

        funds_link_out.additional_properties = d
        return funds_link_out

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
