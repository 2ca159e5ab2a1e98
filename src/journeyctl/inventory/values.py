"""What a cell's value means: a count, a measure, a date, a period, a yes/no, a journey
status, a name.

Numbers may be stored as numbers or as text written the framework's way (`402.000` in
Dutch, `402,000` in English, read by `journeyctl.text.parse_number`). A marker of a value
nobody knows (`n.b.`, `onbekend`, `?`, `-`, empty) is no value. An estimate (`ca. 4.000`,
`± 12.000`, `~4000`) is a number someone guessed: `Estimate`, accepted only when asked.
Everything else that is not the number wanted is a `CellError` whose message says what the
cell holds and what to write instead.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from journeyctl.inventory.cells import EPOCH_1900, ErrorValue, Uncalculated, Value
from journeyctl.inventory.formula import restore
from journeyctl.inventory.words import Message, Said, Status, one_of, said
from journeyctl.model.common import NUMBER_LIMIT, PERIOD_PATTERN
from journeyctl.suggest import closest_few
from journeyctl.text import (
    LANGUAGES,
    Lang,
    decimal_sign,
    format_count,
    format_decimal,
    parse_number,
    statuses,
)

UNKNOWN_MARKERS = frozenset(
    {
        "n.b.",
        "n.b",
        "nb",
        "onbekend",
        "unknown",
        "?",
        "-",
        "\u2013",
        "\u2014",
        "n.v.t.",
        "nvt",
        "n/a",
    }
)
# The error values of Excel and LibreOffice, in English and in Dutch (as a CSV export of a
# Dutch Excel writes them).
ERROR_CODES = frozenset(
    {
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
        "#SPILL!", "#CALC!", "#LEEG!", "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!",
        "#N/B", "#OVERLOOP!", "#BEREKENEN!", "ERR:502", "ERR:504", "ERR:522", "ERR:523",
    }
)  # fmt: skip
_ESTIMATE = re.compile(
    r"(?:ca\.?|circa|ongeveer|approx\.?|approximately|about|±|\+/-|~|≈)\s*(.+)", re.IGNORECASE
)
_RANGE = re.compile(
    r"[0-9][0-9.,]*\s*[kKmM]?\s*(?:-|\u2013|\u2014|tot|to)\s*[0-9][0-9.,]*\s*[kKmM]?"
)
_PERIOD = re.compile(PERIOD_PATTERN)
_YES = frozenset({"ja", "yes", "j", "y", "x", "waar", "true", "1"})
_NO = frozenset({"nee", "no", "n", "onwaar", "false", "0"})


class CellError(ValueError):
    """The cell does not hold what the column needs; the message says what to write."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Estimate:
    """A number written as an estimate (`ca. 4.000`)."""

    value: int | float


def is_unknown(value: Value) -> bool:
    """Whether the cell says that nobody knows the value (or is empty)."""
    if value is None:
        return True
    return isinstance(value, str) and value.strip().casefold() in UNKNOWN_MARKERS | {""}


@dataclass(frozen=True)
class NumberFormat:
    """How text numbers are written: the language's separators (`402.000` is 402000 in
    Dutch), and whether someone said so (`import --number-format`). Said, a text such as
    `402.000` is read that way; guessed from the framework's language, it is refused as
    ambiguous (a decimal in English, thousands in Dutch)."""

    lang: Lang
    stated: bool = False


def number(
    value: Value, written: Lang | NumberFormat, *, whole: bool = False
) -> int | float | Estimate:
    """The number in a cell; CellError for anything else. Call `is_unknown` first. `whole`:
    a count, for which a text that reads two ways can only mean the thousands."""
    form = written if isinstance(written, NumberFormat) else NumberFormat(written)
    _refuse_special(value)
    if isinstance(value, bool | date | datetime):
        raise CellError(said("cell.not_a_number_cell", value=_shown(value)))
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise CellError(said("cell.not_finite", value=repr(value)))
        return value
    assert isinstance(value, str)
    text = value.strip()
    estimate = _ESTIMATE.fullmatch(text)
    if estimate:
        return Estimate(_parsed(estimate.group(1), form, value, whole))
    if _RANGE.fullmatch(text):
        raise CellError(said("cell.range", value=repr(value)))
    return _parsed(text, form, value, whole)


