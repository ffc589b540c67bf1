"""Every table that holds both ``town_code`` and ``village_code`` ties them in the database.

A town official's scope is checked through ``town_code`` (9 digits) and a village's through
``village_code`` (12): a row whose town disagrees with its village is visible to, and writable by,
the wrong town. Each such table carries ``CHECK (left(village_code, 9) = town_code)`` named
``village_in_town`` (``village_code IS NULL OR …`` where the village is optional); this guard makes
a future table that forgets it fail here, without a database (the migrated schema is compared with
the models by tests/kit/test_guards_migrated.py).
"""

from __future__ import annotations

import importlib
import re

from sqlalchemy import CheckConstraint, Table

COMPONENTS = [
    "gateway.models",
    *(f"services.{s}.models" for s in ("monitoring", "employment", "funds", "assets")),
]
STRICT = "left(village_code, 9) = town_code"
OPTIONAL = f"village_code IS NULL OR {STRICT}"


def _tables() -> list[Table]:
    tables: list[Table] = []
    for module in COMPONENTS:
        base = importlib.import_module(module).Base
        tables.extend(base.metadata.tables.values())
    return tables


def _ties(table: Table) -> bool:
    """Whether ``table`` has the ``village_in_town`` check, in the form its village column allows."""
    wanted = {STRICT} | ({OPTIONAL} if table.c.village_code.nullable else set())
    for constraint in table.constraints:
        if not isinstance(constraint, CheckConstraint) or not isinstance(constraint.name, str):
            continue
        if constraint.name.removeprefix(f"ck_{table.name}_") != "village_in_town":
            continue
        if re.sub(r"\s+", " ", str(constraint.sqltext)).strip() in wanted:
            return True
    return False


def test_the_guard_sees_the_tables_it_should() -> None:
    # If the scan found nothing (a renamed Base, a module moved) the guard below would pass vacuously.
    names = {t.fullname for t in _tables() if {"town_code", "village_code"} <= set(t.c.keys())}
    assert {"monitoring.households", "monitoring.alerts", "employment.workers", "assets.assets"} <= names


def test_every_table_with_town_and_village_ties_them() -> None:
    untied = sorted(
        t.fullname for t in _tables() if {"town_code", "village_code"} <= set(t.c.keys()) and not _ties(t)
    )
    assert untied == [], f"town_code/village_code without CHECK village_in_town: {untied}"
