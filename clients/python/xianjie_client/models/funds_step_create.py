from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.funds_project_status import FundsProjectStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsStepCreate")


@_attrs_define
class FundsStepCreate:
    """
    Attributes:
        to (FundsProjectStatus): A project's life (domain §3), in order; ``rejected`` ends a failed entry review.
        reason (str): 理由或结论
        documents (list[str] | Unset): 依据文件
    """

    to: FundsProjectStatus
    reason: str
    documents: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        reason = self.reason

        documents: list[str] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = self.documents

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
                "reason": reason,
            }
        )
        if documents is not UNSET:
            field_dict["documents"] = documents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = FundsProjectStatus(d.pop("to"))

        reason = d.pop("reason")

        documents = cast(list[str], d.pop("documents", UNSET))

        funds_step_create = cls(
            to=to,
            reason=reason,
            documents=documents,
        )

        return funds_step_create
