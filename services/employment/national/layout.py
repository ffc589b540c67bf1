"""The national work file's columns, read from a mapping file the district adjusts (issue 13).

Each ``field`` is what this code means by a column; ``header`` is what the template the district
receives calls it. Export writes the headers in the file's order; import finds them by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_LAYOUT = Path(__file__).resolve().parent.parent / "national_work_layout.yaml"
# What the code reads and writes: the ID number (matched, never stored) and the monthly update's columns.
FIELDS = (
    "id_number",
    "name",
    "status",
    "place",
    "employer",
    "sector",
    "channel",
    "started_on",
    "ended_on",
    "monthly_wage",
    "reason",
)


class LayoutInvalid(ValueError):
    """A mapping file the code cannot use: refused at first use, naming what is wrong."""


@dataclass(frozen=True)
class NationalLayout:
    columns: tuple[tuple[str, str], ...]  # (field, header) in the template's order

    def header(self, field: str) -> str:
        return dict(self.columns)[field]


def parse_layout(text: str) -> NationalLayout:
    data = yaml.safe_load(text)
    entries = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise LayoutInvalid("the mapping file needs a 'columns' list")
    columns: list[tuple[str, str]] = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("field"), str):
            raise LayoutInvalid(f"each column needs a field and a header: {entry!r}")
        header = str(entry.get("header") or "").strip()
        if not header:
            raise LayoutInvalid(f"column {entry['field']} has no header")
        columns.append((entry["field"], header))
    fields = [f for f, _ in columns]
    if sorted(fields) != sorted(FIELDS):
        raise LayoutInvalid(f"columns must name each of {', '.join(FIELDS)} exactly once")
    if len({h for _, h in columns}) != len(columns):
        raise LayoutInvalid("two columns share a header")
    return NationalLayout(tuple(columns))


@lru_cache(maxsize=4)
def load_layout(path: Path | None) -> NationalLayout:
    return parse_layout((path or DEFAULT_LAYOUT).read_text(encoding="utf-8"))
