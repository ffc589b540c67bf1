from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringObjectionIn")


@_attrs_define
class MonitoringObjectionIn:
    """
    Attributes:
        content (str): 异议内容
        objector_name (None | str | Unset): 异议人姓名；不填为匿名
        lodged_on (datetime.date | None | Unset): 提出日期（公示期间，不晚于今天；默认今天）
    """

    content: str
    objector_name: None | str | Unset = UNSET
    lodged_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        objector_name: None | str | Unset
        if isinstance(self.objector_name, Unset):
            objector_name = UNSET
        else:
            objector_name = self.objector_name

        lodged_on: None | str | Unset
        if isinstance(self.lodged_on, Unset):
            lodged_on = UNSET
        elif isinstance(self.lodged_on, datetime.date):
            lodged_on = self.lodged_on.isoformat()
        else:
            lodged_on = self.lodged_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content": content,
            }
        )
        if objector_name is not UNSET:
            field_dict["objector_name"] = objector_name
        if lodged_on is not UNSET:
            field_dict["lodged_on"] = lodged_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content = d.pop("content")

        def _parse_objector_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        objector_name = _parse_objector_name(d.pop("objector_name", UNSET))

        def _parse_lodged_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lodged_on_type_0 = datetime.date.fromisoformat(data)

                return lodged_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        lodged_on = _parse_lodged_on(d.pop("lodged_on", UNSET))

        monitoring_objection_in = cls(
            content=content,
            objector_name=objector_name,
            lodged_on=lodged_on,
        )

        return monitoring_objection_in
