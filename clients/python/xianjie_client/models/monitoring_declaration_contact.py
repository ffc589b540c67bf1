from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonitoringDeclarationContact")


@_attrs_define
class MonitoringDeclarationContact:
    """To call the applicant back and register the household: shown to cadres, each read audited.

    Attributes:
        applicant_name (str):
        phone (str):
        id_number (str):
    """

    applicant_name: str
    phone: str
    id_number: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applicant_name = self.applicant_name

        phone = self.phone

        id_number = self.id_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applicant_name": applicant_name,
                "phone": phone,
                "id_number": id_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applicant_name = d.pop("applicant_name")

        phone = d.pop("phone")

        id_number = d.pop("id_number")

        monitoring_declaration_contact = cls(
            applicant_name=applicant_name,
            phone=phone,
            id_number=id_number,
        )

        monitoring_declaration_contact.additional_properties = d
        return monitoring_declaration_contact

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
