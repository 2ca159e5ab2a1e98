"""The curve's SVG, written by a filter, is what the map's template wrote before, byte for byte."""

from __future__ import annotations

from dataclasses import replace

import pytest
from jinja2 import Environment

from journeyctl.model.journey import Step
from journeyctl.render.curve import curve
from journeyctl.render.curve_svg import curve_svg
from journeyctl.text import LABELS

# The map's template as it wrote the curve (with the site's block settings) before the filter.
AS_IT_WAS = """\
<svg class="curve" viewBox="0 0 {{ page.curve.width }} {{ page.curve.height }}" preserveAspectRatio="none" role="img" aria-label="{{ t['render.lane.emotion'] }}">
{% for y in page.curve.grid %}<line class="grid" x1="0" x2="{{ page.curve.width }}" y1="{{ y }}" y2="{{ y }}" stroke="#e3e7ee" stroke-width="1" vector-effect="non-scaling-stroke"/>
{% endfor %}
{% for polygon in page.curve.gaps %}<polygon class="gap" points="{{ polygon }}" fill="#d0452f" fill-opacity="0.18"/>
{% endfor %}
{% for line in page.curve.desired %}<polyline class="desired" points="{{ line }}" fill="none" stroke="#2454a6" stroke-width="2.5" stroke-dasharray="7 5" vector-effect="non-scaling-stroke"/>
{% endfor %}
{% for line in page.curve.actual %}<polyline class="actual" points="{{ line }}" fill="none" stroke="#d0452f" stroke-width="3" vector-effect="non-scaling-stroke"/>
{% endfor %}
{% for dot in page.curve.desired_dots %}<line class="point desired" x1="{{ dot.x }}" y1="{{ dot.y }}" x2="{{ dot.x }}" y2="{{ dot.y }}" stroke="#2454a6" stroke-width="9" stroke-linecap="round" vector-effect="non-scaling-stroke"><title>{{ dot.step }}: {{ t['render.emotion.desired'] }} {{ dot.value }}</title></line>
{% endfor %}
{% for dot in page.curve.actual_dots %}<line class="point actual" x1="{{ dot.x }}" y1="{{ dot.y }}" x2="{{ dot.x }}" y2="{{ dot.y }}" stroke="#d0452f" stroke-width="12" stroke-linecap="round" vector-effect="non-scaling-stroke"><title>{{ dot.step }}: {{ t['render.emotion.actual'] }} {{ dot.value }}</title></line>
{% endfor %}
</svg>
"""

TEMPLATE = Environment(
    autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True
).from_string(AS_IT_WAS)


def steps(*pairs: tuple[int | None, int | None], name: str = "step") -> list[Step]:
    return [
        Step(name=f"{name} {i}", emotion=actual, desired_emotion=desired)
        for i, (actual, desired) in enumerate(pairs)
    ]


@pytest.mark.parametrize(
    "shown",
    [
        steps((5, 5), (1, 3)),
        steps((2, 4), (3, 4), (None, 5), (4, 1), (1, 5)),  # gaps, a break, lines that cross
        steps((3, None)),  # a lone dot, no line
        steps((1, 5), (5, 1), name="<script>alert('x')</script> & \"é\""),
    ],
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_svg_is_what_the_template_wrote(shown: list[Step], lang: str) -> None:
    view = curve(shown)
    assert view is not None
    words = LABELS[lang]
    assert f"{curve_svg(view, words)}\n" == TEMPLATE.render(page={"curve": view}, t=words)


def test_a_steps_name_in_a_tooltip_is_escaped() -> None:
    view = curve(steps((1, 5), name="<b>"))
    assert view is not None
    svg = curve_svg(view, LABELS["en"])
    assert "<b>" not in svg and "<title>&lt;b&gt; 0: " in svg


def test_a_dot_is_written_as_its_numbers_are_whatever_was_written_before() -> None:
    # Each dot's line is kept per place: 50 and 50.0 are equal keys, but written apart.
    view = curve(steps((3, 3)))
    assert view is not None
    curve_svg(view, LABELS["en"])
    whole = replace(view, actual_dots=[replace(view.actual_dots[0], x=50, y=50)])
    assert f"{curve_svg(whole, LABELS['en'])}\n" == TEMPLATE.render(
        page={"curve": whole}, t=LABELS["en"]
    )
    assert 'x1="50" y1="50"' in curve_svg(whole, LABELS["en"])
