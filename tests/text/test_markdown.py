"""User text in Markdown and Mermaid stays text."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from journeyctl.text.markdown import md_cell, md_spans, md_text, mermaid_text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain words", "plain words"),
        ("a | b", "a \\| b"),
        ("two\nlines\r\nhere", "two lines here"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('<img src=x onerror="alert(1)">', '&lt;img src=x onerror="alert(1)"&gt;'),
        (
            "*bold* _it_ `code` [link](x) ~~s~~",
            "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~s\\~\\~",
        ),
        ("back\\slash", "back\\\\slash"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("1. first", "1\\. first"),
        ("142.000", "142.000"),
        ("-13%", "-13%"),
        ("=", "\\="),
        ("a\x1b[31mred\x00", "a\\\\x1b\\[31mred\\\\x00"),  # shown, as the terminal shows them
        ("bidi\u202eoverride", "bidi\\\\u202eoverride"),
    ],
)
def test_md_text(text: str, shown: str) -> None:
    assert md_text(text) == shown


def test_a_cell_with_a_pipe_and_a_newline_stays_one_cell() -> None:
    row = f"| {md_cell('left | right')} | {md_cell('one' + chr(10) + 'two')} |"
    assert row == "| left \\| right | one two |"
    # Unescaped pipes: the row's own three.
    assert row.replace("\\|", "").count("|") == 3


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Ik betaal: snel; #1, 100%", "Ik betaal#58; snel#59; #35;1#44; 100#37;"),
        ("<b>x</b>", "#60;b#62;x#60;/b#62;"),
        ("#58;", "#35;58#59;"),
        ("two\nlines", "two lines"),
        ("", "\u2013"),
    ],
)
def test_mermaid_text_has_none_of_mermaids_separators(text: str, shown: str) -> None:
    assert mermaid_text(text) == shown
    # Mermaid's entity codes are all that is left of its syntax: each shows its character.
    assert not set(re.sub(r"#\d+;", "", mermaid_text(text))) & set(":;#,%<>\n")


@dataclass(frozen=True)
class _Span:
    text: str
    kind: str = "words"
    strong: bool = False
    link: str = ""


LINE = (
    _Span("Ik *verhuis*", "text", strong=True, link="journeys/ik-verhuis"),
    _Span(" (", strong=True),
    _Span("ik`verhuis", "code"),
    _Span("): "),
    _Span("a-b", "code"),
)


def test_md_spans_links_each_page_from_the_root_where_the_output_has_pages() -> None:
    assert md_spans(LINE, "../") == (
        "**[Ik \\*verhuis\\*](../journeys/ik-verhuis.md) (**ik\\`verhuis): `a-b`"
    )


def test_md_spans_without_pages_writes_the_text_alone() -> None:
    assert md_spans(LINE) == "**Ik \\*verhuis\\* (**ik\\`verhuis): `a-b`"
    assert md_spans((_Span("x", strong=True),)) == "**x**"
