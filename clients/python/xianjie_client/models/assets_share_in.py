from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.assets_revenue_use import AssetsRevenueUse

T = TypeVar("T", bound="AssetsShareIn")


@_attrs_define
class AssetsShareIn:
    """
    Attributes:
        use (AssetsRevenueUse): public_welfare_posts=设置公益性岗位；small_public_works=小型公益事业；monitored_household_assistance=帮扶
            监测对象；collective_reinvestment=村集体再投入
        beneficiary (str): 受益对象（类别或岗位，不填个人姓名），如「村公益性岗位人员」
        beneficiary_count (int): 受益人数（户数）
        amount (int | str): 分配金额（元）
    """

    use: AssetsRevenueUse
    beneficiary: str
    beneficiary_count: int
    amount: int | str

    def to_dict(self) -> dict[str, Any]:
        use = self.use.value

        beneficiary = self.beneficiary

        beneficiary_count = self.beneficiary_count

        amount: int | str
        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "use": use,
                "beneficiary": beneficiary,
                "beneficiary_count": beneficiary_count,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        use = AssetsRevenueUse(d.pop("use"))

        beneficiary = d.pop("beneficiary")

        beneficiary_count = d.pop("beneficiary_count")

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        assets_share_in = cls(
            use=use,
            beneficiary=beneficiary,
            beneficiary_count=beneficiary_count,
            amount=amount,
        )

        return assets_share_in
