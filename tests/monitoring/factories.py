"""Small factories for monitoring tests: valid ID numbers, households with members."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import httpx

from services.monitoring.households.id_numbers import check_char
from tests.helpers import KEJING, KEJING_VILLAGE, auth

HOUSEHOLDS = "/api/monitoring/v1/households"
_serial = itertools.count(100)


def id_number(birth: date = date(1980, 5, 17), region: str = "419001") -> str:
    """A valid 18-digit number (checksum right), different on every call."""
    first17 = f"{region}{birth:%Y%m%d}{next(_serial) % 1000:03d}"
    return first17 + check_char(first17)


def member(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "王建国",
        "id_number": id_number(),
        "relation": "head",
        "labour": "ordinary",
    }
    body.update(overrides)
    return body


def household(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "head_name": "王建国",
        "address": "北大河村三组",
        "kind": "lifted_out",
        "member_count": 3,
    }
    body.update(overrides)
    return body


async def create_household(api: httpx.AsyncClient, token: str, **overrides: Any) -> dict[str, Any]:
    resp = await api.post(HOUSEHOLDS, json=household(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp.json()  # type: ignore[no-any-return]
