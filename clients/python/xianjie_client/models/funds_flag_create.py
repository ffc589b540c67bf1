from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.funds_industry_flag_kind import FundsIndustryFlagKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsFlagCreate")


@_attrs_define
class FundsFlagCreate:
    """
    Attributes:
        kind (FundsIndustryFlagKind): business_failing=经营主体经营困难；link_broken=联农带农中断
        observed_on (datetime.date):
        note (str):
        business_id (None | Unset | UUID): 经营主体经营困难时必填
        link_id (None | Unset | UUID): 联农带农中断时必填
    """

    kind: FundsIndustryFlagKind
    observed_on: datetime.date
    note: str
    business_id: None | Unset | UUID = UNSET
    link_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        observed_on = self.observed_on.isoformat()

        note = self.note

        business_id: None | str | Unset
        if isinstance(self.business_id, Unset):
            business_id = UNSET
        elif isinstance(self.business_id, UUID):
            business_id = str(self.business_id)
        else:
            business_id = self.business_id

        link_id: None | str | Unset
        if isinstance(self.link_id, Unset):
            link_id = UNSET
        elif isinstance(self.link_id, UUID):
            link_id = str(self.link_id)
        else:
            link_id = self.link_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "observed_on": observed_on,
                "note": note,
            }
        )
        if business_id is not UNSET:
            field_dict["business_id"] = business_id
        if link_id is not UNSET:
            field_dict["link_id"] = link_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = FundsIndustryFlagKind(d.pop("kind"))

        observed_on = datetime.date.fromisoformat(d.pop("observed_on"))

        note = d.pop("note")

        def _parse_business_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                business_id_type_0 = UUID(data)

                return business_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        business_id = _parse_business_id(d.pop("business_id", UNSET))

        def _parse_link_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                link_id_type_0 = UUID(data)

                return link_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        link_id = _parse_link_id(d.pop("link_id", UNSET))

        funds_flag_create = cls(
            kind=kind,
            observed_on=observed_on,
            note=note,
            business_id=business_id,
            link_id=link_id,
        )

        return funds_flag_create
