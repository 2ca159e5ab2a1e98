"""The emotion curve of a journey map: actual against desired emotion per step, gaps shaded.

Geometry only, as SVG coordinates: step i sits in the middle of its column (x = 100·i + 50 in
a view box 100 wide per step), emotion 5 at the top and 1 at the bottom. The template stretches
the box over the step columns, so the points line up with the columns at any width.
Where the actual emotion lies below the desired one, the area between them is shaded: that
gap is what the journey team works on. A step without an emotion breaks the line.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from journeyctl.model.journey import Step

COLUMN = 100  # view-box units per step
HEIGHT = 100
PAD = 12  # room for the dots at 1 and 5
_LOW, _HIGH = 1, 5


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    value: int
    step: str  # the step's name, for the dot's tooltip


@dataclass(frozen=True)
class CurveView:
    width: int
    height: int
    actual: list[str]  # polylines ("x,y x,y ..."); a step without emotion starts a new one
    desired: list[str]
    gaps: list[str]  # polygons where the actual emotion is below the desired one
    actual_dots: list[Dot]
    desired_dots: list[Dot]
    grid: list[float]  # y of the lines at 1..5
    columns: int


def curve(steps: Sequence[Step]) -> CurveView | None:
    """The curve of `steps`; None when no step has an emotion (nothing to draw)."""
    if not any(s.emotion is not None or s.desired_emotion is not None for s in steps):
        return None
    actual = [s.emotion for s in steps]
    desired = [s.desired_emotion for s in steps]
    return CurveView(
        width=COLUMN * len(steps),
        height=HEIGHT,
        actual=_lines(actual),
        desired=_lines(desired),
        gaps=_gaps(actual, desired),
        actual_dots=_dots(actual, steps),
        desired_dots=_dots(desired, steps),
        grid=[_y(level) for level in range(_LOW, _HIGH + 1)],
        columns=len(steps),
    )


def _x(index: float) -> float:
    return COLUMN * index + COLUMN / 2


def _y(value: float) -> float:
    return PAD + (_HIGH - value) * (HEIGHT - 2 * PAD) / (_HIGH - _LOW)


# Where each level's grid line lies, as a percentage of the curve's height: for the scale
# beside it (the view box is stretched, so text is set outside it).
CURVE_Y = {level: _y(level) * 100 / HEIGHT for level in range(_LOW, _HIGH + 1)}


# A point's text kept per (step, emotion): the same few hundred of them on every map of a site.
@functools.lru_cache(maxsize=1 << 12)
def _point(index: float, value: float) -> str:
    return f"{_number(_x(index))},{_number(_y(value))}"


def _number(value: float) -> str:
    """Two decimals at most, no trailing zeros: the same text for the same input, everywhere."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _lines(values: list[int | None]) -> list[str]:
    lines: list[list[str]] = [[]]
    for index, value in enumerate(values):
        if value is None:
            lines.append([])
        else:
            lines[-1].append(_point(index, value))
    # A lone point has no line; its dot shows it.
    return [" ".join(points) for points in lines if len(points) > 1]


def _dots(values: list[int | None], steps: Sequence[Step]) -> list[Dot]:
    return [
        Dot(_x(index), _y(value), value, steps[index].name)
        for index, value in enumerate(values)
        if value is not None
    ]


def _gaps(actual: list[int | None], desired: list[int | None]) -> list[str]:
    """Between each two neighbouring steps with both emotions: the part where actual < desired."""
    polygons = []
    for index in range(len(actual) - 1):
        a0, a1, d0, d1 = actual[index], actual[index + 1], desired[index], desired[index + 1]
        if a0 is None or a1 is None or d0 is None or d1 is None:
            continue
        polygon = _gap(index, a0, a1, d0, d1)
        if polygon:
            polygons.append(polygon)
    return polygons


def _gap(index: int, a0: int, a1: int, d0: int, d1: int) -> str:
    """The polygon between desired (above) and actual over one segment; "" when there is none."""
    g0, g1 = d0 - a0, d1 - a1
    if g0 <= 0 and g1 <= 0:
        return ""
    points: list[tuple[float, float]]
    if g0 >= 0 and g1 >= 0:
        points = [(index, d0), (index + 1, d1), (index + 1, a1), (index, a0)]
    else:
        # The lines cross: shade the triangle on the side where desired is above.
        t = g0 / (g0 - g1)
        crossing = (index + t, a0 + t * (a1 - a0))
        if g0 > 0:
            points = [(index, d0), crossing, (index, a0)]
        else:
            points = [crossing, (index + 1, d1), (index + 1, a1)]
    return " ".join(_point(i, v) for i, v in points)
