from __future__ import annotations

import pytest

from services.monitoring.settings import DEV_ID_NUMBER_KEY, MonitoringSettings

PRODUCTION = {
    "environment": "production",
    "database_url": "postgresql://db/x",
    "nats_url": "nats://n:4222",
    "object_store_url": "file:///var/lib/xianjie/objects",
    # The key matching ID numbers with employment (a secret of its own, checked in its own test).
    "id_number_match_key": "m" * 43,
}


@pytest.mark.parametrize("key", [DEV_ID_NUMBER_KEY, "REPLACE-ME-with-a-random-secret"])
def test_production_refuses_a_placeholder_id_number_key(key: str) -> None:
    with pytest.raises(ValueError, match="ID_NUMBER_KEY"):
        MonitoringSettings(**PRODUCTION, id_number_key=key)


def test_production_accepts_a_real_key() -> None:
    assert MonitoringSettings(**PRODUCTION, id_number_key="k" * 43).id_number_key == "k" * 43
