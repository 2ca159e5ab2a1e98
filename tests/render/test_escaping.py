"""Escaping to plain text gives the characters of markupsafe's `escape`."""

from __future__ import annotations

import pytest
from markupsafe import Markup, escape

from journeyctl.render.escaping import escape_text, escaped


class Html:
    def __html__(self) -> str:
        return "<b>safe</b>"


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "",
        "<script>alert('x')</script> & \"q\"",
        "é ★",
        Markup("<i>m</i>"),
        Html(),
        3,
        2.5,
        None,
    ],
)
def test_escaped_is_what_escape_makes_of_a_value(value: object) -> None:
    assert escaped(value) == str(escape(value))
    assert type(escaped(value)) is str


def test_a_text_is_escaped_to_a_plain_str() -> None:
    assert escape_text("<a href='x'>&</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
    assert type(escape_text("<")) is str
