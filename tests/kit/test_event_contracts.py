"""Every event a service consumes is one another service publishes, read compatibly.

Services never import each other, so a consumer declares the event it reads itself
(``ConsumedEvent``); this test — which may import every service — pairs each declaration with the
producer's ``EventSpec``: same type and subject, and every field the reading needs is one the
producer always sends, of the same JSON type.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from gateway.users.events import PUBLISHED as USER_EVENTS
from shared.events.envelope import ConsumedEvent, EventSpec
from shared.events.revocations import ACCOUNT_CHANGED
from xianjie.components import SERVICES


def _apps() -> dict[str, Any]:
    return {c.name: importlib.import_module(f"services.{c.name}.app") for c in SERVICES}


def _published() -> dict[str, EventSpec]:
    specs = [*USER_EVENTS, *(spec for app in _apps().values() for spec in app.PUBLISHED)]
    return {spec.type: spec for spec in specs}


def _consumed() -> list[tuple[str, ConsumedEvent[Any]]]:
    by_services = [(name, consumed) for name, app in _apps().items() for consumed in app.CONSUMES]
    # Every process follows account changes to refuse stale tokens (shared.events.revocations).
    return [*by_services, ("kit", ACCOUNT_CHANGED)]


def _json_types(schema: dict[str, Any], defs: dict[str, Any]) -> set[str]:
    """The JSON types a property schema admits (refs resolved, nullability kept)."""
    if "$ref" in schema:
        return _json_types(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    if "anyOf" in schema:
        return set().union(*(_json_types(s, defs) for s in schema["anyOf"]))
    if "enum" in schema:
        return {"string"}
    return {schema.get("type", "any")}


def test_every_service_declares_what_it_consumes() -> None:
    consumers = {name for name, _ in _consumed()}
    assert consumers == {"monitoring", "employment", "funds", "assets", "kit"}


@pytest.mark.parametrize(("consumer", "consumed"), _consumed(), ids=lambda v: getattr(v, "type", v))
def test_a_consumed_event_is_published_and_read_compatibly(
    consumer: str, consumed: ConsumedEvent[Any]
) -> None:
    producer = _published().get(consumed.type)
    assert producer is not None, f"{consumer} consumes {consumed.type}, which no service publishes"
    assert producer.service != consumer
    assert consumed.nats_subject == producer.nats_subject
    sent = producer.payload.model_json_schema(mode="serialization")
    read = consumed.payload.model_json_schema(mode="validation")
    for field, info in consumed.payload.model_fields.items():
        assert field in sent["properties"], f"{consumer} reads {field}, which {producer.type} does not send"
        if info.is_required():
            assert field in sent.get("required", []), f"{producer.type} may leave out {field}"
        sent_types = _json_types(sent["properties"][field], sent.get("$defs", {}))
        read_types = _json_types(read["properties"][field], read.get("$defs", {}))
        assert sent_types <= read_types | {"any"}, f"{field}: sent as {sent_types}, read as {read_types}"
