from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_social_force_kind import MonitoringSocialForceKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringSocialForceIn")


@_attrs_define
class MonitoringSocialForceIn:
    """
    Attributes:
        kind (MonitoringSocialForceKind):
            enterprise=万企兴万村民营企业；social_organisation=社会组织；tech_commissioner=科技特派员；industry_adviser=产业顾问组
        name (str):
        village_code (str): 村（社区）代码
        valid_from (datetime.date):
        user_id (None | str | Unset):
        contribution (str | Unset): 帮扶内容 Default: ''.
        valid_to (datetime.date | None | Unset):
    """

    kind: MonitoringSocialForceKind
    name: str
    village_code: str
    valid_from: datetime.date
    user_id: None | str | Unset = UNSET
    contribution: str | Unset = ""
    valid_to: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        village_code = self.village_code

        valid_from = self.valid_from.isoformat()

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        contribution = self.contribution

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
                "village_code": village_code,
                "valid_from": valid_from,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if contribution is not UNSET:
            field_dict["contribution"] = contribution
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = MonitoringSocialForceKind(d.pop("kind"))

        name = d.pop("name")

        village_code = d.pop("village_code")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        contribution = d.pop("contribution", UNSET)

        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))

        monitoring_social_force_in = cls(
            kind=kind,
            name=name,
            village_code=village_code,
            valid_from=valid_from,
            user_id=user_id,
            contribution=contribution,
            valid_to=valid_to,
        )

        return monitoring_social_force_in
