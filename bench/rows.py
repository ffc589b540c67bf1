"""One line of bench/RESULTS.md: a figure beside its reference from the same run, and the goal."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Row:
    name: str  # what was measured ("list of 20, direct vs lean app, 16 connections")
    figure: float  # ours
    reference: float  # the reference's, measured in the same run
    unit: str  # "req/s", "ms", "rows/s"
    ratio: float  # figure / reference, or for added latency figure - reference
    goal: str  # "≥ 0.5×", "≤ +0.5 ms"
    met: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def at_least(name: str, figure: float, reference: float, unit: str, goal: float) -> Row:
    """Throughput-like: ours over the reference must reach ``goal``."""
    ratio = figure / reference if reference else 0.0
    return Row(name, figure, reference, unit, round(ratio, 3), f"≥ {goal}×", ratio >= goal)


def added_at_most(name: str, figure: float, reference: float, unit: str, goal: float) -> Row:
    """Latency-like: what ours adds over the reference must stay within ``goal`` (in ``unit``)."""
    added = figure - reference
    return Row(name, figure, reference, unit, round(added, 3), f"≤ +{goal} {unit}", added <= goal)


def info(name: str, figure: float, reference: float, unit: str) -> Row:
    """A measured cost without a goal (what one behaviour costs, alone)."""
    ratio = figure / reference if reference else 0.0
    return Row(name, figure, reference, unit, round(ratio, 3), "—", True)
