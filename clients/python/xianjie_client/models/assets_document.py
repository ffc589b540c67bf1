from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AssetsDocument")


@_attrs_define
class AssetsDocument:
    """
    Attributes:
        title (str): 文件名称
        ref (str): 文号或存档地址
    """

    title: str
    ref: str

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        ref = self.ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "ref": ref,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        ref = d.pop("ref")

        assets_document = cls(
            title=title,
            ref=ref,
        )

        return assets_document
