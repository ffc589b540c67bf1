from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_household_kind import MonitoringHouseholdKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringHouseholdUpdate")


@_attrs_define
class MonitoringHouseholdUpdate:
    """
    Attributes:
        head_name (None | str | Unset):
        address (None | str | Unset):
        kind (MonitoringHouseholdKind | None | Unset):
        member_count (int | None | Unset):
        helper_user_id (None | str | Unset):
        housing_safe (bool | None | Unset):
        water_safe (bool | None | Unset):
    """

    head_name: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    kind: MonitoringHouseholdKind | None | Unset = UNSET
    member_count: int | None | Unset = UNSET
    helper_user_id: None | str | Unset = UNSET
    housing_safe: bool | None | Unset = UNSET
    water_safe: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        head_name: None | str | Unset
        if isinstance(self.head_name, Unset):
            head_name = UNSET
        else:
            head_name = self.head_name

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, MonitoringHouseholdKind):
            kind = self.kind.value
        else:
            kind = self.kind

        member_count: int | None | Unset
        if isinstance(self.member_count, Unset):
            member_count = UNSET
        else:
            member_count = self.member_count

        helper_user_id: None | str | Unset
        if isinstance(self.helper_user_id, Unset):
            helper_user_id = UNSET
        else:
            helper_user_id = self.helper_user_id

        housing_safe: bool | None | Unset
        if isinstance(self.housing_safe, Unset):
            housing_safe = UNSET
        else:
            housing_safe = self.housing_safe

        water_safe: bool | None | Unset
        if isinstance(self.water_safe, Unset):
            water_safe = UNSET
        else:
            water_safe = self.water_safe

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if head_name is not UNSET:
            field_dict["head_name"] = head_name
        if address is not UNSET:
            field_dict["address"] = address
        if kind is not UNSET:
            field_dict["kind"] = kind
        if member_count is not UNSET:
            field_dict["member_count"] = member_count
        if helper_user_id is not UNSET:
            field_dict["helper_user_id"] = helper_user_id
        if housing_safe is not UNSET:
            field_dict["housing_safe"] = housing_safe
        if water_safe is not UNSET:
            field_dict["water_safe"] = water_safe

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_head_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        head_name = _parse_head_name(d.pop("head_name", UNSET))

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_kind(data: object) -> MonitoringHouseholdKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = MonitoringHouseholdKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringHouseholdKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_member_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        member_count = _parse_member_count(d.pop("member_count", UNSET))

        def _parse_helper_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        helper_user_id = _parse_helper_user_id(d.pop("helper_user_id", UNSET))

        def _parse_housing_safe(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        housing_safe = _parse_housing_safe(d.pop("housing_safe", UNSET))

        def _parse_water_safe(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        water_safe = _parse_water_safe(d.pop("water_safe", UNSET))

        monitoring_household_update = cls(
            head_name=head_name,
            address=address,
            kind=kind,
            member_count=member_count,
            helper_user_id=helper_user_id,
            housing_safe=housing_safe,
            water_safe=water_safe,
        )

        return monitoring_household_update
