"""Pydantic's validation errors in the file's own terms: which key, where, what to write."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterator, Sequence
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic_core import ErrorDetails

from journeyctl.finding import Rule
from journeyctl.load import rules
from journeyctl.load.source import PathPart, SourceMap
from journeyctl.load.yamlfile import Problem
from journeyctl.model.common import slugify

# YAML 1.1 words that PyYAML reads as booleans; text written like this must be quoted.
_BOOLEAN_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}
# Pydantic names the members of a union in an error's location; the file has no such keys.
_UNION_KINDS = {"bool": "yes/no", "int": "a number", "float": "a number", "str": "text"}
_UNION_MEMBER_NAMES = {*_UNION_KINDS, "function-plain", "function-after"}


def describe_all(
    errors: list[ErrorDetails], model: type[BaseModel], source: SourceMap | None
) -> Iterator[Problem]:
    """Each error as a problem with its position; a value that fits no member of a union
    (`bool | int | float`) is one problem, not one per member."""
    by_place: dict[tuple[PathPart, ...], list[ErrorDetails]] = {}
    for error in errors:
        by_place.setdefault(tuple(_clean_loc(error["loc"])), []).append(error)
    for loc, group in by_place.items():
        members = [p for e in group for p in e["loc"] if isinstance(p, str) and p in _UNION_KINDS]
        if len(group) > 1 and len(members) == len(group):
            raw = _raw_scalar(source, loc)
            shown = raw if raw is not None else _short(group[0].get("input"))
            kinds = " or ".join(dict.fromkeys(_UNION_KINDS[m] for m in members))
            message = f"{_dotted(loc)}: expected {kinds}, got {shown}"
            yield _problem(rules.INVALID_VALUE, message, source, loc)
        else:
            yield from (_describe(error, model, source) for error in group)


def _describe(error: ErrorDetails, model: type[BaseModel], source: SourceMap | None) -> Problem:
    """One validation error as a problem: the rule, a message that says what to write, the place."""
    loc = _clean_loc(error["loc"])
    kind = error["type"]
    where = _dotted(loc)
    if kind == "extra_forbidden":
        return _problem(rules.UNKNOWN_KEY, _unknown_key(model, loc), source, loc, key=True)
    if kind == "missing":
        parent = _dotted(loc[:-1]) or "the file"
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
    return _problem(rules.INVALID_VALUE, f"{where}: {_value_message(error, raw)}", source, loc)


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
                f"'{shown}' is not a period; write a year, quarter or month: 2025, 2025-Q3, 2025-06"
            )
        return (
            f"'{shown}' is not a valid id; use lowercase letters, digits and hyphens, "
            f"e.g. '{slugify(str(value)) or 'my-id'}'"
        )
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        hint = difflib.get_close_matches(str(value), allowed, n=1)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
        return f"'{shown}' is not one of: {', '.join(allowed)}{suggestion}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {shown}"
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
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        return f"{error['msg'].lower().replace('input should be', 'must be')}, got {shown}"
    if kind == "string_too_short":
        return "must not be empty"
    return f"{error['msg']} (got {shown})"


def _unknown_key(model: type[BaseModel], loc: Sequence[PathPart]) -> str:
    key = str(loc[-1])
    known = _known_keys(model, loc[:-1])
    place = f" in {_dotted(loc[:-1])}" if loc[:-1] else ""
    hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if hint:
        return f"unknown key '{key}'{place}; did you mean '{hint[0]}'?"
    return f"unknown key '{key}'{place}; known keys: {', '.join(known)}"


def _known_keys(model: type[BaseModel], loc: Sequence[PathPart]) -> list[str]:
    """The field names of the model that sits at `loc` inside `model`."""
    annotation: Any = model
    for part in loc:
        annotation = _strip(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            if field is None:
                return []
            annotation = field.annotation
        elif typing.get_origin(annotation) in (list, dict):
            annotation = typing.get_args(annotation)[-1]
    annotation = _strip(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


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


def _clean_loc(loc: Sequence[PathPart]) -> list[PathPart]:
    # Pydantic adds the names of union members and '[key]' markers; the file has neither.
    cleaned: list[PathPart] = []
    for part in loc:
        if part == "[key]" or (isinstance(part, str) and part in _UNION_MEMBER_NAMES):
            continue
        if isinstance(part, str) and part.startswith(("literal[", "function-")):
            continue
        cleaned.append(part)
    return cleaned


def _problem(
    rule: Rule,
    message: str,
    source: SourceMap | None,
    loc: Sequence[PathPart],
    *,
    key: bool = False,
) -> Problem:
    if source is None:
        return Problem(rule, message)
    line, column = source.locate(loc, key=key)
    return Problem(rule, message, line, column)


def _raw_scalar(source: SourceMap | None, loc: Sequence[PathPart]) -> str | None:
    if source is None:
        return None
    node, _, complete = source.node_at(loc)
    if complete and isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return None


def _dotted(loc: Sequence[PathPart]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


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
