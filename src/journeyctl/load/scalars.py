"""The value of a YAML 1.1 scalar under journeyctl's rules, or why it is refused.

YAML 1.1 as PyYAML reads it, keeping only what every tool reads the same way: numbers in
plain decimal digits and finite, real dates. A number written the YAML 1.1 way (`010`,
`0x1F`, `1:30`, `1_000`), an impossible date or time and an explicit tag are `Unreadable`,
with a message that says what to write instead; in the data a `RefusedValue` stands for
them. Plain scalars are read once per distinct tag and text and remembered across files
(`PLAIN_VALUES`, bounded); so is one object for each short text (`SHARED_TEXTS`).
"""

from __future__ import annotations

import calendar
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import MINYEAR, date

import yaml
from yaml.constructor import SafeConstructor

from journeyctl.finding import Rule
from journeyctl.load import rules
from journeyctl.load.problems import shorten
from journeyctl.load.tags import MERGE_TAG, STR_TAG, TAG_PREFIX

NOT_READ = object()  # what a memo gives for a scalar not read yet (None is a value)
# Plain scalars' values by (tag, text), shared across files: numbers, booleans, dates and
# nulls repeat across journeys. Bounded, so that a hostile tree cannot grow it without end.
PLAIN_VALUES: dict[tuple[str, str], object] = {}
PLAIN_VALUES_KEPT = 50_000


# Short texts, one object each across files: a channel, a stage, a team's id or a period
# is written thousands of times in a tree, and each scalar read is a new string (a tenth of
# a loaded tree's memory). Only short ones, where repeats are; bounded as PLAIN_VALUES is.
# Interned, so that the cache's records (marshal keeps a string interned) share them too.
SHARED_TEXTS: dict[str, str] = {}
SHARED_TEXTS_KEPT = 50_000
SHARED_TEXT_LENGTH = 16


def shared_text(text: str) -> str:
    """The one object kept for `text` from now on, if it is short and there is room."""
    if len(text) > SHARED_TEXT_LENGTH or len(SHARED_TEXTS) >= SHARED_TEXTS_KEPT:
        return text
    shared = SHARED_TEXTS[text] = sys.intern(text)
    return shared


def plain_value(tag: str, text: str) -> object:
    """A plain scalar's value as the full reader reads it, remembered as it remembers it."""
    value = scalar_value(yaml.ScalarNode(tag, text, style=""))
    if len(PLAIN_VALUES) < PLAIN_VALUES_KEPT:
        PLAIN_VALUES[(tag, text)] = value
    return value


@dataclass(frozen=True)
class Unreadable:
    """Why a scalar is refused: the rule and a message that says what to write instead."""

    rule: Rule
    message: str


