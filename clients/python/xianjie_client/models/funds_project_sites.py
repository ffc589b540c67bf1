from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funds_site_out import FundsSiteOut


T = TypeVar("T", bound="FundsProjectSites")


@_attrs_define
class FundsProjectSites:
    """
    Attributes:
        project_id (UUID):
        sites (list[FundsSiteOut]):
        completed (int): 已完工（100%）点位数
        progress_percent (None | str): 项目进度 = 各点位进度按权重加权平均（两位小数）
    """

    project_id: UUID
    sites: list[FundsSiteOut]
    completed: int
    progress_percent: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        sites = []
        for sites_item_data in self.sites:
            sites_item = sites_item_data.to_dict()
            sites.append(sites_item)

        completed = self.completed

        progress_percent: None | str
        progress_percent = self.progress_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "sites": sites,
                "completed": completed,
                "progress_percent": progress_percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.funds_site_out import FundsSiteOut  # noqa: PLC0415

        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        sites = []
        _sites = d.pop("sites")
        for sites_item_data in _sites:
            sites_item = FundsSiteOut.from_dict(sites_item_data)

            sites.append(sites_item)

        completed = d.pop("completed")

        def _parse_progress_percent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        progress_percent = _parse_progress_percent(d.pop("progress_percent"))

        funds_project_sites = cls(
            project_id=project_id,
            sites=sites,
            completed=completed,
            progress_percent=progress_percent,
        )

        funds_project_sites.additional_properties = d
        return funds_project_sites

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
