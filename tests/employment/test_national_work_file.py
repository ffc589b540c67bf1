"""Issue 13: the national system's monthly work file, keyed by ID number (the shared match hash)."""

from __future__ import annotations

import pytest

from services.employment.settings import EmploymentSettings
from services.monitoring.settings import MonitoringSettings
from shared.id_number_match import DEV_ID_NUMBER_MATCH_KEY, id_number_match_hash
from shared.settings import ServiceSettings

NUMBER = "11010519491231002X"
KEY = "a-real-secret-of-enough-length"


def test_match_hash_is_keyed_hmac_of_the_normalised_number() -> None:
    digest = id_number_match_hash(NUMBER, KEY)
    assert len(digest) == 64 and NUMBER not in digest
    # Trimmed and upper-cased first: the file's "…002x " is the same person as monitoring's "…002X".
    assert id_number_match_hash(" 11010519491231002x ", KEY) == digest
    assert id_number_match_hash(NUMBER, KEY + "!") != digest
    assert id_number_match_hash("110105194912310038", KEY) != digest


@pytest.mark.parametrize("settings_class", [MonitoringSettings, EmploymentSettings])
def test_production_refuses_the_development_match_key(
    settings_class: type[ServiceSettings], monkeypatch: pytest.MonkeyPatch
) -> None:
    servers = {"database_url": "postgresql+asyncpg://x@db/x", "nats_url": "nats://n:4222"}
    monkeypatch.setenv("XIANJIE_MONITORING_ID_NUMBER_KEY", "another-real-secret-key")
    monkeypatch.setenv("XIANJIE_OBJECT_STORE_URL", "file:///data/objects")
    with pytest.raises(ValueError, match="XIANJIE_ID_NUMBER_MATCH_KEY"):
        settings_class(environment="production", **servers)
    with pytest.raises(ValueError, match="XIANJIE_ID_NUMBER_MATCH_KEY"):
        settings_class(environment="production", id_number_match_key="REPLACE-ME-please", **servers)
    settings = settings_class(environment="production", id_number_match_key=KEY, **servers)
    assert settings.id_number_match_key == KEY


def test_components_without_id_numbers_need_no_match_key() -> None:
    settings = ServiceSettings(
        environment="production", database_url="postgresql+asyncpg://x@db/x", nats_url="nats://n:4222"
    )
    assert settings.id_number_match_key == DEV_ID_NUMBER_MATCH_KEY
