from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_industry_flag_kind import FundsIndustryFlagKind

T = TypeVar("T", bound="FundsFlagOut")


@_attrs_define
class FundsFlagOut:
    """
    Attributes:
        id (UUID):
        kind (FundsIndustryFlagKind): business_failing=经营主体经营困难；link_broken=联农带农中断
        business_id (UUID):
        link_id (None | UUID):
        observed_on (datetime.date):
        note (str):
        households_alerted (int): 为之发出预警事件的农户数
        created_at (datetime.datetime):
        kind_label (str): kind 的中文名称
    """

    id: UUID
    kind: FundsIndustryFlagKind
    business_id: UUID
    link_id: None | UUID
    observed_on: datetime.date
    note: str
    households_alerted: int
    created_at: datetime.datetime
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        business_id = str(self.business_id)

        link_id: None | str
        if isinstance(self.link_id, UUID):
            link_id = str(self.link_id)
        else:
            link_id = self.link_id

        observed_on = self.observed_on.isoformat()

        note = self.note

        households_alerted = self.households_alerted

        created_at = self.created_at.isoformat()

        kind_label = self.kind_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "business_id": business_id,
                "link_id": link_id,
                "observed_on": observed_on,
                "note": note,
                "households_alerted": households_alerted,
                "created_at": created_at,
                "kind_label": kind_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = FundsIndustryFlagKind(d.pop("kind"))

        business_id = UUID(d.pop("business_id"))

        def _parse_link_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                link_id_type_0 = UUID(data)

                return link_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        link_id = _parse_link_id(d.pop("link_id"))

        observed_on = datetime.date.fromisoformat(d.pop("observed_on"))

        note = d.pop("note")

        households_alerted = d.pop("households_alerted")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        kind_label = d.pop("kind_label")

        funds_flag_out = cls(
            id=id,
            kind=kind,
            business_id=business_id,
            link_id=link_id,
            observed_on=observed_on,
            note=note,
            households_alerted=households_alerted,
            created_at=created_at,
            kind_label=kind_label,
        )

        funds_flag_out.additional_properties = d
        return funds_flag_out

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
