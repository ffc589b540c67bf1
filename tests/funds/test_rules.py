"""Funds rules as plain code, without I/O: settings, month arithmetic, the industry share."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from services.funds.ledger.service import industry_share
from services.funds.microcredit.service import add_months
from services.funds.projects.service import needs_elevated_review
from services.funds.settings import FundsSettings, ShareEnforcement


def test_settings_defaults_follow_the_seed() -> None:
    settings = FundsSettings()
    assert settings.elevated_review_threshold == Decimal("10000000.00")
    assert settings.central_industry_share_min == Decimal("0.70")
    assert settings.industry_share_enforcement is ShareEnforcement.REFUSE
    assert sorted(settings.checkpoint_targets) == [7, 10, 12]


@pytest.mark.parametrize(
    "overrides",
    [
        {"checkpoint_targets": {13: "1"}},
        {"checkpoint_targets": {7: "1.5"}},
        {"checkpoint_targets": {}},
        {"public_rate_limit": "lots"},
        {"central_industry_share_min": "1.2"},
    ],
)
def test_settings_refuse_nonsense(overrides: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        FundsSettings(**overrides)  # type: ignore[arg-type]


def test_loan_due_dates_keep_to_the_month_end() -> None:
    assert add_months(date(2023, 1, 10), 36) == date(2026, 1, 10)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)


def test_elevated_review_threshold_is_inclusive() -> None:
    threshold = Decimal("10000000.00")
    assert needs_elevated_review(Decimal("10000000.00"), threshold)
    assert not needs_elevated_review(Decimal("9999999.99"), threshold)


def test_industry_share_caps_non_industry_at_the_complement() -> None:
    share = industry_share(
        2025, (Decimal("1000000.00"), Decimal("700000.00"), Decimal("300000.00")), Decimal("0.70")
    )
    assert share.non_industry_limit == Decimal("300000.00") and not share.at_risk
    assert share.industry_share_of_allocated == Decimal("0.7000") and share.non_industry_headroom == 0
    over = industry_share(2025, (Decimal("1000000.00"), Decimal(0), Decimal("300000.01")), Decimal("0.70"))
    assert over.at_risk and over.industry_share_of_allocated == Decimal("0.0000")
    empty = industry_share(2025, (Decimal(0), Decimal(0), Decimal(0)), Decimal("0.70"))
    assert empty.industry_share_of_allocated is None and not empty.at_risk
