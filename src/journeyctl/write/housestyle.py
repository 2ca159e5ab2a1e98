"""A new document written straight in the house style, byte for byte as ruamel.yaml writes it.

ruamel.yaml's emitter is pure Python and goes event by event: a journey of ten lines costs
milliseconds, and an import of 10,000 rows writes 10,000 of them. What `new_yaml` hands
it is plain data, whose house style is simple: keys in the order given, a mapping under its
key two spaces in, a list's dashes two spaces in under their key, nothing re-wrapped. This
writer writes that directly, making each of ruamel's choices (plain or quoted, which quotes,
which escapes) by ruamel's own rules, and gives up (`None`) on anything else: empty
containers, a list in a list, a missing value in a list, a key that is not short text, a
value of another type or one that `new_yaml` must refuse. Then ruamel writes the document,
or says what is wrong with it. Tests compare the two writers on generated documents.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections.abc import Mapping
from typing import Any

from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from journeyctl.write.scalars import float_text, string_style

_STR_TAG = "tag:yaml.org,2002:str"
# What ruamel's serializer asks before it writes text bare: does YAML 1.2 read it as text?
_RUAMEL_RESOLVER = VersionedResolver()
_LARGE = 10**15  # larger numbers are put to the loader first (`yamldoc._readable_int`)
# ruamel writes `? key` for a key this long or longer; well below that is sure.
_LONGEST_KEY = 100
# What a double-quoted string escapes, as ruamel does with allow_unicode: the quote, the
# backslash, the line and paragraph separators, the BOM and everything not printable.
_ESCAPED = re.compile(
    '["\\\\\x85\u2028\u2029\ufeff]|[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]'
)
_ESCAPES = {
    "\0": "0",
    "\x07": "a",
    "\x08": "b",
    "\x09": "t",
    "\x0a": "n",
    "\x0b": "v",
    "\x0c": "f",
    "\x0d": "r",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\u2028": "L",
    "\u2029": "P",
}
_SURROGATE = re.compile("[\ud800-\udfff]")
_LEADING_INDICATORS = "#,[]{}&*!|>'\"%@`"
_FLOW_INDICATORS = re.compile(r"[,\[\]{}?:#]")


class _NotSure(Exception):
    """Data this writer leaves to ruamel."""


def house_style(data: Mapping[str, Any]) -> str | None:
    """`data` as ruamel (set up by `roundtrip.round_trip_yaml`) writes it, or None where
    this writer is not sure to write the same."""
    if not data:
        return None
    lines: list[str] = []
    try:
        _mapping(data, 0, "", lines)
    except _NotSure:
        return None
    return "".join(lines)


def _mapping(mapping: Mapping[Any, Any], indent: int, first: str, lines: list[str]) -> None:
    """A block mapping whose keys start at column `indent`; the first key after `first`
    (a list's dash) when given."""
    lead = " " * indent
    for key, value in mapping.items():
        lines.append(f"{first or lead}{_key(key)}:")
        first = ""
        _value(value, indent, lines)


def _value(value: Any, indent: int, lines: list[str]) -> None:
    """What follows `key:` of a mapping at column `indent`, to the end of its last line."""
    if value is None:
        lines.append("\n")
    elif isinstance(value, Mapping):
        if not value:
            raise _NotSure
        lines.append("\n")
        _mapping(value, indent + 2, "", lines)
    elif isinstance(value, list | tuple):
        if not value:
            raise _NotSure
        if isinstance(value, CommentedSeq) and value.fa.flow_style():
            lines.append(f" [{', '.join(map(_flow_item, value))}]\n")
        else:
            lines.append("\n")
            _sequence(value, indent + 2, lines)
    else:
        lines.append(f" {_scalar(value)}\n")


def _sequence(items: list[Any] | tuple[Any, ...], indent: int, lines: list[str]) -> None:
    """A block sequence whose dashes stand at column `indent`."""
    dash = " " * indent + "- "
    for item in items:
        if isinstance(item, Mapping) and item:
            _mapping(item, indent + 2, dash, lines)
        elif item is None or isinstance(item, Mapping | list | tuple):
            raise _NotSure  # ruamel writes these in ways of its own (`- ` with a space)
        else:
            lines.append(f"{dash}{_scalar(item)}\n")


def _key(key: Any) -> str:
    if type(key) is not str or not key or len(key) >= _LONGEST_KEY:
        raise _NotSure
    written = _text(key)
    if written.startswith('"'):
        raise _NotSure  # a key ruamel may write as `? key`
    return written


def _flow_item(item: Any) -> str:
    """An item of a one-line list: text without flow indicators, bare or in single quotes,
    is written there as in a block."""
    if type(item) is not str or not item or _FLOW_INDICATORS.search(item):
        raise _NotSure
    written = _text(item)
    if written.startswith('"'):
        raise _NotSure
    return written


def _scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return _text(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int and abs(value) < _LARGE:
        return str(value)
    if kind is float and math.isfinite(value):
        return float_text(value)
    if kind is datetime.date:
        return str(value)  # its ISO form
    raise _NotSure  # refused, or put to the loader first: ruamel's path says which


@functools.lru_cache(maxsize=4096)  # keys, states, periods and ids come again and again
def _text(value: str) -> str:
    """`value` bare, single- or double-quoted, as ruamel's emitter chooses for a block
    scalar (`Emitter.choose_scalar_style`) with the style `string_style` asks for."""
    if _SURROGATE.search(value):
        raise _NotSure  # refused by new_yaml
    style = string_style(value)
    if style is None and _ruamel_reads_text(value) and _may_stand_bare(value):
        return value
    if style == '"' or (style is None and "'" in value):
        return _double_quoted(value)
    return "'" + value.replace("'", "''") + "'"


def _ruamel_reads_text(value: str) -> bool:
    tag = _RUAMEL_RESOLVER.resolve(ScalarNode, value, (True, False))
    return bool(tag == _STR_TAG)


def _may_stand_bare(value: str) -> bool:
    """Whether ruamel's emitter allows `value` as a plain block scalar (`analyze_scalar`),
    for text without line breaks or characters to escape (`string_style` gave no '"')."""
    if not value or value[0] == " " or value[-1] == " ":
        return False
    if value.startswith(("---", "...")) or value[0] in _LEADING_INDICATORS:
        return False
    if value[0] in "?:-" and (len(value) == 1 or value[1] == " "):
        return False
    return ": " not in value and not value.endswith(":") and " #" not in value


def _double_quoted(value: str) -> str:
    return '"' + _ESCAPED.sub(_escape, value) + '"'


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    if character in _ESCAPES:
        return "\\" + _ESCAPES[character]
    code = ord(character)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"
