from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assets_valuation_kind import AssetsValuationKind

T = TypeVar("T", bound="AssetsValuationOut")


@_attrs_define
class AssetsValuationOut:
    """
    Attributes:
        id (UUID):
        asset_id (UUID):
        kind (AssetsValuationKind): depreciation=计提折旧；revaluation=资产评估（重估）
        valued_on (datetime.date):
        book_value_before (str):
        book_value (str):
        basis (str):
        appraisal_ref (None | str):
        actor (str):
        recorded_at (datetime.datetime):
        kind_label (str): kind 的中文名称
    """

    id: UUID
    asset_id: UUID
    kind: AssetsValuationKind
    valued_on: datetime.date
    book_value_before: str
    book_value: str
    basis: str
    appraisal_ref: None | str
    actor: str
    recorded_at: datetime.datetime
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        asset_id = str(self.asset_id)

        kind = self.kind.value

        valued_on = self.valued_on.isoformat()

        book_value_before = self.book_value_before

        book_value = self.book_value

        basis = self.basis

        appraisal_ref: None | str
        appraisal_ref = self.appraisal_ref

        actor = self.actor

        recorded_at = self.recorded_at.isoformat()

        kind_label = self.kind_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "asset_id": asset_id,
                "kind": kind,
                "valued_on": valued_on,
                "book_value_before": book_value_before,
                "book_value": book_value,
                "basis": basis,
                "appraisal_ref": appraisal_ref,
                "actor": actor,
                "recorded_at": recorded_at,
                "kind_label": kind_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        asset_id = UUID(d.pop("asset_id"))

        kind = AssetsValuationKind(d.pop("kind"))

        valued_on = datetime.date.fromisoformat(d.pop("valued_on"))

        book_value_before = d.pop("book_value_before")

        book_value = d.pop("book_value")

        basis = d.pop("basis")

        def _parse_appraisal_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        appraisal_ref = _parse_appraisal_ref(d.pop("appraisal_ref"))

        actor = d.pop("actor")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        kind_label = d.pop("kind_label")

        assets_valuation_out = cls(
            id=id,
            asset_id=asset_id,
            kind=kind,
            valued_on=valued_on,
            book_value_before=book_value_before,
            book_value=book_value,
            basis=basis,
            appraisal_ref=appraisal_ref,
            actor=actor,
            recorded_at=recorded_at,
            kind_label=kind_label,
        )

        assets_valuation_out.additional_properties = d
        return assets_valuation_out

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
