from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_household_kind import MonitoringHouseholdKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.monitoring_member_create import MonitoringMemberCreate


T = TypeVar("T", bound="MonitoringHouseholdCreate")


@_attrs_define
class MonitoringHouseholdCreate:
    """
    Attributes:
        town_code (str): 乡镇（街道）代码
        village_code (str): 村（社区）代码
        head_name (str): 户主姓名
        kind (MonitoringHouseholdKind): Who a household is (脱贫 identity): it does not change when the household is
            monitored.

            Being monitored (监测对象) is the household's ``status`` with its category (``subtype``); a
            脱贫户 included as 脱贫不稳定户 is still a 脱贫户 in every count (issue 11).
        member_count (int):
        address (str | Unset):  Default: ''.
        helper_user_id (None | str | Unset): 帮扶责任人用户编号
        housing_safe (bool | Unset): 住房安全 Default: True.
        water_safe (bool | Unset): 饮水安全 Default: True.
        members (list[MonitoringMemberCreate] | Unset):
    """

    town_code: str
    village_code: str
    head_name: str
    kind: MonitoringHouseholdKind
    member_count: int
    address: str | Unset = ""
    helper_user_id: None | str | Unset = UNSET
    housing_safe: bool | Unset = True
    water_safe: bool | Unset = True
    members: list[MonitoringMemberCreate] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        town_code = self.town_code

        village_code = self.village_code

        head_name = self.head_name

        kind = self.kind.value

        member_count = self.member_count

        address = self.address

        helper_user_id: None | str | Unset
        if isinstance(self.helper_user_id, Unset):
            helper_user_id = UNSET
        else:
            helper_user_id = self.helper_user_id

        housing_safe = self.housing_safe

        water_safe = self.water_safe

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "town_code": town_code,
                "village_code": village_code,
                "head_name": head_name,
                "kind": kind,
                "member_count": member_count,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if helper_user_id is not UNSET:
            field_dict["helper_user_id"] = helper_user_id
        if housing_safe is not UNSET:
            field_dict["housing_safe"] = housing_safe
        if water_safe is not UNSET:
            field_dict["water_safe"] = water_safe
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_member_create import MonitoringMemberCreate  # noqa: PLC0415

        d = dict(src_dict)
        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        head_name = d.pop("head_name")

        kind = MonitoringHouseholdKind(d.pop("kind"))

        member_count = d.pop("member_count")

        address = d.pop("address", UNSET)

        def _parse_helper_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        helper_user_id = _parse_helper_user_id(d.pop("helper_user_id", UNSET))

        housing_safe = d.pop("housing_safe", UNSET)

        water_safe = d.pop("water_safe", UNSET)

        _members = d.pop("members", UNSET)
        members: list[MonitoringMemberCreate] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = MonitoringMemberCreate.from_dict(members_item_data)

                members.append(members_item)

        monitoring_household_create = cls(
            town_code=town_code,
            village_code=village_code,
            head_name=head_name,
            kind=kind,
            member_count=member_count,
            address=address,
            helper_user_id=helper_user_id,
            housing_safe=housing_safe,
            water_safe=water_safe,
            members=members,
        )

        return monitoring_household_create
