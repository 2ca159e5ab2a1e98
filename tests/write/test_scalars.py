"""Quoting decided by journeyctl's own YAML 1.1 loader, not by ruamel's YAML 1.2 idea of it."""

from __future__ import annotations

import math

import pytest

from journeyctl.load.yamlfile import Parsed, parse
from journeyctl.write import WriteError
from journeyctl.write.scalars import float_text, string_style

# Bare, the loader reads each of these as something other than the text.
READ_AS_SOMETHING_ELSE = [
    *["no", "No", "NO", "yes", "on", "Off", "true", "False"],
    *["~", "null", "Null", ""],
    *["010", "0x1F", "0b101", "1:30", "-1:30:00", "1_000", "+12", "0"],
    *["1.5", ".inf", "-.Inf", ".nan", "6.8523015e+5", "1:20.5"],
    *["2025-01-01", "2025-1-1 10:00:00", "2025-01-01T10:00:00Z"],
    *["<<", "="],
]
# These need escapes: a plain or single-quoted scalar cannot carry them as they are.
NEEDS_ESCAPES = ["a\nb", "tab\there", "\r", "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\x9f"]
NEEDS_ESCAPES += ["\u2028", "\u2029", "\ufeff", "nul\x00l"]
# The loader reads these bare as text (PyYAML takes no y/n for booleans, no float without a dot).
TEXT_AS_IS = [
    "hello",
    "y",
    "n",
    "oN",
    "1e3",
    "Klant zijn",
    "é",
    "\xa0",
    "\u2027",
    "\u202a",
    "\ufefe",
    "\uff00",
]
TEXT_AS_IS += ["\U0001f600", "\ufffd", "a: b", "- x", "#x"]


@pytest.mark.parametrize("value", READ_AS_SOMETHING_ELSE)
def test_what_the_loader_reads_as_another_kind_is_quoted(value: str) -> None:
    assert string_style(value) == "'"


@pytest.mark.parametrize("value", NEEDS_ESCAPES)
def test_what_needs_an_escape_is_double_quoted(value: str) -> None:
    assert string_style(value) == '"'


@pytest.mark.parametrize("value", TEXT_AS_IS)
def test_text_is_left_to_the_emitter(value: str) -> None:
    # None: bare where YAML's syntax allows it (the emitter still quotes `a: b` and `- x`).
    assert string_style(value) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.1, "0.1"), (1e16, "1.0e+16"), (1e-05, "1.0e-05"), (-2.5e-300, "-2.5e-300"), (3.0, "3.0")],
)
def test_a_float_is_written_so_that_yaml_1_1_reads_a_float(value: float, text: str) -> None:
    assert float_text(value) == text
    parsed = parse(f"x: {text}\n")
    assert isinstance(parsed, Parsed)
    assert parsed.data == {"x": value}
    assert isinstance(parsed.data["x"], float)  # type: ignore[index]


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_float_that_is_not_finite_is_refused(value: float) -> None:
    with pytest.raises(WriteError, match="finite numbers only"):
        float_text(value)
