"""Administrative division codes (reference data, identical in every service).

Towns and subdistricts: 9 digits, from the official list shipped with the kit. Villages and
communities: 12 digits under a town, from a CSV an administrator provides (``XIANJIE_VILLAGES_FILE``);
the demo file of generated villages is the default.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from shared.errors import ValidationFailed

DATA_DIR = Path(__file__).parent / "data"
TOWNS_FILE = DATA_DIR / "jiyuan-towns.csv"
DEMO_VILLAGES_FILE = DATA_DIR / "jiyuan-villages-demo.csv"


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    kind: str  # town | subdistrict | village | community

    @property
    def town_code(self) -> str:
        return self.code[:9]


class DivisionRegistry:
    def __init__(self, divisions: list[Division]) -> None:
        self.by_code = {d.code: d for d in divisions}

    @classmethod
    def load(cls, towns_file: Path = TOWNS_FILE, villages_file: Path | None = None) -> DivisionRegistry:
        divisions: list[Division] = []
        for path in (towns_file, villages_file or DEMO_VILLAGES_FILE):
            with path.open(encoding="utf-8") as f:
                divisions += [Division(r["code"], r["name"], r["kind"]) for r in csv.DictReader(f)]
        return cls(divisions)

    @property
    def towns(self) -> list[Division]:
        return [d for d in self.by_code.values() if len(d.code) == 9]

    def villages_of(self, town_code: str) -> list[Division]:
        return [d for d in self.by_code.values() if len(d.code) == 12 and d.code.startswith(town_code)]

    def name(self, code: str) -> str | None:
        d = self.by_code.get(code)
        return d.name if d else None

    def require_town(self, code: str, field: str = "town_code") -> Division:
        d = self.by_code.get(code)
        if d is None or len(code) != 9:
            raise ValidationFailed(field, f"未知的乡镇（街道）代码 {code}", f"unknown town code {code}")
        return d

    def require_village(
        self, code: str, town_code: str | None = None, field: str = "village_code"
    ) -> Division:
        d = self.by_code.get(code)
        if d is None or len(code) != 12:
            raise ValidationFailed(field, f"未知的村（社区）代码 {code}", f"unknown village code {code}")
        if town_code is not None and not code.startswith(town_code):
            raise ValidationFailed(
                field,
                f"村（社区）{code} 不属于乡镇 {town_code}",
                f"village {code} is not in town {town_code}",
            )
        return d
