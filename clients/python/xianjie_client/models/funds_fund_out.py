from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_fund_source import FundsFundSource

T = TypeVar("T", bound="FundsFundOut")


@_attrs_define
class FundsFundOut:
    """
    Attributes:
        id (UUID):
        year (int):
        source (FundsFundSource):
            central=中央财政衔接资金；provincial=省级财政衔接资金；district=区级财政衔接资金；central_lottery=中央专项彩票公益金（支持革命老区）
        name (str):
        amount (str):
        allocated (str):
        paid (str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        source_label (str): source 的中文名称
    """

    id: UUID
    year: int
    source: FundsFundSource
    name: str
    amount: str
    allocated: str
    paid: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    source_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        year = self.year

        source = self.source.value

        name = self.name

        amount = self.amount

        allocated = self.allocated

        paid = self.paid

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        source_label = self.source_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "year": year,
                "source": source,
                "name": name,
                "amount": amount,
                "allocated": allocated,
                "paid": paid,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "source_label": source_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        year = d.pop("year")

        source = FundsFundSource(d.pop("source"))

        name = d.pop("name")

        amount = d.pop("amount")

        allocated = d.pop("allocated")

        paid = d.pop("paid")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        source_label = d.pop("source_label")

        funds_fund_out = cls(
            id=id,
            year=year,
            source=source,
            name=name,
            amount=amount,
            allocated=allocated,
            paid=paid,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            source_label=source_label,
        )

        funds_fund_out.additional_properties = d
        return funds_fund_out

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
