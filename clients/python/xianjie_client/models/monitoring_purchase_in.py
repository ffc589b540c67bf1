from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringPurchaseIn")


@_attrs_define
class MonitoringPurchaseIn:
    """
    Attributes:
        village_code (str): 帮扶产品来自的村
        product (str):
        amount (int | str): 金额（元），最多两位小数的字符串 / yuan as a decimal string
        purchased_on (datetime.date):
        purchasing_unit (None | str | Unset): 采购单位（部门干部默认本部门）
    """

    village_code: str
    product: str
    amount: int | str
    purchased_on: datetime.date
    purchasing_unit: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        village_code = self.village_code

        product = self.product

        amount: int | str
        amount = self.amount

        purchased_on = self.purchased_on.isoformat()

        purchasing_unit: None | str | Unset
        if isinstance(self.purchasing_unit, Unset):
            purchasing_unit = UNSET
        else:
            purchasing_unit = self.purchasing_unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "village_code": village_code,
                "product": product,
                "amount": amount,
                "purchased_on": purchased_on,
            }
        )
        if purchasing_unit is not UNSET:
            field_dict["purchasing_unit"] = purchasing_unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        village_code = d.pop("village_code")

        product = d.pop("product")

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        purchased_on = datetime.date.fromisoformat(d.pop("purchased_on"))

        def _parse_purchasing_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purchasing_unit = _parse_purchasing_unit(d.pop("purchasing_unit", UNSET))

        monitoring_purchase_in = cls(
            village_code=village_code,
            product=product,
            amount=amount,
            purchased_on=purchased_on,
            purchasing_unit=purchasing_unit,
        )

        return monitoring_purchase_in
