"""Shares as the funds service states them: four places, half up; none of nothing."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

FOUR_PLACES = Decimal("0.0001")


def ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part / whole`` to four places, or ``None`` when there is no whole to share (not 0%)."""
    return (Decimal(part) / Decimal(whole)).quantize(FOUR_PLACES, ROUND_HALF_UP) if whole else None
