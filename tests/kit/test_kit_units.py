"""Kit pieces that need no servers: envelope, cursor, log scrubbing, settings overrides."""

from __future__ import annotations

import uuid

import pytest
from cloudevents.v1.http import from_dict

from shared.divisions import DivisionRegistry
from shared.errors import ValidationFailed
from shared.events.envelope import EventPayload, EventSpec, stream_name
from shared.logging import scrub_personal_ids
from shared.pagination import decode_cursor, encode_cursor
from shared.settings import ServiceSettings


class Sample(EventPayload):
    thing_id: uuid.UUID
    town_code: str


SAMPLE = EventSpec(service="monitoring", aggregate="thing", name="happened", payload=Sample)


def test_envelope_is_a_valid_cloudevent() -> None:
    envelope = SAMPLE.envelope("abc", Sample(thing_id=uuid.uuid4(), town_code="419001100"))
    as_json = envelope.model_dump(mode="json", exclude_none=True)
    parsed = from_dict(as_json)  # the CloudEvents SDK validates required attributes
    assert parsed["type"] == "cn.xianjie.monitoring.thing.happened.v1"
    assert parsed["source"] == "/xianjie/monitoring"
    assert parsed["specversion"] == "1.0"
    assert SAMPLE.nats_subject == "xianjie.monitoring.thing.happened"
    assert stream_name("monitoring") == "XIANJIE_MONITORING"


def test_envelope_refuses_a_payload_of_another_event() -> None:
    class Other(EventPayload):
        x: int

    with pytest.raises(TypeError):
        SAMPLE.envelope("abc", Other(x=1))  # type: ignore[arg-type]


def test_payloads_refuse_unknown_fields() -> None:
    with pytest.raises(ValueError):
        Sample(thing_id=uuid.uuid4(), town_code="419001100", id_number="410881199001011234")  # type: ignore[call-arg]


def test_cursor_round_trip_and_garbage() -> None:
    values = ["2026-01-01T00:00:00+00:00", str(uuid.uuid4())]
    assert decode_cursor(encode_cursor(values)) == values
    assert decode_cursor(None) is None
    with pytest.raises(ValidationFailed):
        decode_cursor("!!!not-base64!!!")
    with pytest.raises(ValidationFailed):
        decode_cursor(encode_cursor({"a": 1}))  # type: ignore[arg-type]


def test_logs_never_carry_national_id_numbers() -> None:
    event = {
        "event": "x",
        "detail": "身份证 41088119900101123X 查询",
        "nested": {"q": ["410881199001011234"]},
    }
    scrubbed = scrub_personal_ids(None, "info", event)
    flat = repr(scrubbed)
    assert "41088119900101123X" not in flat and "410881199001011234" not in flat
    assert "410881********123X" in flat


def test_per_component_override_beats_suite_value(monkeypatch: pytest.MonkeyPatch) -> None:
    class FundsLike(ServiceSettings):
        component = "funds"

    monkeypatch.setenv("XIANJIE_DATABASE_URL", "postgresql://suite/db")
    monkeypatch.setenv("XIANJIE_FUNDS_DATABASE_URL", "postgresql://funds/db")
    monkeypatch.setenv("XIANJIE_MAX_BODY_BYTES", "4096")
    settings = FundsLike()
    assert settings.database_url == "postgresql://funds/db"
    assert settings.max_body_bytes == 4096


def test_production_refuses_missing_servers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XIANJIE_DATABASE_URL", raising=False)
    monkeypatch.delenv("XIANJIE_NATS_URL", raising=False)
    with pytest.raises(ValueError, match="production needs"):
        ServiceSettings(environment="production")


def test_division_registry_knows_towns_and_villages() -> None:
    registry = DivisionRegistry.load()
    assert len(registry.towns) == 16
    assert registry.name("419001100") == "克井镇"
    assert registry.require_village("419001100201", "419001100").town_code == "419001100"
    with pytest.raises(ValidationFailed):
        registry.require_village("419001109201", "419001100")  # a 王屋镇 village is not in 克井镇
    with pytest.raises(ValidationFailed):
        registry.require_town("419001999")
