from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.monitoring_change_out import MonitoringChangeOut
    from ..models.monitoring_household_out import MonitoringHouseholdOut
    from ..models.monitoring_member_out import MonitoringMemberOut


T = TypeVar("T", bound="MonitoringChangeResult")


@_attrs_define
class MonitoringChangeResult:
    """
    Attributes:
        household (MonitoringHouseholdOut):
        changes (list[MonitoringChangeOut]): 本次写入的变动记录
        other_household (MonitoringHouseholdOut | None | Unset): 分户新立的农户，或合户并入的农户
        member (MonitoringMemberOut | None | Unset): 新入户的成员（身份证号脱敏）
    """

    household: MonitoringHouseholdOut
    changes: list[MonitoringChangeOut]
    other_household: MonitoringHouseholdOut | None | Unset = UNSET
    member: MonitoringMemberOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.monitoring_household_out import MonitoringHouseholdOut  # noqa: PLC0415
        from ..models.monitoring_member_out import MonitoringMemberOut  # noqa: PLC0415

        household = self.household.to_dict()

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        other_household: dict[str, Any] | None | Unset
        if isinstance(self.other_household, Unset):
            other_household = UNSET
        elif isinstance(self.other_household, MonitoringHouseholdOut):
            other_household = self.other_household.to_dict()
        else:
            other_household = self.other_household

        member: dict[str, Any] | None | Unset
        if isinstance(self.member, Unset):
            member = UNSET
        elif isinstance(self.member, MonitoringMemberOut):
            member = self.member.to_dict()
        else:
            member = self.member

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "household": household,
                "changes": changes,
            }
        )
        if other_household is not UNSET:
            field_dict["other_household"] = other_household
        if member is not UNSET:
            field_dict["member"] = member

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_change_out import MonitoringChangeOut  # noqa: PLC0415
        from ..models.monitoring_household_out import MonitoringHouseholdOut  # noqa: PLC0415
        from ..models.monitoring_member_out import MonitoringMemberOut  # noqa: PLC0415

        d = dict(src_dict)
        household = MonitoringHouseholdOut.from_dict(d.pop("household"))

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = MonitoringChangeOut.from_dict(changes_item_data)

            changes.append(changes_item)

        def _parse_other_household(data: object) -> MonitoringHouseholdOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                other_household_type_0 = MonitoringHouseholdOut.from_dict(data)

                return other_household_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringHouseholdOut | None | Unset, data)

        other_household = _parse_other_household(d.pop("other_household", UNSET))

        def _parse_member(data: object) -> MonitoringMemberOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                member_type_0 = MonitoringMemberOut.from_dict(data)

                return member_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringMemberOut | None | Unset, data)

        member = _parse_member(d.pop("member", UNSET))

        monitoring_change_result = cls(
            household=household,
            changes=changes,
            other_household=other_household,
            member=member,
        )

        monitoring_change_result.additional_properties = d
        return monitoring_change_result

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
