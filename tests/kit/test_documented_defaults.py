"""Every default in a service's *Settings* table (docs/services/<name>.md) is the default its settings
class really has: a window length, a threshold or a ceiling changed on one side only fails here."""

from __future__ import annotations

import importlib
import json
import re
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs" / "services"
SERVICES = ["monitoring", "employment", "funds", "assets"]
# Rows whose "default" is a description, not a value (with why).
DESCRIBED = {"id_number_key"}  # a development key, refused in production: not a figure to compare
UNITS = {"MiB": 1024 * 1024, "KiB": 1024}


def settings_of(service: str) -> Any:
    module = importlib.import_module(f"services.{service}.settings")
    cls = next(
        getattr(module, name)
        for name in dir(module)
        if name.endswith("Settings") and getattr(getattr(module, name), "component", None) == service
    )
    return cls()


def documented(service: str) -> list[tuple[str, str]]:
    """(setting, documented default) for each row of the service's Settings table."""
    text = (DOCS / f"{service}.md").read_text(encoding="utf-8")
    section = re.search(r"^## Settings.*?$(.*?)(?=^## )", text, re.S | re.M)
    assert section, f"{service}.md has no Settings section"
    rows = []
    for line in section.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0].startswith("`"):
            continue
        names = re.findall(r"`([a-z0-9_]+)`", cells[0])
        values = [v.strip() for v in cells[1].split(" / ")] if len(names) > 1 else [cells[1]]
        rows += list(zip(names, values, strict=True))
    return rows


def as_value(documented_default: str) -> Any:
    text = documented_default.strip()
    ticked = re.match(r"`([^`]*)`", text)
    if ticked:
        text = ticked.group(1)  # "`refuse` (`flag`)": the default is the first
    unit = re.fullmatch(r"([\d ]+) (MiB|KiB)", text)
    if unit:
        return Decimal(unit.group(1).replace(" ", "")) * UNITS[unit.group(2)]
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return Decimal(text.replace(" ", ""))
    except InvalidOperation:
        return text


def same(actual: Any, expected: Any) -> bool:
    if isinstance(actual, Enum):
        actual = actual.value
    if isinstance(expected, dict):
        return isinstance(actual, dict) and {str(k): Decimal(str(v)) for k, v in actual.items()} == {
            str(k): Decimal(str(v)) for k, v in expected.items()
        }
    if isinstance(expected, list):
        return list(actual) == expected
    if isinstance(actual, bool) or isinstance(expected, str):
        return str(actual) == str(expected)
    return Decimal(str(actual)) == Decimal(str(expected))


CASES = [(s, name, value) for s in SERVICES for name, value in documented(s) if name not in DESCRIBED]


def test_every_service_documents_its_defaults() -> None:
    assert {s for s, _, _ in CASES} == set(SERVICES)


@pytest.mark.parametrize(("service", "name", "default"), CASES, ids=[f"{s}.{n}" for s, n, _ in CASES])
def test_the_documented_default_is_the_real_one(service: str, name: str, default: str) -> None:
    settings = settings_of(service)
    assert hasattr(settings, name), f"{service}.md documents {name}, which its settings do not have"
    assert same(getattr(settings, name), as_value(default)), (name, getattr(settings, name), default)
