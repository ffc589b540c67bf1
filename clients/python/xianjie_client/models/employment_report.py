from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.employment_report_column import EmploymentReportColumn
    from ..models.employment_report_rows_item import EmploymentReportRowsItem


T = TypeVar("T", bound="EmploymentReport")


@_attrs_define
class EmploymentReport:
    """
    Attributes:
        name (str): 报表名 / the report's name in its URL
        title (str):
        columns (list[EmploymentReportColumn]):
        rows (list[EmploymentReportRowsItem]): 按列的 key 取值；金额为元的小数字符串
        generated_at (datetime.datetime | Unset):
    """

    name: str
    title: str
    columns: list[EmploymentReportColumn]
    rows: list[EmploymentReportRowsItem]
    generated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        title = self.title

        columns = []
        for columns_item_data in self.columns:
            columns_item = columns_item_data.to_dict()
            columns.append(columns_item)

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        generated_at: str | Unset = UNSET
        if not isinstance(self.generated_at, Unset):
            generated_at = self.generated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "title": title,
                "columns": columns,
                "rows": rows,
            }
        )
        if generated_at is not UNSET:
            field_dict["generated_at"] = generated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employment_report_column import EmploymentReportColumn  # noqa: PLC0415
        from ..models.employment_report_rows_item import EmploymentReportRowsItem  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        title = d.pop("title")

        columns = []
        _columns = d.pop("columns")
        for columns_item_data in _columns:
            columns_item = EmploymentReportColumn.from_dict(columns_item_data)

            columns.append(columns_item)

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = EmploymentReportRowsItem.from_dict(rows_item_data)

            rows.append(rows_item)

        _generated_at = d.pop("generated_at", UNSET)
        generated_at: datetime.datetime | Unset
        if isinstance(_generated_at, Unset):
            generated_at = UNSET
        else:
            generated_at = datetime.datetime.fromisoformat(_generated_at)

        employment_report = cls(
            name=name,
            title=title,
            columns=columns,
            rows=rows,
            generated_at=generated_at,
        )

        employment_report.additional_properties = d
        return employment_report

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
