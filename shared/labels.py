"""Enums whose members carry the Chinese label people read (in answers, exports, imports).

A member is declared with its stored value and its label, once::

    class RiskCause(LabelledEnum):
        ILLNESS = "illness", "因病"

``RiskCause.ILLNESS == "illness"`` (values are what the database, the API and events carry),
``RiskCause.ILLNESS.label == "因病"``, and ``RiskCause.parse("因病")`` reads either back — the way
a ledger import takes a cell. The JSON schema lists the labels beside the values
(``x-enum-descriptions``), so generated clients and the docs show them too.
"""

from __future__ import annotations

import functools
from enum import StrEnum
from typing import Any, Self, TypeVar

from pydantic import GetJsonSchemaHandler, computed_field
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema


class LabelledEnum(StrEnum):
    _value_: str
    label: str

    # ``label`` defaults only so that type checkers accept ``RiskCause("illness")`` (a lookup by
    # value, which never reaches this method); every declared member must name its label.
    def __new__(cls, value: str, label: str | None = None) -> Self:
        if not label:
            raise TypeError(f"{cls.__name__}.{value}: a labelled enum member needs its label")
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def parse(cls, text: str) -> Self | None:
        """The member whose value or label is ``text`` (surrounding blanks ignored), else ``None``."""
        return _readable(cls).get(text.strip())

    @classmethod
    def labels(cls) -> dict[Self, str]:
        return {member: member.label for member in cls}

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema: dict[str, Any] = handler(schema)
        target = handler.resolve_ref_schema(json_schema)
        target["x-enum-descriptions"] = [member.label for member in cls]
        target.setdefault("description", "；".join(f"{m.value}={m.label}" for m in cls))
        return json_schema


E = TypeVar("E", bound=LabelledEnum)


@functools.cache
def _readable(cls: type[E]) -> dict[str, E]:
    """Each member by its value and by its label; where two members share a text, the first declared
    wins (as a scan in declaration order would). Built once per enum: a bulk import parses a cell of
    each row, and walking the members cost ~6 µs a cell."""
    found: dict[str, E] = {}
    for member in cls:
        found.setdefault(member.value, member)
        found.setdefault(member.label, member)
    return found


def label_of(field: str, *, optional: bool = False) -> property:
    """A read-only ``<field>_label`` for an API answer: the label of the model's enum ``field``.

    ``kind_label: ClassVar[property] = label_of("kind")`` in an output model replaces a hand-written
    computed property (a class-level property, so not a field to type checkers);
    the answer and the OpenAPI document both carry it.
    """

    def label(model: Any) -> str | None:
        value = getattr(model, field)
        return None if value is None else value.label

    # What the label is of, for code that writes the answer from plain rows (shared.pagination).
    label.label_of = (field, optional, False)  # type: ignore[attr-defined]
    return computed_field(return_type=str | None if optional else str, description=f"{field} 的中文名称")(
        property(label)
    )


def labels_of(field: str) -> property:
    """``label_of`` for a list of enum members: their labels, in order."""

    def labels(model: Any) -> list[str]:
        return [value.label for value in getattr(model, field)]

    labels.label_of = (field, False, True)  # type: ignore[attr-defined]
    return computed_field(return_type=list[str], description=f"{field} 的中文名称")(property(labels))