def count(value: Value, written: Lang | NumberFormat) -> int | Estimate:
    """A whole number from 0 up (customers, contacts, responses). A count written with
    three decimals that are all zeros (`421.000` read the English way) is what a thousands
    separator looks like: refused as ambiguous also where --number-format says the way, so
    that saying it is never laxer than the default, which refuses it too."""
    form = written if isinstance(written, NumberFormat) else NumberFormat(written)
    if form.stated and isinstance(value, str):
        _refuse_zero_decimals(value, form.lang)
    found = number(value, form, whole=True)
    figure = found.value if isinstance(found, Estimate) else found
    if figure < 0:
        raise CellError(said("cell.negative", value=_shown(value)))
    if figure != int(figure):
        raise CellError(said("cell.not_whole", value=_shown(value)))
    if figure >= NUMBER_LIMIT:
        raise CellError(said("cell.too_large_count", value=_shown(value)))
    return Estimate(int(figure)) if isinstance(found, Estimate) else int(figure)


def _refuse_zero_decimals(value: str, lang: Lang) -> None:
    """Refuse one to three digits, the language's decimal sign and `000` (an estimate's
    number too): a count has no decimals, and those are another language's thousands."""
    text = value.strip()
    estimate = _ESTIMATE.fullmatch(text)
    core = estimate.group(1).strip() if estimate else text
    sign = re.escape(decimal_sign(lang))
    match = re.fullmatch(rf"[+-]?([1-9][0-9]{{0,2}}){sign}000", core, re.ASCII)
    if match is not None:
        whole = int(match.group(1))
        thousands = format_count(whole * 1000, lang)
        raise _two_ways("cell.ambiguous_count", value, lang, thousands=thousands, whole=whole)


def measure(value: Value, written: Lang | NumberFormat) -> int | float:
    """A KPI value (may be negative, as an NPS); an estimate is refused."""
    found = number(value, written)
    if isinstance(found, Estimate):
        raise CellError(said("cell.measurement_estimate", value=_shown(value)))
    if abs(found) >= NUMBER_LIMIT:
        raise CellError(said("cell.too_large", value=_shown(value)))
    return found


def day(value: Value, epoch: date = EPOCH_1900) -> date:
    """A date: a date cell, text as 2025-06-30, 30-06-2025 or 30/06/2025, or the serial
    number a spreadsheet keeps a date as, where the cell lost its date format (45838 for
    2025-06-30; CSV exports of such a column write it too), counted from `epoch`, the
    workbook's day 0 (44376 for 2025-06-30 in a 1904 workbook)."""
    _refuse_special(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    serial = _serial_date(value, epoch)
    if serial is not None:
        return serial
    if isinstance(value, str):
        text = value.strip()
        for pattern, order in (
            (r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", (0, 1, 2)),
            (r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})", (2, 1, 0)),
        ):
            match = re.fullmatch(pattern, text)
            if match:
                parts = [int(part) for part in match.groups()]
                try:
                    return date(parts[order[0]], parts[order[1]], parts[order[2]])
                except ValueError:
                    break
    raise CellError(said("cell.not_a_date", value=_shown(value)))


# Serial numbers read as dates: those of 1950-01-01 to 2199-12-31 (a smaller number is more
# likely a year or a count than a date), in the workbook's date system: 18264 to 109574
# counted from 1900 (Excel and LibreOffice on Windows), 16802 to 108112 from 1904.
_FIRST_SERIAL_DAY, _LAST_SERIAL_DAY = date(1950, 1, 1), date(2199, 12, 31)


def _serial_date(value: Value, epoch: date) -> date | None:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    serials = range((_FIRST_SERIAL_DAY - epoch).days, (_LAST_SERIAL_DAY - epoch).days + 1)
    if not math.isfinite(value) or int(value) not in serials:
        return None
    return epoch + timedelta(days=int(value))  # a fraction is the time of day


def period(value: Value) -> str:
    """A period: 2025, 2025-Q3 or 2025-06 (a year may be a number cell)."""
    _refuse_special(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and value == int(value):
        value = str(int(value))
    if isinstance(value, str) and _PERIOD.fullmatch(value.strip().upper()):
        return value.strip().upper()
    raise CellError(said("cell.not_a_period", value=_shown(value)))


def yes_no(value: Value) -> bool:
    if isinstance(value, bool):
        return value
    _refuse_special(value)
    key = str(value).strip().casefold()
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise CellError(said("cell.not_yes_no", value=_shown(value)))


# The words of an estimated column that name one value: "klanten", "contacts".
_VALUE_WORDS = {
    "customers": "customers",
    "klanten": "customers",
    "contacts": "contacts",
    "contacten": "contacts",
}


def estimated_values(value: Value) -> tuple[str, ...]:
    """An estimated column's cell: yes (both values), no, or which ones ("klanten",
    "customers, contacts"), in the model's order."""
    if isinstance(value, bool) or str(value).strip().casefold() in _YES | _NO:
        return ("customers", "contacts") if yes_no(value) else ()
    _refuse_special(value)
    words = [w for w in re.split(r"[\s,;/+&]+|\b(?:en|and)\b", str(value).casefold()) if w]
    named = {_VALUE_WORDS.get(word) for word in words}
    if not words or None in named:
        raise CellError(said("cell.not_estimated_values", value=_shown(value)))
    return tuple(v for v in ("customers", "contacts") if v in named)


def journey_status(value: Value) -> str:
    """A journey status as the files write it (`retired`), from the status or its label in
    any language (`vervallen`, `in kaart gebracht`), whatever the case or accents, as `rank
    --status` takes it (`journeyctl.text.statuses`); a cell error naming the statuses."""
    written = text(value)
    found = statuses.journey_status(written)
    if found is not None:
        return found
    choices = one_of(Status(f"journey_status.{status}") for status in statuses.STATUSES)
    meant = closest_few(written, statuses.status_words(), limit=1)
    if meant:
        raise CellError(
            said(
                "cell.not_a_status_meant",
                value=_shown(value),
                meant=repr(meant[0]),
                choices=choices,
            )
        )
    raise CellError(said("cell.not_a_status", value=_shown(value), choices=choices))


def text(value: Value) -> str:
    """A name or other text; a number cell as it reads (a journey named 2025)."""
    _refuse_special(value)
    if isinstance(value, str):
        return restore(value.strip())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value)) if value == int(value) else str(value)
    raise CellError(said("cell.not_text", value=_shown(value)))


