from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.assets_idle_action import AssetsIdleAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetsProposalIn")


@_attrs_define
class AssetsProposalIn:
    """
    Attributes:
        proposed_action (AssetsIdleAction): revitalise=盘活；change_use=改变用途；dispose=处置
        action_note (None | str | Unset):
    """

    proposed_action: AssetsIdleAction
    action_note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        proposed_action = self.proposed_action.value

        action_note: None | str | Unset
        if isinstance(self.action_note, Unset):
            action_note = UNSET
        else:
            action_note = self.action_note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "proposed_action": proposed_action,
            }
        )
        if action_note is not UNSET:
            field_dict["action_note"] = action_note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        proposed_action = AssetsIdleAction(d.pop("proposed_action"))

        def _parse_action_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action_note = _parse_action_note(d.pop("action_note", UNSET))

        assets_proposal_in = cls(
            proposed_action=proposed_action,
            action_note=action_note,
        )

        return assets_proposal_in
