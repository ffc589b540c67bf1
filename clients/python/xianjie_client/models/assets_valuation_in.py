from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.assets_valuation_kind import AssetsValuationKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetsValuationIn")


@_attrs_define
class AssetsValuationIn:
    """
    Attributes:
        kind (AssetsValuationKind): depreciation=计提折旧；revaluation=资产评估（重估）
        valued_on (datetime.date): 计提或评估基准日
        book_value (int | str): 本次之后的账面价值（元）
        basis (str): 依据，如 年限平均法、20年、残值率5%
        appraisal_ref (None | str | Unset): 评估报告文号
    """

    kind: AssetsValuationKind
    valued_on: datetime.date
    book_value: int | str
    basis: str
    appraisal_ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        valued_on = self.valued_on.isoformat()

        book_value: int | str
        book_value = self.book_value

        basis = self.basis

        appraisal_ref: None | str | Unset
        if isinstance(self.appraisal_ref, Unset):
            appraisal_ref = UNSET
        else:
            appraisal_ref = self.appraisal_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "valued_on": valued_on,
                "book_value": book_value,
                "basis": basis,
            }
        )
        if appraisal_ref is not UNSET:
            field_dict["appraisal_ref"] = appraisal_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = AssetsValuationKind(d.pop("kind"))

        valued_on = datetime.date.fromisoformat(d.pop("valued_on"))

        def _parse_book_value(data: object) -> int | str:
            return cast(int | str, data)

        book_value = _parse_book_value(d.pop("book_value"))

        basis = d.pop("basis")

        def _parse_appraisal_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        appraisal_ref = _parse_appraisal_ref(d.pop("appraisal_ref", UNSET))

        assets_valuation_in = cls(
            kind=kind,
            valued_on=valued_on,
            book_value=book_value,
            basis=basis,
            appraisal_ref=appraisal_ref,
        )

        return assets_valuation_in
