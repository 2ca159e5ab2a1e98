"""The value/effort matrix of the improvements page, as SVG coordinates.

Effort runs across (1 to 5, each in the middle of its fifth of the plot), the contacts a
period would avoid run up (0 at the bottom, the largest value, rounded up to a round number,
at the top). The quick-win corner (effort up to the quick-win effort, value at least the
median) is shaded; each dot carries its number in the table above it, so that the picture
and the table say the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.views.improvements import Matrix

WIDTH, HEIGHT = 640, 360
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 20, 50  # room for the axes' numbers and names
_EFFORTS = 5


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    number: int  # its row in the table "which improvement first"
    said: str  # the title and the figures, for the dot's tooltip
    quick_win: bool


@dataclass(frozen=True)
class Tick:
    at: float  # x for an effort, y for a value
    text: str


@dataclass(frozen=True)
class MatrixPicture:
    width: int
    height: int
    left: int
    right: float  # x where the plot ends
    top: int
    bottom: float  # y of the value 0
    quick: tuple[float, float, float, float]  # the quick-win corner: x, y, width, height
    dots: tuple[Marker, ...]
    efforts: tuple[Tick, ...]
    values: tuple[Tick, ...]


def picture(matrix: Matrix) -> MatrixPicture:
    """The matrix's geometry."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(effort: float) -> float:
        return round(LEFT + (effort - 0.5) / _EFFORTS * plot_w, 1)

    def y(value: float) -> float:
        return round(TOP + plot_h * (1 - value / matrix.top), 1)

    median_y = y(min(matrix.median, matrix.top))
    return MatrixPicture(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        quick=(LEFT, TOP, x(matrix.quick_effort + 0.5) - LEFT, median_y - TOP),
        dots=tuple(
            Marker(x(p.effort), y(p.value), p.number, f"{p.title}: {p.shown}", p.quick_win)
            for p in matrix.points
        ),
        efforts=tuple(Tick(x(effort), str(effort)) for effort in range(1, _EFFORTS + 1)),
        values=tuple(
            Tick(y(value), text)
            for value, text in zip((0, matrix.top / 2, matrix.top), matrix.ticks, strict=True)
        ),
    )
