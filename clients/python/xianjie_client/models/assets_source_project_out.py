from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assets_source_project_out_fund_shares_item import AssetsSourceProjectOutFundSharesItem


T = TypeVar("T", bound="AssetsSourceProjectOut")


@_attrs_define
class AssetsSourceProjectOut:
    """
    Attributes:
        project_id (UUID):
        town_code (str):
        village_code (None | str):
        category (str):
        year (int):
        accepted_on (datetime.date):
        total_investment (str):
        fund_shares (list[AssetsSourceProjectOutFundSharesItem]): 资金来源 [{fund_id, source, amount}]
    """

    project_id: UUID
    town_code: str
    village_code: None | str
    category: str
    year: int
    accepted_on: datetime.date
    total_investment: str
    fund_shares: list[AssetsSourceProjectOutFundSharesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        town_code = self.town_code

        village_code: None | str
        village_code = self.village_code

        category = self.category

        year = self.year

        accepted_on = self.accepted_on.isoformat()

        total_investment = self.total_investment

        fund_shares = []
        for fund_shares_item_data in self.fund_shares:
            fund_shares_item = fund_shares_item_data.to_dict()
            fund_shares.append(fund_shares_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "town_code": town_code,
                "village_code": village_code,
                "category": category,
                "year": year,
                "accepted_on": accepted_on,
                "total_investment": total_investment,
                "fund_shares": fund_shares,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assets_source_project_out_fund_shares_item import AssetsSourceProjectOutFundSharesItem  # noqa: PLC0415

        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        town_code = d.pop("town_code")

        def _parse_village_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        village_code = _parse_village_code(d.pop("village_code"))

        category = d.pop("category")

        year = d.pop("year")

        accepted_on = datetime.date.fromisoformat(d.pop("accepted_on"))

        total_investment = d.pop("total_investment")

        fund_shares = []
        _fund_shares = d.pop("fund_shares")
        for fund_shares_item_data in _fund_shares:
            fund_shares_item = AssetsSourceProjectOutFundSharesItem.from_dict(fund_shares_item_data)

            fund_shares.append(fund_shares_item)

        assets_source_project_out = cls(
            project_id=project_id,
            town_code=town_code,
            village_code=village_code,
            category=category,
            year=year,
            accepted_on=accepted_on,
            total_investment=total_investment,
            fund_shares=fund_shares,
        )

        assets_source_project_out.additional_properties = d
        return assets_source_project_out

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
