from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_fund_source import FundsFundSource

T = TypeVar("T", bound="FundsFundProgress")


@_attrs_define
class FundsFundProgress:
    """
    Attributes:
        allocated (str): 安排资金
        paid (str): 截至节点已支付
        progress (None | str): 支出进度（已支付 ÷ 安排，四位小数）
        behind (bool): 低于节点目标
        fund_id (UUID):
        name (str):
        source (FundsFundSource):
            central=中央财政衔接资金；provincial=省级财政衔接资金；district=区级财政衔接资金；central_lottery=中央专项彩票公益金（支持革命老区）
        amount (str):
    """

    allocated: str
    paid: str
    progress: None | str
    behind: bool
    fund_id: UUID
    name: str
    source: FundsFundSource
    amount: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allocated = self.allocated

        paid = self.paid

        progress: None | str
        progress = self.progress

        behind = self.behind

        fund_id = str(self.fund_id)

        name = self.name

        source = self.source.value

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allocated": allocated,
                "paid": paid,
                "progress": progress,
                "behind": behind,
                "fund_id": fund_id,
                "name": name,
                "source": source,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allocated = d.pop("allocated")

        paid = d.pop("paid")

        def _parse_progress(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        progress = _parse_progress(d.pop("progress"))

        behind = d.pop("behind")

        fund_id = UUID(d.pop("fund_id"))

        name = d.pop("name")

        source = FundsFundSource(d.pop("source"))

        amount = d.pop("amount")

        funds_fund_progress = cls(
            allocated=allocated,
            paid=paid,
            progress=progress,
            behind=behind,
            fund_id=fund_id,
            name=name,
            source=source,
            amount=amount,
        )

        funds_fund_progress.additional_properties = d
        return funds_fund_progress

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
