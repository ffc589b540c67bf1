from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.employment_floor_state import EmploymentFloorState

if TYPE_CHECKING:
    from ..models.employment_place_count import EmploymentPlaceCount
    from ..models.employment_town_count import EmploymentTownCount


T = TypeVar("T", bound="EmploymentFloorOut")


@_attrs_define
class EmploymentFloorOut:
    """务工就业规模：the count on a date against the floor (district-wide unless filtered by town).

    Attributes:
        as_of (datetime.date):
        town_code (None | str): 按乡镇筛选时的乡镇代码；为空表示全区
        employed (int):
        floor (int): 底线人数（全区）
        warning_margin (int): 预警区间：底线以上此人数以内即预警
        state (EmploymentFloorState | None): 全区状态（仅全区口径给出）
        state_label (None | str):
        by_town (list[EmploymentTownCount]):
        by_place (list[EmploymentPlaceCount]):
    """

    as_of: datetime.date
    town_code: None | str
    employed: int
    floor: int
    warning_margin: int
    state: EmploymentFloorState | None
    state_label: None | str
    by_town: list[EmploymentTownCount]
    by_place: list[EmploymentPlaceCount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        town_code: None | str
        town_code = self.town_code

        employed = self.employed

        floor = self.floor

        warning_margin = self.warning_margin

        state: None | str
        if isinstance(self.state, EmploymentFloorState):
            state = self.state.value
        else:
            state = self.state

        state_label: None | str
        state_label = self.state_label

        by_town = []
        for by_town_item_data in self.by_town:
            by_town_item = by_town_item_data.to_dict()
            by_town.append(by_town_item)

        by_place = []
        for by_place_item_data in self.by_place:
            by_place_item = by_place_item_data.to_dict()
            by_place.append(by_place_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "town_code": town_code,
                "employed": employed,
                "floor": floor,
                "warning_margin": warning_margin,
                "state": state,
                "state_label": state_label,
                "by_town": by_town,
                "by_place": by_place,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employment_place_count import EmploymentPlaceCount  # noqa: PLC0415
        from ..models.employment_town_count import EmploymentTownCount  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        def _parse_town_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        town_code = _parse_town_code(d.pop("town_code"))

        employed = d.pop("employed")

        floor = d.pop("floor")

        warning_margin = d.pop("warning_margin")

        def _parse_state(data: object) -> EmploymentFloorState | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = EmploymentFloorState(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmploymentFloorState | None, data)

        state = _parse_state(d.pop("state"))

        def _parse_state_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        state_label = _parse_state_label(d.pop("state_label"))

        by_town = []
        _by_town = d.pop("by_town")
        for by_town_item_data in _by_town:
            by_town_item = EmploymentTownCount.from_dict(by_town_item_data)

            by_town.append(by_town_item)

        by_place = []
        _by_place = d.pop("by_place")
        for by_place_item_data in _by_place:
            by_place_item = EmploymentPlaceCount.from_dict(by_place_item_data)

            by_place.append(by_place_item)

        employment_floor_out = cls(
            as_of=as_of,
            town_code=town_code,
            employed=employed,
            floor=floor,
            warning_margin=warning_margin,
            state=state,
            state_label=state_label,
            by_town=by_town,
            by_place=by_place,
        )

        employment_floor_out.additional_properties = d
        return employment_floor_out

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
