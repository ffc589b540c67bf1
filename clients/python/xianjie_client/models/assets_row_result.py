from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assets_row_result_status import AssetsRowResultStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assets_row_problem import AssetsRowProblem


T = TypeVar("T", bound="AssetsRowResult")


@_attrs_define
class AssetsRowResult:
    """
    Attributes:
        row (int):
        status (AssetsRowResultStatus):
        id (None | str | Unset):
        problems (list[AssetsRowProblem] | Unset):
    """

    row: int
    status: AssetsRowResultStatus
    id: None | str | Unset = UNSET
    problems: list[AssetsRowProblem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        status = self.status.value

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        problems: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = []
            for problems_item_data in self.problems:
                problems_item = problems_item_data.to_dict()
                problems.append(problems_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row": row,
                "status": status,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if problems is not UNSET:
            field_dict["problems"] = problems

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assets_row_problem import AssetsRowProblem  # noqa: PLC0415

        d = dict(src_dict)
        row = d.pop("row")

        status = AssetsRowResultStatus(d.pop("status"))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        _problems = d.pop("problems", UNSET)
        problems: list[AssetsRowProblem] | Unset = UNSET
        if _problems is not UNSET:
            problems = []
            for problems_item_data in _problems:
                problems_item = AssetsRowProblem.from_dict(problems_item_data)

                problems.append(problems_item)

        assets_row_result = cls(
            row=row,
            status=status,
            id=id,
            problems=problems,
        )

        assets_row_result.additional_properties = d
        return assets_row_result

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