class RefusedValue:
    """Stands in the data for a value that reading refused and reported (an explicit tag, an
    impossible date, a YAML 1.1 number). No field of the model accepts it, and the schema
    errors it causes are not reported again (`journeyctl.load.schema_errors`). Each one is
    distinct, so that two refused keys are not taken for a repeated key."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<refused value>"


def scalar_value(node: yaml.ScalarNode) -> object:
    """The value of a scalar node under journeyctl's rules, or `Unreadable` saying why not.

    YAML 1.1 as PyYAML reads it, keeping only what every tool reads the same way: numbers
    in plain decimal digits and finite, real dates. An explicit tag is refused unless it is
    `!!str` or changes nothing (`!!int 3` is 3); tags are never executed.
    """
    tag = node.tag
    if tag == STR_TAG:
        return node.value
    plain = not node.style  # None from the Python parser, "" from libyaml
    if tag in (MERGE_TAG, TAG_PREFIX + "value") and plain:
        return node.value  # `<<` or `=` where no merge can be: just the text
    read = _SCALAR_READERS.get(tag)
    if read is None or not plain:
        # A quoted or block scalar is text unless a tag says otherwise: the tag is explicit.
        return Unreadable(rules.YAML_SYNTAX, tag_message(tag))
    return read(node.value)


def tag_message(tag: str) -> str:
    shown = "!!" + tag.removeprefix(TAG_PREFIX) if tag.startswith(TAG_PREFIX) else tag
    return (
        f"the YAML tag {shorten(shown)} is not read here (tags are never executed); "
        "remove the tag and write plain YAML"
    )


def _read_int(text: str) -> object:
    if _PLAIN_INT.match(text):
        if len(text.lstrip("+-")) > _MAX_DIGITS:
            return Unreadable(rules.INVALID_VALUE, _too_large(text))
        return int(text)
    return _yaml11_number(text, "int")


def _read_float(text: str) -> object:
    if _PLAIN_FLOAT.match(text):
        number = float(text)
        if math.isfinite(number) and len(text) <= _MAX_DIGITS + 40:
            return number
        return Unreadable(rules.INVALID_VALUE, _too_large(text))
    lowered = text.lower().lstrip("+-")
    if lowered in (".inf", ".nan"):
        meaning = "infinity" if lowered == ".inf" else "'not a number'"
        return Unreadable(
            rules.INVALID_VALUE,
            f"{text} is {meaning} in YAML, not a number that can be counted or compared; "
            "write a finite number, or leave the key out if the value is not known",
        )
    return _yaml11_number(text, "float")


def _too_large(text: str) -> str:
    return (
        f"{shorten(text)} is too large a number; numbers here are finite and below "
        "1,000,000,000,000: check it"
    )


def _yaml11_number(text: str, kind: str) -> Unreadable:
    """Why a number written the YAML 1.1 way (`1:30`, `010`, `0x1F`, `1_000`) is refused."""
    form = _yaml11_form(text)
    if form is None:  # not a number at all: only an explicit tag makes it one
        return Unreadable(rules.YAML_SYNTAX, tag_message(TAG_PREFIX + kind))
    meaning = _yaml11_meaning(text, kind)
    means = f" ({meaning})" if meaning is not None else ""
    return Unreadable(
        rules.INVALID_VALUE,
        f"{shorten(text)} is {form}{means} to YAML 1.1, which other tools read differently; "
        "write the number in plain decimal digits, or quote it if it is text",
    )


def _yaml11_form(text: str) -> str | None:
    digits = text.lstrip("+-")
    if _SEXAGESIMAL.match(digits):
        return "a base-60 number"
    if _HEX.match(digits):
        return "a hexadecimal number"
    if _BINARY.match(digits):
        return "a binary number"
    if _OCTAL.match(digits):
        return "an octal number"
    if "_" in digits and _PLAIN_FLOAT.match(digits.replace("_", "")):
        return "a number with underscores"
    return None


def _yaml11_meaning(text: str, kind: str) -> str | None:
    """What PyYAML makes of `text`, to show in the message, where that is cheap and safe."""
    if len(text) > _MAX_DIGITS:
        return None
    node = yaml.ScalarNode(TAG_PREFIX + kind, text)
    try:
        value = SafeConstructor().construct_object(node)
    except (ValueError, yaml.YAMLError):
        return None
    return f"{value:g}" if isinstance(value, float) else str(value)


def _read_bool(text: str) -> object:
    value = _BOOLEANS.get(text.lower())
    if value is None:
        return Unreadable(rules.YAML_SYNTAX, tag_message(TAG_PREFIX + "bool"))
    return value


def _read_null(text: str) -> object:
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    return Unreadable(rules.YAML_SYNTAX, tag_message(TAG_PREFIX + "null"))


def _read_timestamp(text: str) -> object:
    match = SafeConstructor.timestamp_regexp.match(text)
    if match is None:
        return Unreadable(rules.YAML_SYNTAX, tag_message(TAG_PREFIX + "timestamp"))
    year, month, day = (int(match.group(part)) for part in ("year", "month", "day"))
    try:
        day_value = date(year, month, day)
    except ValueError:
        return Unreadable(rules.INVALID_VALUE, _impossible_date(text, year, month, day))
    if match.group("hour") is None:
        return day_value
    node = yaml.ScalarNode(TAG_PREFIX + "timestamp", text)
    try:
        return SafeConstructor().construct_yaml_timestamp(node)
    except ValueError:  # an hour 25 or a minute 61
        return Unreadable(
            rules.INVALID_VALUE, f"{shorten(text)} is not a time of day; write a date as YYYY-MM-DD"
        )


def _impossible_date(text: str, year: int, month: int, day: int) -> str:
    if year < MINYEAR:
        why = "there is no year 0"
    elif not 1 <= month <= 12:
        why = f"there is no month {month}"
    elif day == 0:
        why = "days start at 1"
    else:
        days = calendar.monthrange(year, month)[1]
        why = f"{calendar.month_name[month]} {year} has {days} days"
    return f"{shorten(text)} is not a date ({why}); write a real date as YYYY-MM-DD"


_MAX_DIGITS = 30  # far beyond any count or measure; keeps int() away from huge digit strings
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_SEXAGESIMAL = re.compile(r"[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?\Z")
_HEX = re.compile(r"0x[0-9a-fA-F_]+\Z")
_BINARY = re.compile(r"0b[01_]+\Z")
_OCTAL = re.compile(r"0[0-7_]+\Z")
_BOOLEANS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_SCALAR_READERS: dict[str, Callable[[str], object]] = {
    TAG_PREFIX + "int": _read_int,
    TAG_PREFIX + "float": _read_float,
    TAG_PREFIX + "bool": _read_bool,
    TAG_PREFIX + "null": _read_null,
    TAG_PREFIX + "timestamp": _read_timestamp,
}
