"""Numbers and dates as people read and write them, from Babel's CLDR locale data.

`nl`: 415.000 and 0,25; `en`: 415,000 and 0.25. No separator is written by hand here: the
symbols and patterns come from the locale (see `journeyctl.text.languages`). Babel is
imported by the functions, not by this module, so that commands which print no numbers
(and `--help`) never load it.

Rounding is half away from zero on the number as Python prints it (0.125 -> 0.13,
2.675 -> 2.68): what a reader checking a figure by hand expects, unlike the binary
rounding of Python's `round`.
"""

from __future__ import annotations

import copy
import math
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from journeyctl.text.languages import LOCALES, Lang, english_name

if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberPattern


def format_count(count: int, lang: Lang) -> str:
    """A whole number with the language's digit grouping: 415.000 (nl), 415,000 (en)."""
    signs = _common_signs(lang)
    if signs is not None and type(count) is int:  # no Decimal to round: a ranking has thousands
        return _written(count, 0, signs)
    return format_decimal(count, lang, 0)


def format_decimal(number: float | Decimal, lang: Lang, places: int) -> str:
    """A number with exactly `places` decimals: 0,25 (nl), 0.25 (en); 1.234,50 with 2."""
    rounded = _rounded(number, places)
    signs = _common_signs(lang)
    if signs is not None:
        return _written(rounded, places, signs)
    return _apply(_locale(lang).decimal_formats[None], rounded, lang, places)


def format_percent(fraction: float | Decimal, lang: Lang, places: int = 0) -> str:
    """A fraction as a percentage with exactly `places` decimals: 0.255 -> 26% (nl, en)."""
    # The percent pattern multiplies by 100, so round two places further first.
    rounded = _rounded(fraction, places + 2)
    signs = _common_signs(lang)
    if signs is not None:
        return _written(rounded.scaleb(2), places, signs) + "%"
    return _apply(_locale(lang).percent_formats[None], rounded, lang, places)


# The patterns Python's own `format` writes alike, given the signs: groups of three, a
# minus in front, the percent sign after.
_COMMON_PATTERNS = ("#,##0.###", "#,##0%")


@cache
def _common_signs(lang: Lang) -> tuple[str, str, str] | None:
    """The language's decimal, group and minus signs where its patterns are the common ones
    (`_COMMON_PATTERNS`): then a number is written by `format` with these signs, what
    Babel writes at a tenth of the cost (a table of 2,000 journeys writes 10,000 numbers; a
    test compares the two). None for a language with other patterns: Babel writes it."""
    from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

    locale = _locale(lang)
    patterns = (locale.decimal_formats[None].pattern, locale.percent_formats[None].pattern)
    if patterns != _COMMON_PATTERNS:
        return None
    return get_decimal_symbol(locale), get_group_symbol(locale), get_minus_sign_symbol(locale)


def _written(value: Decimal | int, places: int, signs: tuple[str, str, str]) -> str:
    decimal_sign, group_sign, minus_sign = signs
    digits = format(abs(value), ",d" if isinstance(value, int) else f",.{places}f")
    swapped = digits.translate({ord(","): group_sign, ord("."): decimal_sign})
    return minus_sign + swapped if value < 0 else swapped


@lru_cache(maxsize=1 << 12)
def format_date(day: date, lang: Lang) -> str:
    """The locale's medium date, short enough for a table and never ambiguous as
    01-06 could be: 1 jun 2025 (nl), 1 Jun 2025 (en). Each date is written once a run: a
    site says the same dates of measurements and reviews tens of thousands of times."""
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(day, "medium", locale=_locale(lang)))


def decimal_sign(lang: Lang) -> str:
    """The sign between a number's whole part and its decimals in `lang`: `,` in Dutch."""
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(_locale(lang)))


def parse_number(text: str, lang: Lang, *, ambiguous: bool = False) -> int | float:
    """A number a person wrote in `lang`: '402.000' (nl) -> 402000, '0,25' (nl) -> 0.25,
    '42,000' (en) -> 42000. An int when the value is whole, else a float.

    Raises ValueError naming the text for anything else: letters, exponents, digits other
    than 0-9, misplaced group separators (`1.5` in Dutch), and a number that the other
    language would read differently (`42,000` in Dutch is 42 there and 42000 in English),
    unless `ambiguous`: the writer said which language it is written in.
    """
    from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal

    written = text.strip()
    locale = _locale(lang)
    decimal_sign, group_sign = get_decimal_symbol(locale), get_group_symbol(locale)
    if not _shape(decimal_sign, group_sign).fullmatch(written):
        raise ValueError(f"{text!r} is not a number as written in {_example(lang)}")
    if not ambiguous and _ambiguous(decimal_sign).fullmatch(written):
        raise ValueError(_ambiguity(text, written.replace(decimal_sign, ""), lang))
    try:
        value = parse_decimal(written, locale, strict=True)
    except NumberFormatError:
        raise ValueError(f"{text!r} is not a number as written in {_example(lang)}") from None
    return int(value) if value == value.to_integral_value() else float(value)


def _rounded(number: float | Decimal, places: int) -> Decimal:
    if not math.isfinite(number):
        raise ValueError(f"cannot format {number!r}: not a finite number")
    # str() gives the shortest text that reads back as the same float: round that.
    value = Decimal(str(number)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return abs(value) if value == 0 else value  # never "-0,00"


def _apply(pattern: NumberPattern, value: Decimal, lang: Lang, places: int) -> str:
    fixed = copy.copy(pattern)
    fixed.frac_prec = (places, places)
    return str(fixed.apply(value, _locale(lang)))


@cache
def _locale(lang: Lang) -> Locale:
    from babel import Locale

    return Locale.parse(LOCALES[lang])


def _shape(decimal_sign: str, group_sign: str) -> re.Pattern[str]:
    """An optional sign, ASCII digits with group signs among them, optional decimals."""
    group, decimal = re.escape(group_sign), re.escape(decimal_sign)
    return re.compile(rf"[+-]?[0-9][0-9{group}]*(?:{decimal}[0-9]+)?", re.ASCII)


def _ambiguous(decimal_sign: str) -> re.Pattern[str]:
    """One to three digits, the decimal sign, three digits: a thousands group elsewhere."""
    return re.compile(rf"[+-]?[1-9][0-9]{{0,2}}{re.escape(decimal_sign)}[0-9]{{3}}", re.ASCII)


def _ambiguity(text: str, digits: str, lang: Lang) -> str:
    thousands = int(digits)
    decimal = Decimal(thousands).scaleb(-3)
    return (
        f"{text!r} is ambiguous: a decimal in {english_name(lang)}, thousands in other "
        f"languages; write {format_count(thousands, lang)} for the thousands or "
        f"{format_decimal(decimal, lang, 2)} for the decimal"
    )


def _example(lang: Lang) -> str:
    return f"{english_name(lang)} (such as {format_decimal(Decimal('1234.5'), lang, 1)})"
