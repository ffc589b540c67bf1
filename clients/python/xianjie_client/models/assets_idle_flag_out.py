from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assets_idle_action import AssetsIdleAction
from ..models.assets_idle_rule import AssetsIdleRule

T = TypeVar("T", bound="AssetsIdleFlagOut")


@_attrs_define
class AssetsIdleFlagOut:
    """
    Attributes:
        id (UUID):
        asset_id (UUID):
        asset_name (str):
        asset_category (str):
        asset_value (str):
        town_code (str):
        village_code (str):
        rule (AssetsIdleRule): no_revenue=连续无收益；low_utilisation=利用率偏低；not_in_use=公益性资产闲置或损毁
        flagged_on (datetime.date):
        measure (str): 无收益月数，或平均利用率（0–1）
        proposed_action (AssetsIdleAction | None):
        action_note (None | str):
        cleared_on (datetime.date | None):
        version (int):
        updated_at (datetime.datetime):
        rule_label (str): rule 的中文名称
        proposed_action_label (None | str): proposed_action 的中文名称
    """

    id: UUID
    asset_id: UUID
    asset_name: str
    asset_category: str
    asset_value: str
    town_code: str
    village_code: str
    rule: AssetsIdleRule
    flagged_on: datetime.date
    measure: str
    proposed_action: AssetsIdleAction | None
    action_note: None | str
    cleared_on: datetime.date | None
    version: int
    updated_at: datetime.datetime
    rule_label: str
    proposed_action_label: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        asset_id = str(self.asset_id)

        asset_name = self.asset_name

        asset_category = self.asset_category

        asset_value = self.asset_value

        town_code = self.town_code

        village_code = self.village_code

        rule = self.rule.value

        flagged_on = self.flagged_on.isoformat()

        measure = self.measure

        proposed_action: None | str
        if isinstance(self.proposed_action, AssetsIdleAction):
            proposed_action = self.proposed_action.value
        else:
            proposed_action = self.proposed_action

        action_note: None | str
        action_note = self.action_note

        cleared_on: None | str
        if isinstance(self.cleared_on, datetime.date):
            cleared_on = self.cleared_on.isoformat()
        else:
            cleared_on = self.cleared_on

        version = self.version

        updated_at = self.updated_at.isoformat()

        rule_label = self.rule_label

        proposed_action_label: None | str
        proposed_action_label = self.proposed_action_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "asset_id": asset_id,
                "asset_name": asset_name,
                "asset_category": asset_category,
                "asset_value": asset_value,
                "town_code": town_code,
                "village_code": village_code,
                "rule": rule,
                "flagged_on": flagged_on,
                "measure": measure,
                "proposed_action": proposed_action,
                "action_note": action_note,
                "cleared_on": cleared_on,
                "version": version,
                "updated_at": updated_at,
                "rule_label": rule_label,
                "proposed_action_label": proposed_action_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        asset_id = UUID(d.pop("asset_id"))

        asset_name = d.pop("asset_name")

        asset_category = d.pop("asset_category")

        asset_value = d.pop("asset_value")

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        rule = AssetsIdleRule(d.pop("rule"))

        flagged_on = datetime.date.fromisoformat(d.pop("flagged_on"))

        measure = d.pop("measure")

        def _parse_proposed_action(data: object) -> AssetsIdleAction | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposed_action_type_0 = AssetsIdleAction(data)

                return proposed_action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetsIdleAction | None, data)

        proposed_action = _parse_proposed_action(d.pop("proposed_action"))

        def _parse_action_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        action_note = _parse_action_note(d.pop("action_note"))

        def _parse_cleared_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cleared_on_type_0 = datetime.date.fromisoformat(data)

                return cleared_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        cleared_on = _parse_cleared_on(d.pop("cleared_on"))

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        rule_label = d.pop("rule_label")

        def _parse_proposed_action_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        proposed_action_label = _parse_proposed_action_label(d.pop("proposed_action_label"))

        assets_idle_flag_out = cls(
            id=id,
            asset_id=asset_id,
            asset_name=asset_name,
            asset_category=asset_category,
            asset_value=asset_value,
            town_code=town_code,
            village_code=village_code,
            rule=rule,
            flagged_on=flagged_on,
            measure=measure,
            proposed_action=proposed_action,
            action_note=action_note,
            cleared_on=cleared_on,
            version=version,
            updated_at=updated_at,
            rule_label=rule_label,
            proposed_action_label=proposed_action_label,
        )

        assets_idle_flag_out.additional_properties = d
        return assets_idle_flag_out

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
