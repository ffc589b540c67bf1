from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assets_valuation_out import AssetsValuationOut


T = TypeVar("T", bound="AssetsBookValueOut")


@_attrs_define
class AssetsBookValueOut:
    """
    Attributes:
        asset_id (UUID):
        original_value (str): 入账价值（登记的资产价值）
        book_value (str): 当前账面价值（最近一次折旧或评估后；无记录时为入账价值）
        valuations (list[AssetsValuationOut]):
    """

    asset_id: UUID
    original_value: str
    book_value: str
    valuations: list[AssetsValuationOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_id = str(self.asset_id)

        original_value = self.original_value

        book_value = self.book_value

        valuations = []
        for valuations_item_data in self.valuations:
            valuations_item = valuations_item_data.to_dict()
            valuations.append(valuations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset_id": asset_id,
                "original_value": original_value,
                "book_value": book_value,
                "valuations": valuations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assets_valuation_out import AssetsValuationOut  # noqa: PLC0415

        d = dict(src_dict)
        asset_id = UUID(d.pop("asset_id"))

        original_value = d.pop("original_value")

        book_value = d.pop("book_value")

        valuations = []
        _valuations = d.pop("valuations")
        for valuations_item_data in _valuations:
            valuations_item = AssetsValuationOut.from_dict(valuations_item_data)

            valuations.append(valuations_item)

        assets_book_value_out = cls(
            asset_id=asset_id,
            original_value=original_value,
            book_value=book_value,
            valuations=valuations,
        )

        assets_book_value_out.additional_properties = d
        return assets_book_value_out

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
