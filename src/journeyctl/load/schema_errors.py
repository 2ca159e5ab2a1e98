"""Pydantic's validation errors in the file's own terms: which key, where, what to write.

Every step is linear in the number of errors: positions come from the source map's per-mapping
key index, and suggestions compare against the few keys a model has.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterator, Sequence
from datetime import date
from itertools import repeat
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic_core import ErrorDetails

from journeyctl.finding import Rule
from journeyctl.load import rules
from journeyctl.load.problems import FileProblem, dotted, shorten, written_key
from journeyctl.load.scalars import RefusedValue, scalar_value
from journeyctl.load.source_map import PathPart, SourceMap
from journeyctl.model.common import slugify
from journeyctl.suggest import closest

# YAML 1.1 words that PyYAML reads as booleans; text written like this must be quoted.
_BOOLEAN_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}
# Pydantic names the members of a union in an error's location; the file has no such keys.
_UNION_KINDS = {
    "bool": "yes/no",
    "int": "a number",
    "float": "a number",
    "constrained-int": "a number",
    "constrained-float": "a number",
    "str": "text",
}
_UNION_MEMBER_NAMES = {*_UNION_KINDS, "function-plain", "function-after"}
# Past this length a word is no typo of a key, and comparing it would only cost time.
_MAX_SUGGESTED_LENGTH = 100


def describe_all(
    errors: list[ErrorDetails],
    model: type[BaseModel],
    source: SourceMap,
    *,
    limit: int | None = None,
) -> Iterator[FileProblem]:
    """Each error as a problem with its position; a value that fits no member of a union
    (`bool | int | float`) is one problem, not one per member. Errors about a value that
    reading refused (and reported) are left out.

    Past `limit` problems the rest are only counted: each is `NOT_DESCRIBED`, so that a
    file of a hundred thousand wrong values costs a count, not a message and a position
    for each, when only the first few are ever shown.
    """
    by_place: dict[tuple[PathPart, ...], list[ErrorDetails]] = {}
    for error in errors:
        if _reported_while_reading(error):
            continue
        by_place.setdefault(tuple(_clean_loc(error)), []).append(error)
    described = 0
    for loc, group in by_place.items():
        representative = _representative(group)
        count = 1 if representative is not None else len(group)
        if limit is not None and described >= limit:
            yield from repeat(NOT_DESCRIBED, count)
        elif representative is not None:
            yield _describe_one(loc, group, representative, model, source)
        else:
            yield from (_describe(error, model, source) for error in group)
        described += count


# What stands for each error past the limit of `describe_all`: counted, never shown.
NOT_DESCRIBED = FileProblem(rules.INVALID_VALUE, "not described: past the findings shown per file")


def _representative(group: list[ErrorDetails]) -> ErrorDetails | None:
    """The one error that stands for several at one place, or None when each is its own.

    A number too large for every number member of a union is that number's problem, not its
    type; a value that fits no member of a union is one problem listing the kinds expected.
    """
    if len(group) < 2:
        return None
    out_of_range = [e for e in group if e["type"] in _COMPARISONS or e["type"] == "finite_number"]
    if out_of_range:
        return out_of_range[0]
    return group[0] if len(_union_members(group)) == len(group) else None


def _union_members(group: list[ErrorDetails]) -> list[str]:
    return [p for e in group for p in e["loc"] if isinstance(p, str) and p in _UNION_KINDS]


def _describe_one(
    loc: tuple[PathPart, ...],
    group: list[ErrorDetails],
    representative: ErrorDetails,
    model: type[BaseModel],
    source: SourceMap,
) -> FileProblem:
    if representative["type"] in _COMPARISONS or representative["type"] == "finite_number":
        return _describe(representative, model, source)
    raw = _raw_scalar(source, loc)
    shown = raw if raw is not None else _short(group[0].get("input"))
    kinds = " or ".join(dict.fromkeys(_UNION_KINDS[m] for m in _union_members(group)))
    return _problem(
        rules.INVALID_VALUE, f"{dotted(loc)}: expected {kinds}, got {shown}", source, loc
    )


def _reported_while_reading(error: ErrorDetails) -> bool:
    # An unknown key is still worth naming, whatever its value.
    return isinstance(error.get("input"), RefusedValue) and error["type"] != "extra_forbidden"


def _is_key_error(error: ErrorDetails) -> bool:
    return error["type"] == "invalid_key" or "[key]" in error["loc"]


def _key_problem(error: ErrorDetails, source: SourceMap) -> FileProblem:
    """A key that is not text (`yes:`, `1:`, `~:`) where the schema expects a name."""
    parent = _clean_loc(error)[:-1]
    key = error.get("input")
    key_node = source.node_at([*parent, key])[1]
    if isinstance(key_node, yaml.ScalarNode):
        # The key as this node reads, not as the mapping kept it: `1:` after `yes:` is the
        # same Python key (True == 1), yet the one written here is a number.
        key = scalar_value(key_node)
    written = written_key(key_node) if key_node is not None else f"'{_short(key)}'"
    place = f"{dotted(parent)}: " if parent else ""
    bare = written.strip("'")
    if isinstance(key, bool):
        rule = rules.AMBIGUOUS_BOOLEAN
        message = (
            f"{place}key {written} is read as the boolean {str(key).lower()} (YAML 1.1), "
            f'not as a name; quote it: "{bare}"'
        )
    else:
        rule = rules.INVALID_VALUE
        message = f'{place}key {written} is {_key_kind(key)}, not a name; quote it: "{bare}"'
    if key_node is None:
        return FileProblem(rule, message)
    mark = key_node.start_mark
    return FileProblem(rule, message, mark.line + 1, mark.column + 1)


def _key_kind(key: object) -> str:
    if key is None:
        return "empty (null)"
    if isinstance(key, date):
        return "a date"
    if isinstance(key, int | float):
        return "a number"
    return "not text"


def _describe(error: ErrorDetails, model: type[BaseModel], source: SourceMap) -> FileProblem:
    """One validation error as a problem: the rule, a message that says what to write, the place."""
    if _is_key_error(error):
        return _key_problem(error, source)
    loc = _clean_loc(error)
    kind = error["type"]
    where = dotted(loc)
    if kind == "extra_forbidden":
        return _problem(rules.UNKNOWN_KEY, _unknown_key(model, loc), source, loc, key=True)
    if kind == "missing":
        parent = dotted(loc[:-1]) or "the file"
        message = f"missing required key '{loc[-1]}' in {parent}; add it"
        return _problem(rules.MISSING_KEY, message, source, loc[:-1])
    raw = _raw_scalar(source, loc)
    value = error.get("input")
    text_expected = kind == "string_type" or kind.startswith("literal") or "pattern" in kind
    if (
        isinstance(value, bool)
        and raw is not None
        and raw.lower() in _BOOLEAN_WORDS
        and text_expected
    ):
        message = (
            f"{where}: {raw} is read as the boolean {str(value).lower()} (YAML 1.1); "
            f'quote it to mean the text: "{raw}"'
        )
        return _problem(rules.AMBIGUOUS_BOOLEAN, message, source, loc)
    message = f"{where}: {_value_message(error, raw)}"
    if "estimated" in loc[-2:]:  # a volume's list of estimated values, or one of them
        message += "; write the values someone estimated: [customers], [contacts] or both"
    return _problem(rules.INVALID_VALUE, message, source, loc)


def _value_message(error: ErrorDetails, raw: str | None) -> str:
    kind, value = error["type"], error.get("input")
    shown = raw if raw is not None else _short(value)
    ctx = error.get("ctx") or {}
    if kind == "string_type":
        return f"expected text, got {shown}; quote it if it is meant as text"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if "Q[1-4]" in pattern:
            return (
                f"'{shown}' is not a period; write a year, quarter or month in ASCII digits, "
                "the year from 1900 to 2999: 2025, 2025-Q3, 2025-06"
            )
        return (
            f"'{shown}' is not a valid id; use lowercase letters, digits and hyphens, "
            f"e.g. '{slugify(str(value)) or 'my-id'}'"
        )
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        hint = _suggestion(str(value), allowed)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
        return f"'{shown}' is not one of: {', '.join(allowed)}{suggestion}"
    if kind == "finite_number":
        return f"must be a finite number, got {shown}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {shown}{_thousands_hint(raw)}"
    if kind in {"float_type", "float_parsing"}:
        return f"expected a number, got {shown}"
    if kind == "bool_type":
        return f"expected true or false, got {shown}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"expected a date such as 2025-06-30, got {shown}"
    if kind == "list_type":
        return f"expected a list, got {_kind_of(value)}"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"expected a mapping of keys to values, got {_kind_of(value)}"
    if kind == "too_short":
        return "needs at least one entry"
    if kind in _COMPARISONS:
        bound_name, words = _COMPARISONS[kind]
        return f"must be {words} {_number(ctx.get(bound_name))}, got {shown}"
    if kind == "string_too_short":
        return "must not be empty"
    return f"{error['msg']} (got {shown})"


# A whole number written with a thousands separator, as Dutch (66.400, 1.234.567) or English
# (66,400) write it: YAML reads 66.400 as the decimal 66.4 and 66,400 as text. One to three
# digits, then groups of three behind one kind of separator.
_THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}([.,])[0-9]{3}(?:\1[0-9]{3})*\Z")


def _thousands_hint(raw: str | None) -> str:
    """What to write for a whole number written with a thousands separator, else nothing."""
    match = None if raw is None else _THOUSANDS.match(raw)
    if match is None:
        return ""
    return f"; write {match.group().replace(match.group(1), '')} without a thousands separator"


_COMPARISONS = {
    "greater_than_equal": ("ge", "at least"),
    "less_than_equal": ("le", "at most"),
    "greater_than": ("gt", "greater than"),
    "less_than": ("lt", "below"),
}


def _number(bound: object) -> str:
    """A bound as people read it: 1,000,000,000,000 rather than 1000000000000 or 1e+12."""
    if isinstance(bound, int | float) and float(bound).is_integer():
        return f"{int(bound):,}"
    return str(bound)


def _unknown_key(model: type[BaseModel], loc: Sequence[PathPart]) -> str:
    key = str(loc[-1])
    # Indices never change which model sits at a place: one lookup per place, however many
    # items of a long list carry the same unknown key.
    known = _known_keys(model, tuple(0 if isinstance(part, int) else part for part in loc[:-1]))
    place = f" in {dotted(loc[:-1])}" if loc[:-1] else ""
    hint = _suggestion(key, known)
    if hint:
        return f"unknown key '{shorten(key)}'{place}; did you mean '{hint[0]}'?"
    return f"unknown key '{shorten(key)}'{place}; known keys: {', '.join(known)}"


def _suggestion(word: str, choices: Sequence[str]) -> list[str]:
    if len(word) > _MAX_SUGGESTED_LENGTH:
        return []
    hint = closest(word, choices)
    return [hint] if hint is not None else []


@functools.lru_cache(maxsize=256)
def _known_keys(model: type[BaseModel], loc: tuple[PathPart, ...]) -> tuple[str, ...]:
    """The field names of the model that sits at `loc` inside `model`."""
    annotation: Any = model
    for part in loc:
        annotation = _strip(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            if field is None:
                return ()
            annotation = field.annotation
        elif typing.get_origin(annotation) in (list, dict):
            annotation = typing.get_args(annotation)[-1]
    annotation = _strip(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return tuple(annotation.model_fields)
    return ()


def _strip(annotation: Any) -> Any:
    """`X | None` and `Annotated[X, ...]` down to X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = members[0]
        else:
            return annotation


