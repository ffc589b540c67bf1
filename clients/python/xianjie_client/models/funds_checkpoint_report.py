from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funds_fund_progress import FundsFundProgress
    from ..models.funds_progress import FundsProgress
    from ..models.funds_project_progress import FundsProjectProgress
    from ..models.funds_town_progress import FundsTownProgress


T = TypeVar("T", bound="FundsCheckpointReport")


@_attrs_define
class FundsCheckpointReport:
    """
    Attributes:
        year (int):
        month (int):
        as_of (datetime.date):
        target_ratio (str):
        total (FundsProgress):
        towns (list[FundsTownProgress]):
        funds (list[FundsFundProgress]):
        projects (list[FundsProjectProgress]):
    """

    year: int
    month: int
    as_of: datetime.date
    target_ratio: str
    total: FundsProgress
    towns: list[FundsTownProgress]
    funds: list[FundsFundProgress]
    projects: list[FundsProjectProgress]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        month = self.month

        as_of = self.as_of.isoformat()

        target_ratio = self.target_ratio

        total = self.total.to_dict()

        towns = []
        for towns_item_data in self.towns:
            towns_item = towns_item_data.to_dict()
            towns.append(towns_item)

        funds = []
        for funds_item_data in self.funds:
            funds_item = funds_item_data.to_dict()
            funds.append(funds_item)

        projects = []
        for projects_item_data in self.projects:
            projects_item = projects_item_data.to_dict()
            projects.append(projects_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "month": month,
                "as_of": as_of,
                "target_ratio": target_ratio,
                "total": total,
                "towns": towns,
                "funds": funds,
                "projects": projects,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.funds_fund_progress import FundsFundProgress  # noqa: PLC0415
        from ..models.funds_progress import FundsProgress  # noqa: PLC0415
        from ..models.funds_project_progress import FundsProjectProgress  # noqa: PLC0415
        from ..models.funds_town_progress import FundsTownProgress  # noqa: PLC0415

        d = dict(src_dict)
        year = d.pop("year")

        month = d.pop("month")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        target_ratio = d.pop("target_ratio")

        total = FundsProgress.from_dict(d.pop("total"))

        towns = []
        _towns = d.pop("towns")
        for towns_item_data in _towns:
            towns_item = FundsTownProgress.from_dict(towns_item_data)

            towns.append(towns_item)

        funds = []
        _funds = d.pop("funds")
        for funds_item_data in _funds:
            funds_item = FundsFundProgress.from_dict(funds_item_data)

            funds.append(funds_item)

        projects = []
        _projects = d.pop("projects")
        for projects_item_data in _projects:
            projects_item = FundsProjectProgress.from_dict(projects_item_data)

            projects.append(projects_item)

        funds_checkpoint_report = cls(
            year=year,
            month=month,
            as_of=as_of,
            target_ratio=target_ratio,
            total=total,
            towns=towns,
            funds=funds,
            projects=projects,
        )

        funds_checkpoint_report.additional_properties = d
        return funds_checkpoint_report

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
