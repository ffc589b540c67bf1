"""Kit pieces that need no servers: envelope, cursor, log scrubbing, settings overrides."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, date, datetime

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
    # A page's (updated_at, id) is written as json.dumps writes it (cursors given out stay valid).
    when = datetime(2026, 3, 1, 8, 0, 0, 5, tzinfo=UTC)
    for last in (
        [when, uuid.UUID(int=7)],
        [when.replace(microsecond=0), uuid.uuid4()],
        [date(2026, 1, 2), 5],
    ):
        raw = json.dumps(last, default=str, separators=(",", ":")).encode()
        assert encode_cursor(last) == base64.urlsafe_b64encode(raw).decode().rstrip("=")
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


def test_a_quantity_is_rounded_to_its_places_and_stays_on_its_side_of_zero() -> None:
    from decimal import Decimal

    from shared.schemas import quantize

    assert quantize(35.1234565, 6) == Decimal("35.123456")  # half to even
    assert quantize("35.1234575", 6) == Decimal("35.123458")
    assert quantize(0.001, 2) == Decimal("0.01")  # above zero stays above zero
    assert quantize("-0.001", 2) == Decimal("-0.01")
    assert quantize(0, 2) == Decimal("0.00")
    assert quantize("abc", 2) == "abc"  # left for the field's own check to refuse
    assert quantize(True, 2) is True
    assert quantize(1.4e308, 6) == 1.4e308  # too large to round: left for the bounds to refuse


def test_an_input_model_rounds_quantities_and_refuses_booleans_for_whole_numbers() -> None:
    from decimal import Decimal

    from pydantic import Field, ValidationError

    from shared.schemas import InputModel

    class Reading(InputModel):
        latitude: Decimal = Field(ge=-90, le=90, max_digits=9, decimal_places=6)
        households: int = Field(ge=0)

    assert Reading(latitude=35.12345678, households=3).latitude == Decimal("35.123457")  # type: ignore[arg-type]
    assert Reading(latitude="90.0000004", households=3).latitude == Decimal("90.000000")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Reading(latitude="90.0000006", households=3)  # type: ignore[arg-type]  # 90.000001 is past the bound
    with pytest.raises(ValidationError):
        Reading(latitude=1, households=False)
    with pytest.raises(ValidationError):
        Reading(latitude=1.4210744670070037e308, households=1)  # refused (422), not a 500


def test_the_string_form_of_a_bounded_quantity_carries_its_bounds() -> None:
    import re

    from shared.openapi import _bounded

    ratio = re.compile(_bounded({"type": "number", "minimum": 0, "maximum": 1}) or "")
    assert [bool(ratio.match(v)) for v in ("0", "0.75", "1", "1.00", "1.01", "04.7", "-0.1")] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    below_one = re.compile(_bounded({"type": "number", "minimum": 0, "exclusiveMaximum": 1}) or "")
    assert below_one.match("0.999") and not below_one.match("1")
    latitude = re.compile(_bounded({"type": "number", "minimum": -90, "maximum": 90}) or "")
    assert latitude.match("-90") and latitude.match("35.123456") and not latitude.match("90.5")
    hours = re.compile(_bounded({"type": "number", "exclusiveMinimum": 0, "maximum": 1000}) or "")
    assert hours.match("0.5") and not hours.match("0") and not hours.match("1000.5")
    assert _bounded({"type": "number", "minimum": 5, "maximum": 10}) is None  # not that shape