def not_calculated(value: Uncalculated) -> Said:
    """Why a formula's cell is refused, and what to do."""
    if value.formula:
        return said("cell.not_calculated", formula=f"={value.formula}")
    return said("cell.not_calculated_here")


def _refuse_special(value: Value) -> None:
    if isinstance(value, Uncalculated):
        raise CellError(not_calculated(value))
    code = value.code if isinstance(value, ErrorValue) else value
    if isinstance(code, str) and code.strip().upper() in ERROR_CODES:
        raise CellError(said("cell.error_value", code=code.strip()))


def _two_ways(key: str, written: Value, lang: Lang, **fields: object) -> CellError:
    """The refusal of a number that reads two ways: the language's way, and the other's."""
    other = next(other for other in LANGUAGES if other != lang)
    ways = {"way": said(f"way.{lang}"), "other_way": said(f"way.{other}"), "other": other}
    return CellError(said(key, value=repr(written), **ways, **fields))


def _parsed(text: str, form: NumberFormat, written: Value, whole: bool) -> int | float:
    lang = form.lang
    try:
        return parse_number(text, lang, ambiguous=form.stated)
    except ValueError as error:
        if "is ambiguous" in str(error):
            digits = int(re.sub(r"[^0-9]", "", text))
            thousands = format_count(digits, lang)
            if whole:  # a count has no decimals: the decimal reading is no way out
                key = "cell.ambiguous_thousands"
                raise _two_ways(key, written, lang, thousands=thousands) from None
            decimal = format_decimal(digits / 1000, lang, 2)
            raise _two_ways(
                "cell.ambiguous", written, lang, thousands=thousands, decimal=decimal
            ) from None
        raise CellError(_not_a_number(text, lang, written)) from None


def _not_a_number(text: str, lang: Lang, written: Value) -> Said:
    """Why a text is not a number, with the hint that it is written another language's
    way where it is (`1.234,5` in an English framework)."""
    other = _written_in(text, lang)
    if other is None:
        return said("cell.not_a_number", value=_shown(written))
    return said(
        "cell.other_way",
        value=_shown(written),
        other_way=said(f"way.{other}"),
        way=said(f"way.{lang}"),
        example=format_decimal(1234.5, lang, 1),
        other=other,
    )


def _written_in(text: str, lang: Lang) -> Lang | None:
    """The first language other than `lang` in which `text` is a number, if any."""
    for other in LANGUAGES:
        if other == lang:
            continue
        try:
            parse_number(text, other)
        except ValueError:
            continue
        return other
    return None


def _shown(value: Value) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return repr(value)
