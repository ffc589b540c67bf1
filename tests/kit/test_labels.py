"""The labelled enum: one declaration gives the stored value, the label people read, and parsing."""

from __future__ import annotations

from typing import ClassVar

import pytest
from pydantic import BaseModel, ValidationError

from shared.db import pg_enum
from shared.labels import LabelledEnum, label_of, labels_of


class Cause(LabelledEnum):
    ILLNESS = "illness", "因病"
    DISASTER = "disaster", "因灾"


class Body(BaseModel):
    cause: Cause


def test_a_member_is_its_value_and_carries_its_label() -> None:
    assert Cause.ILLNESS == "illness"
    assert Cause("disaster") is Cause.DISASTER
    assert Cause.ILLNESS.label == "因病"
    assert Cause.labels() == {Cause.ILLNESS: "因病", Cause.DISASTER: "因灾"}


def test_parse_reads_a_value_or_a_label_and_nothing_else() -> None:
    assert Cause.parse(" 因灾 ") is Cause.DISASTER
    assert Cause.parse("illness") is Cause.ILLNESS
    assert Cause.parse("因学") is None


def test_parse_takes_the_first_declared_member_whose_value_or_label_matches() -> None:
    class Crossed(LabelledEnum):  # one member's label is the next one's value
        FIRST = "first", "second"
        SECOND = "second", "第二"

    assert Crossed.parse("second") is Crossed.FIRST
    assert Crossed.parse("第二") is Crossed.SECOND
    assert Cause.parse("second") is None  # each enum reads its own members only


def test_a_member_without_a_label_is_refused_when_the_enum_is_declared() -> None:
    with pytest.raises(TypeError, match="needs its label"):

        class Unlabelled(LabelledEnum):
            ONLY_VALUE = "only_value"


def test_api_models_take_and_give_values_and_document_the_labels() -> None:
    assert Body(cause="illness").model_dump(mode="json") == {"cause": "illness"}
    with pytest.raises(ValidationError):
        Body(cause="因病")  # the API speaks values; labels are for people
    schema = Body.model_json_schema()["$defs"]["Cause"]
    assert schema["enum"] == ["illness", "disaster"]
    assert schema["x-enum-descriptions"] == ["因病", "因灾"]


def test_the_database_stores_values() -> None:
    assert pg_enum(Cause, "cause", "kit").enums == ["illness", "disaster"]


class Answer(BaseModel):
    cause: Cause
    earlier: Cause | None = None
    all_causes: list[Cause] = []
    cause_label: ClassVar[property] = label_of("cause")
    earlier_label: ClassVar[property] = label_of("earlier", optional=True)
    all_causes_labels: ClassVar[property] = labels_of("all_causes")


def test_answers_carry_the_labels_of_their_enums() -> None:
    answer = Answer(cause="illness", all_causes=["disaster", "illness"])
    assert answer.model_dump(mode="json") == {
        "cause": "illness",
        "earlier": None,
        "all_causes": ["disaster", "illness"],
        "cause_label": "因病",
        "earlier_label": None,
        "all_causes_labels": ["因灾", "因病"],
    }
    properties = Answer.model_json_schema(mode="serialization")["properties"]
    assert properties["cause_label"]["type"] == "string" and properties["cause_label"]["readOnly"]
    assert {"type": "null"} in properties["earlier_label"]["anyOf"]
