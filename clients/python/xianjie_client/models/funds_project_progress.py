from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_project_category import FundsProjectCategory

T = TypeVar("T", bound="FundsProjectProgress")


@_attrs_define
class FundsProjectProgress:
    """
    Attributes:
        allocated (str): 安排资金
        paid (str): 截至节点已支付
        progress (None | str): 支出进度（已支付 ÷ 安排，四位小数）
        behind (bool): 低于节点目标
        project_id (UUID):
        name (str):
        town_code (str):
        village_code (None | str):
        category (FundsProjectCategory): industry=产业；employment=就业；infrastructure=小型公益性基础设施；relocation=易地搬迁后续扶持；other=其他
    """

    allocated: str
    paid: str
    progress: None | str
    behind: bool
    project_id: UUID
    name: str
    town_code: str
    village_code: None | str
    category: FundsProjectCategory
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allocated = self.allocated

        paid = self.paid

        progress: None | str
        progress = self.progress

        behind = self.behind

        project_id = str(self.project_id)

        name = self.name

        town_code = self.town_code

        village_code: None | str
        village_code = self.village_code

        category = self.category.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allocated": allocated,
                "paid": paid,
                "progress": progress,
                "behind": behind,
                "project_id": project_id,
                "name": name,
                "town_code": town_code,
                "village_code": village_code,
                "category": category,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allocated = d.pop("allocated")

        paid = d.pop("paid")

        def _parse_progress(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        progress = _parse_progress(d.pop("progress"))

        behind = d.pop("behind")

        project_id = UUID(d.pop("project_id"))

        name = d.pop("name")

        town_code = d.pop("town_code")

        def _parse_village_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        village_code = _parse_village_code(d.pop("village_code"))

        category = FundsProjectCategory(d.pop("category"))

        funds_project_progress = cls(
            allocated=allocated,
            paid=paid,
            progress=progress,
            behind=behind,
            project_id=project_id,
            name=name,
            town_code=town_code,
            village_code=village_code,
            category=category,
        )

        funds_project_progress.additional_properties = d
        return funds_project_progress

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
