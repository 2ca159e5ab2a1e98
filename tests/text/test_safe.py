"""`one_line` and `to_json`: what a file holds cannot end a line or drive a terminal."""

from __future__ import annotations

import json
import unicodedata

import pytest

from journeyctl.formats._safe import to_json
from journeyctl.text.safe import escape, is_unsafe, one_line

# (text a file may hold, how one line of output shows it)
ONE_LINE_CASES = [
    ("Ik betaal mijn factuur", "Ik betaal mijn factuur"),
    ("Één café, façade ÆØÅ 日本 🙂", "Één café, façade ÆØÅ 日本 🙂"),
    ("[bold red]x[/] and `code` \\n", "[bold red]x[/] and `code` \\n"),
    ("a\nb", "a\\nb"),
    ("a\r\nb", "a\\r\\nb"),
    ("a\tb", "a\\tb"),
    ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
    ("bell\a", "bell\\x07"),
    ("nul\0", "nul\\x00"),
    ("del\x7f", "del\\x7f"),
    ("csi\x9b2J", "csi\\x9b2J"),
    ("next line\x85x", "next line\\x85x"),
    ("line\u2028sep\u2029par", "line\\u2028sep\\u2029par"),
    ("evil\u202egnp.yaml", "evil\\u202egnp.yaml"),
    ("isolate\u2066x\u2069", "isolate\\u2066x\\u2069"),
    ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
    ("tag\U000e0041", "tag\\U000e0041"),
    ("lone \udcff surrogate", "lone \\udcff surrogate"),
    # Joiners build emoji and words in several scripts: they stay.
    ("👩\u200d💻 and \u200c", "👩\u200d💻 and \u200c"),
    ("non-breaking\u00a0space", "non-breaking\u00a0space"),
]


@pytest.mark.parametrize(("text", "shown"), ONE_LINE_CASES)
def test_one_line_shows_unsafe_characters_escaped(text: str, shown: str) -> None:
    assert one_line(text) == shown


@pytest.mark.parametrize("text", [text for text, _ in ONE_LINE_CASES])
def test_one_line_is_idempotent(text: str) -> None:
    # Formats may pass a text through twice (a cell, then its Markdown escaping).
    assert one_line(one_line(text)) == one_line(text)


def test_every_control_and_separator_is_unsafe() -> None:
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) in ("Cc", "Zl", "Zp", "Cs"):
            assert is_unsafe(char), hex(code)
            assert char not in one_line(f"x{char}x"), hex(code)


@pytest.mark.parametrize(
    ("char", "escaped"),
    [
        ("\n", "\\n"),
        ("\x00", "\\x00"),
        ("\xad", "\\xad"),
        ("\u2028", "\\u2028"),
        ("\U000e0001", "\\U000e0001"),
        ("\u0100", "\\u0100"),
        ("\uffff", "\\uffff"),
        ("\U00010000", "\\U00010000"),
    ],
)
def test_escape_is_as_python_writes_it(char: str, escaped: str) -> None:
    assert escape(char) == escaped


HOSTILE = "x\n::error::forged \x1b[31m\a\0\x7f\x9b\u2028\u202e\udcff\U000e0041 [bold]é"


def test_to_json_keeps_every_string_exactly() -> None:
    document = {"name": HOSTILE, HOSTILE: [HOSTILE]}
    assert json.loads(to_json(document)) == document


def test_to_json_writes_no_unsafe_character_raw() -> None:
    text = to_json({"name": HOSTILE})
    assert all(not is_unsafe(char) for char in text.replace("\n", ""))
    assert text.endswith("}\n") and text.count("\n") == 3  # the layout's lines only
    assert "\\u202e" in text and "\\udb40\\udc41" in text  # a surrogate pair beyond the BMP
    assert "é" in text  # readable text is not escaped


@pytest.mark.parametrize("number", [float("nan"), float("inf"), float("-inf")])
def test_to_json_refuses_what_json_cannot_hold(number: float) -> None:
    with pytest.raises(ValueError, match="JSON compliant"):
        to_json({"score": number})


def test_the_last_latin_1_character_is_a_two_digit_escape() -> None:
    assert (escape("\xff"), escape("\u0100")) == ("\\xff", "\\u0100")


def test_to_json_indents_by_two() -> None:
    assert to_json({"a": [1, {"b": None}]}) == (
        '{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ]\n}\n'
    )
