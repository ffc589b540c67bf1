from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundsBusinessCreate")


@_attrs_define
class FundsBusinessCreate:
    """
    Attributes:
        name (str):
        kind (str):
    """

    name: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = d.pop("kind")

        funds_business_create = cls(
            name=name,
            kind=kind,
        )

        return funds_business_create
