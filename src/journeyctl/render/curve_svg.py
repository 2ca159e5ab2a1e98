"""The emotion curve of a journey map as inline SVG: the `curve_svg` filter of the templates.

Written in Python, not in the template: a map's curve is a few hundred values (a line per grid
level, a polygon per gap, a dot with its tooltip per step's emotion), and a site of thousands
of maps spent nearly half its templates' time writing them one `{{ }}` at a time. The filter
writes what the template wrote, byte for byte, every value escaped; a project's template may
still lay the curve out itself from the view (`journeyctl.render.curve`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from markupsafe import Markup

from journeyctl.render.curve import CurveView, Dot
from journeyctl.render.escaping import escaped

ACTUAL, DESIRED = "#d0452f", "#2454a6"


def curve_svg(view: CurveView, words: Mapping[str, str]) -> Markup:
    """`<svg class="curve" ...>` with its grid, gaps, lines and dots; `words`: the site's."""
    width = str(view.width)
    said = {kind: _text(words[f"render.emotion.{kind}"]) for kind in ("desired", "actual")}
    lines = [
        f'<svg class="curve" viewBox="0 0 {width} {view.height}" '
        'preserveAspectRatio="none" role="img" '
        f'aria-label="{_text(words["render.lane.emotion"])}">',
        *(
            f'<line class="grid" x1="0" x2="{width}" y1="{y}" y2="{y}" '
            'stroke="#e3e7ee" stroke-width="1" vector-effect="non-scaling-stroke"/>'
            for y in view.grid
        ),
        *(
            f'<polygon class="gap" points="{_text(polygon)}" fill="{ACTUAL}" fill-opacity="0.18"/>'
            for polygon in view.gaps
        ),
        *(
            f'<polyline class="desired" points="{_text(line)}" fill="none" stroke="{DESIRED}" '
            'stroke-width="2.5" stroke-dasharray="7 5" vector-effect="non-scaling-stroke"/>'
            for line in view.desired
        ),
        *(
            f'<polyline class="actual" points="{_text(line)}" fill="none" stroke="{ACTUAL}" '
            'stroke-width="3" vector-effect="non-scaling-stroke"/>'
            for line in view.actual
        ),
        *(_dot("desired", dot, DESIRED, 9, said["desired"]) for dot in view.desired_dots),
        *(_dot("actual", dot, ACTUAL, 12, said["actual"]) for dot in view.actual_dots),
        "</svg>",
    ]
    return Markup("\n".join(lines))


def _dot(kind: str, dot: Dot, colour: str, size: int, what: str) -> str:
    """A step's emotion as a round dot (a line of no length), its tooltip what it says: the
    step's name, `what` (escaped already) and the emotion."""
    said = f"{_text(dot.step)}: {what} {dot.value}"
    return f"{_dot_line(kind, dot.x, dot.y, colour, size)}<title>{said}</title></line>"


# A dot's line kept per place and kind: the same few hundred on every map of a site, where
# writing each one's floats again was most of the curve's time. Typed: 50 and 50.0 are
# written differently.
@functools.lru_cache(maxsize=1 << 12, typed=True)
def _dot_line(kind: str, x: float, y: float, colour: str, size: int) -> str:
    return (
        f'<line class="point {kind}" x1="{x}" y1="{y}" x2="{x}" y2="{y}" stroke="{colour}" '
        f'stroke-width="{size}" stroke-linecap="round" vector-effect="non-scaling-stroke">'
    )


def _text(value: object) -> str:
    """`value` as the template printed it: its text, escaped. (Numbers are written as they
    are, `f"{x}"` being `str(x)`: their text has nothing to escape.)"""
    return escaped(value)
