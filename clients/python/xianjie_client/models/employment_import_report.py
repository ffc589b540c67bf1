from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.employment_row_result import EmploymentRowResult


T = TypeVar("T", bound="EmploymentImportReport")


@_attrs_define
class EmploymentImportReport:
    """Per-row outcome of a bulk import; only refused rows are listed unless asked otherwise.

    Attributes:
        total (int | Unset):  Default: 0.
        accepted (int | Unset):  Default: 0.
        unchanged (int | Unset):  Default: 0.
        refused (int | Unset):  Default: 0.
        rows (list[EmploymentRowResult] | Unset):
        refused_rows_url (None | str | Unset): 被拒的行（原列 + 问题）的 XLSX 下载地址，保留若干天；无被拒的行时为空 / where the refused rows
            (original columns and their problem) download as XLSX for a few days
    """

    total: int | Unset = 0
    accepted: int | Unset = 0
    unchanged: int | Unset = 0
    refused: int | Unset = 0
    rows: list[EmploymentRowResult] | Unset = UNSET
    refused_rows_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        accepted = self.accepted

        unchanged = self.unchanged

        refused = self.refused

        rows: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rows, Unset):
            rows = []
            for rows_item_data in self.rows:
                rows_item = rows_item_data.to_dict()
                rows.append(rows_item)

        refused_rows_url: None | str | Unset
        if isinstance(self.refused_rows_url, Unset):
            refused_rows_url = UNSET
        else:
            refused_rows_url = self.refused_rows_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total is not UNSET:
            field_dict["total"] = total
        if accepted is not UNSET:
            field_dict["accepted"] = accepted
        if unchanged is not UNSET:
            field_dict["unchanged"] = unchanged
        if refused is not UNSET:
            field_dict["refused"] = refused
        if rows is not UNSET:
            field_dict["rows"] = rows
        if refused_rows_url is not UNSET:
            field_dict["refused_rows_url"] = refused_rows_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employment_row_result import EmploymentRowResult  # noqa: PLC0415

        d = dict(src_dict)
        total = d.pop("total", UNSET)

        accepted = d.pop("accepted", UNSET)

        unchanged = d.pop("unchanged", UNSET)

        refused = d.pop("refused", UNSET)

        _rows = d.pop("rows", UNSET)
        rows: list[EmploymentRowResult] | Unset = UNSET
        if _rows is not UNSET:
            rows = []
            for rows_item_data in _rows:
                rows_item = EmploymentRowResult.from_dict(rows_item_data)

                rows.append(rows_item)

        def _parse_refused_rows_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        refused_rows_url = _parse_refused_rows_url(d.pop("refused_rows_url", UNSET))

        employment_import_report = cls(
            total=total,
            accepted=accepted,
            unchanged=unchanged,
            refused=refused,
            rows=rows,
            refused_rows_url=refused_rows_url,
        )

        employment_import_report.additional_properties = d
        return employment_import_report

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
