"""The shipped templates' environment prints what Jinja's own does, escaped the same."""

from __future__ import annotations

import pytest
from jinja2 import Environment
from markupsafe import Markup, escape

from journeyctl.render.shipped import ShippedEnvironment, escape_printed


class Html:
    def __html__(self) -> str:
        return "<b>safe</b>"


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "",
        "<script>alert('x')</script> & \"quotes\"",
        "é ★ →",
        Markup("<i>marked</i>"),
        Html(),
        3,
        2.5,
        None,
        True,
    ],
)
def test_a_printed_value_is_what_escape_makes_of_it(value: object) -> None:
    assert str(escape_printed(value)) == str(escape(value))


TEMPLATE = """{% macro cell(text) %}<td>{{ text }}</td>{% endmacro %}
{% set block %}<p>{{ name }}</p>{% endset %}
<h1>{{ name }}</h1>{{ cell(name) }}{{ block }}{{ marked }}
{% for item in items %}<li title="{{ item }}">{{ item|upper }}</li>{% endfor %}
{{ name ~ '<' }}{{ number }}{{ items|join(', ') }}
"""


def test_a_page_is_what_jinjas_own_environment_makes() -> None:
    data = {
        "name": "<A & 'B'>",
        "marked": Markup("<em>ok</em>"),
        "items": ["<x>", "y & z", '"q"'],
        "number": 1.5,
    }
    ours = ShippedEnvironment(autoescape=True, trim_blocks=True).from_string(TEMPLATE)
    jinja = Environment(autoescape=True, trim_blocks=True).from_string(TEMPLATE)
    assert ours.render(data) == jinja.render(data)
    assert "&lt;A &amp; &#39;B&#39;&gt;" in ours.render(data)


def test_a_markup_is_printed_as_it_is() -> None:
    marked = Markup("<em>ok</em>")
    assert escape_printed(marked) is marked
