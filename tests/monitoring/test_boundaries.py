"""Monitoring rules exactly on their lines: a birth date today and in 1900, the checksum's X, a
lower-case x, 17 and 19 characters, per-capita income on the half fen, ages on the day before the
birthday. Pure functions only (no stack): these are also what `make mutate TARGET=monitoring` runs
against. (Screening on the seeded line is in test_seeded: it needs the database.)"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from services.monitoring.alerts.service import identify
from services.monitoring.dates import age_on, years_before
from services.monitoring.households.id_numbers import InvalidIdNumber, check_char, mask, parse
from services.monitoring.incomes.service import per_capita
from tests.monitoring.test_rules import VAULT, record, valid_number

TODAY = date(2025, 9, 15)


def with_x() -> str:
    """A valid number whose check character is X (serials tried in order until one has it)."""
    for serial in range(1000):
        first17 = f"41900119800517{serial:03d}"
        if check_char(first17) == "X":
            return first17 + "X"
    raise AssertionError("no serial gives X")


def test_a_number_born_today_passes_tomorrow_does_not() -> None:
    assert parse(valid_number(TODAY), TODAY)[1] == TODAY
    with pytest.raises(InvalidIdNumber, match="出生日期"):
        parse(valid_number(TODAY + timedelta(days=1)), TODAY)


def test_a_number_born_in_1900_passes_1899_does_not() -> None:
    assert parse(valid_number(date(1900, 1, 1)), TODAY)[1] == date(1900, 1, 1)
    with pytest.raises(InvalidIdNumber, match="出生日期"):
        parse(valid_number(date(1899, 12, 31)), TODAY)


@pytest.mark.parametrize("length", [17, 19])
def test_one_character_short_or_over_is_refused(length: int) -> None:
    number = (valid_number() + "1")[:length]
    with pytest.raises(InvalidIdNumber, match="18 位"):
        parse(number, TODAY)


def test_the_check_character_x_in_either_case_passes() -> None:
    number = with_x()
    assert parse(number.lower(), TODAY)[0] == number
    with pytest.raises(InvalidIdNumber, match="数字"):
        parse(number[:17] + "Y", TODAY)


@pytest.mark.parametrize("position", [0, 6, 16])
def test_a_letter_among_the_first_seventeen_is_refused(position: int) -> None:
    number = valid_number()
    with pytest.raises(InvalidIdNumber):
        parse(number[:position] + "X" + number[position + 1 :], TODAY)


def test_each_of_the_first_seventeen_digits_weighs_in_the_checksum() -> None:
    base = "41900119800517123"
    changed = {check_char(base[:i] + str((int(base[i]) + 1) % 10) + base[i + 1 :]) for i in range(17)}
    assert check_char(base) not in changed
    assert check_char("00000000000000000") == "1"  # sum 0 → 1 (GB 11643: 1 0 X 9 8 7 6 5 4 3 2)
    assert check_char("00000000000000001") == "X"  # weight 2 → sum 2 → X


def test_the_mask_hides_the_eight_birth_digits_exactly() -> None:
    assert mask("41900119800517123X") == "419001" + "*" * 8 + "123X"
    assert len(mask("41900119800517123X")) == 18


@pytest.mark.parametrize(
    ("net", "members", "per_head"),
    [
        ("0.05", 2, "0.03"),
        ("0.03", 2, "0.02"),
        ("0.01", 3, "0.00"),
        ("0.02", 3, "0.01"),
        ("-0.05", 2, "-0.03"),
    ],
)
def test_per_capita_on_the_half_fen(net: str, members: int, per_head: str) -> None:
    assert per_capita(Decimal(net), members) == Decimal(per_head)


@pytest.mark.parametrize(
    ("day", "age"),
    [(date(2025, 5, 16), 44), (date(2025, 5, 17), 45), (date(2025, 4, 30), 44), (date(2025, 6, 1), 45)],
)
def test_age_turns_on_the_birthday_by_month_and_day(day: date, age: int) -> None:
    assert age_on(date(1980, 5, 17), day) == age


def test_years_before_keeps_the_day() -> None:
    assert years_before(date(2025, 9, 15), 16) == date(2009, 9, 15)
    assert years_before(date(2024, 2, 29), 4) == date(2020, 2, 29)


def test_an_unmatched_record_does_not_stop_the_ones_after_it() -> None:
    number = valid_number()
    identified, unmatched = identify([record("a", "123"), record("b", number), record("c", "x")], VAULT)
    assert [i.record.record_id for i in identified] == ["b"]
    assert [u.record_id for u in unmatched] == ["a", "c"]


@pytest.mark.parametrize("first", ["1" * 16, "1" * 18])
def test_the_checksum_is_of_exactly_seventeen_digits(first: str) -> None:
    with pytest.raises(ValueError):
        check_char(first)


@pytest.mark.parametrize("last", ["A", "W"])
def test_a_letter_other_than_x_at_the_end_is_refused_as_a_letter(last: str) -> None:
    # "A" and "W" sort before "X": refused by the format, not left to the checksum.
    with pytest.raises(InvalidIdNumber, match="数字"):
        parse(valid_number()[:17] + last, TODAY)


def test_every_wrong_check_character_is_refused_above_or_below_the_right_one() -> None:
    number = valid_number()
    for wrong in sorted(set("0123456789X") - {number[17]}):
        with pytest.raises(InvalidIdNumber, match="校验位"):
            parse(number[:17] + wrong, TODAY)