def _clean_loc(error: ErrorDetails) -> list[PathPart]:
    """The error's place as the file writes it.

    Pydantic adds the names of union members and '[key]' markers; the file has neither. An
    unknown key is the last part of its place whatever it is called, even `float` or `int`.
    """
    loc = error["loc"]
    kept = len(loc) - 1 if error["type"] == "extra_forbidden" else len(loc)
    cleaned: list[PathPart] = []
    for index, part in enumerate(loc):
        if index < kept and _added_by_pydantic(part):
            continue
        cleaned.append(part)
    return cleaned


def _added_by_pydantic(part: PathPart) -> bool:
    if not isinstance(part, str):
        return False
    return (
        part in _UNION_MEMBER_NAMES or part == "[key]" or part.startswith(("literal[", "function-"))
    )


def _problem(
    rule: Rule,
    message: str,
    source: SourceMap,
    loc: Sequence[PathPart],
    *,
    key: bool = False,
) -> FileProblem:
    line, column = source.locate(loc, key=key)
    return FileProblem(rule, message, line, column)


def _raw_scalar(source: SourceMap, loc: Sequence[PathPart]) -> str | None:
    node, _, complete = source.node_at(loc)
    if complete and isinstance(node, yaml.ScalarNode):
        return shorten(str(node.value))
    return None


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _kind_of(value: object) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"the value {_short(value)}"
