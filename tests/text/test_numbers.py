"""Numbers and dates for people, exactly as each language writes them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

from journeyctl.text import (
    LANGUAGES,
    Lang,
    decimal_sign,
    format_count,
    format_date,
    format_decimal,
    format_percent,
    numbers,
    parse_number,
)


@pytest.mark.parametrize(
    ("count", "nl", "en"),
    [
        (415000, "415.000", "415,000"),
        (0, "0", "0"),
        (999, "999", "999"),
        (1234567, "1.234.567", "1,234,567"),
        (-1234, "-1.234", "-1,234"),
    ],
)
def test_format_count(count: int, nl: str, en: str) -> None:
    assert (format_count(count, "nl"), format_count(count, "en")) == (nl, en)


@pytest.mark.parametrize(
    ("number", "places", "nl", "en"),
    [
        (0.25, 2, "0,25", "0.25"),
        (0.25, 4, "0,2500", "0.2500"),  # a fixed number of decimals, zeros kept
        (0.25, 0, "0", "0"),
        (1234.5, 1, "1.234,5", "1,234.5"),
        (3, 2, "3,00", "3.00"),
        (0.125, 2, "0,13", "0.13"),  # half away from zero, as on paper
        (2.675, 2, "2,68", "2.68"),  # the float is 2.67499...; its text is 2.675
        (-0.125, 2, "-0,13", "-0.13"),
        (-0.001, 2, "0,00", "0.00"),  # never "-0,00"
        (Decimal("99.95"), 1, "100,0", "100.0"),
    ],
)
def test_format_decimal(number: float | Decimal, places: int, nl: str, en: str) -> None:
    assert (format_decimal(number, "nl", places), format_decimal(number, "en", places)) == (nl, en)


@pytest.mark.parametrize(
    ("fraction", "places", "nl", "en"),
    [
        (0.25, 0, "25%", "25%"),
        (0.255, 0, "26%", "26%"),
        (0.2549, 0, "25%", "25%"),
        (0.2555, 1, "25,6%", "25.6%"),
        (12.5, 0, "1.250%", "1,250%"),
        (0, 1, "0,0%", "0.0%"),
    ],
)
def test_format_percent(fraction: float, places: int, nl: str, en: str) -> None:
    assert (format_percent(fraction, "nl", places), format_percent(fraction, "en", places)) == (
        nl,
        en,
    )


def test_format_percent_has_no_decimals_by_default() -> None:
    assert format_percent(0.1234, "en") == "12%"


@pytest.mark.parametrize("number", [float("nan"), float("inf"), float("-inf")])
def test_a_number_that_is_not_finite_is_refused(number: float) -> None:
    with pytest.raises(ValueError, match="not a finite number"):
        format_decimal(number, "nl", 2)


@pytest.mark.parametrize(
    ("day", "nl", "en"),
    [
        (date(2025, 6, 1), "1 jun 2025", "1 Jun 2025"),  # day first in British English too
        (date(2024, 12, 31), "31 dec 2024", "31 Dec 2024"),
        (date(2025, 3, 9), "9 mrt 2025", "9 Mar 2025"),
    ],
)
def test_format_date(day: date, nl: str, en: str) -> None:
    assert (format_date(day, "nl"), format_date(day, "en")) == (nl, en)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("402.000", "nl", 402000),
        ("42,000", "en", 42000),
        ("0,25", "nl", 0.25),
        ("0.25", "en", 0.25),
        ("1.234,5", "nl", 1234.5),
        ("1,234.5", "en", 1234.5),
        ("1.000.000", "nl", 1000000),
        ("42", "nl", 42),
        ("0,125", "nl", 0.125),  # a leading 0 is never a thousands group
        ("1,2500", "nl", 1.25),  # four decimals are no thousands group either
        ("5,0", "nl", 5),
        ("-3", "en", -3),
        ("  12 ", "en", 12),
    ],
)
def test_parse_number(text: str, lang: Lang, expected: float) -> None:
    parsed = parse_number(text, lang)
    assert parsed == expected
    assert type(parsed) is type(expected)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("1.5", "nl"),  # a group separator with a group of one digit
        ("1,5", "en"),
        ("0.25", "nl"),
        ("1,234.5", "nl"),
        ("12.34.567", "nl"),
        ("1e5", "en"),
        ("NaN", "en"),
        ("inf", "nl"),
        ("Infinity", "en"),
        ("\u0664\u0662", "en"),  # Arabic-Indic 42
        ("1_000", "en"),
        ("1 000", "nl"),
        (",5", "nl"),
        ("5,", "nl"),
        ("5.", "en"),
        ("", "en"),
        ("-", "nl"),
        ("ca. 4000", "nl"),
        ("10-15k", "en"),
    ],
)
def test_parse_number_refuses_what_is_not_a_number(text: str, lang: Lang) -> None:
    with pytest.raises(ValueError, match=f"^{text!r} is not a number as written in "):
        parse_number(text, lang)


def test_the_refusal_shows_how_the_language_writes_numbers() -> None:
    with pytest.raises(ValueError, match=r"in Dutch \(such as 1\.234,5\)$"):
        parse_number("1.5", "nl")
    with pytest.raises(ValueError, match=r"in English \(such as 1,234\.5\)$"):
        parse_number("1,5", "en")


@pytest.mark.parametrize(
    ("text", "lang", "message"),
    [
        (
            "42,000",
            "nl",
            "'42,000' is ambiguous: a decimal in Dutch, thousands in other languages; "
            "write 42.000 for the thousands or 42,00 for the decimal",
        ),
        (
            "1.500",
            "en",
            "'1.500' is ambiguous: a decimal in English, thousands in other languages; "
            "write 1,500 for the thousands or 1.50 for the decimal",
        ),
        (
            "-999,001",
            "nl",
            "'-999,001' is ambiguous: a decimal in Dutch, thousands in other languages; "
            "write -999.001 for the thousands or -999,00 for the decimal",
        ),
    ],
)
def test_a_number_the_other_language_reads_differently_is_refused(
    text: str, lang: Lang, message: str
) -> None:
    with pytest.raises(ValueError) as refused:
        parse_number(text, lang)
    assert str(refused.value) == message


def test_importing_the_text_package_does_not_load_babel() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, journeyctl.text; print('babel' in sys.modules)"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert loaded.stdout.strip() == "False"


_SAMPLES = [
    *range(-1100, 1100, 7),
    *(10**k for k in range(13)),
    *(-(10**k) + 1 for k in range(13)),
    0.5,
    -0.5,
    0.125,
    2.675,
    -2.675,
    1234.5,
    0.004,
    -0.004,
    999.9995,
    999_999.995,
    123_456_789.123,
    Decimal("0.255"),
    Decimal("-1234.5678"),
    1e11 + 0.5,
]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_numbers_are_written_as_babel_writes_them(lang: Lang) -> None:
    """Where the language's patterns are the common ones, numbers are written without
    Babel's pattern machinery: the same text, whatever the number and the places."""
    assert numbers._common_signs(lang) is not None
    for sample in _SAMPLES:
        for places in range(4):
            rounded = numbers._rounded(sample, places)
            babel = numbers._apply(
                numbers._locale(lang).decimal_formats[None], rounded, lang, places
            )
            assert format_decimal(sample, lang, places) == babel, (sample, places)
            fraction = numbers._rounded(sample / 1000, places + 2)
            babel = numbers._apply(
                numbers._locale(lang).percent_formats[None], fraction, lang, places
            )
            assert format_percent(sample / 1000, lang, places) == babel, (sample, places)


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
@pytest.mark.parametrize("count", [0, 7, -7, 999, 1000, -1234567, 415000, 10**15 + 1, -(10**18)])
def test_counts_are_written_as_babel_writes_them(lang: Lang, count: int) -> None:
    """A whole number takes the short way (no Decimal): the same text as Babel's."""
    babel = numbers._apply(
        numbers._locale(lang).decimal_formats[None], numbers._rounded(count, 0), lang, 0
    )
    assert format_count(count, lang) == babel


def test_the_decimal_sign_of_each_language() -> None:
    assert (decimal_sign("nl"), decimal_sign("en")) == (",", ".")
