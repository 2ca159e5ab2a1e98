"""The value/effort matrix's geometry: effort across in fifths, value up from 0 at the
bottom to the axis's top, the quick-win corner from the left up to the median."""

from __future__ import annotations

from journeyctl.render.matrix import BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH, Marker, picture
from journeyctl.views.improvements import Matrix, Point

PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM  # 550 by 290


def matrix(*points: Point, top: int = 1000, median: float = 500) -> Matrix:
    return Matrix(
        "Value against effort", "said", "Effort", "Contacts avoided", points, top,
        ("0", "500", "1,000"), median, 2,
    )  # fmt: skip


def test_effort_runs_across_in_fifths_and_value_up_from_the_bottom() -> None:
    drawn = picture(
        matrix(
            Point("a", 1, "A", 1, 1000, "1,000, effort 1", True),
            Point("b", 2, "B", 5, 0, "0, effort 5", False),
            Point("c", 3, "C", 3, 250, "250, effort 3", False),
        )
    )
    assert drawn.dots == (
        Marker(LEFT + PLOT_W / 10, TOP, 1, "A: 1,000, effort 1", True),
        Marker(LEFT + PLOT_W * 9 / 10, TOP + PLOT_H, 2, "B: 0, effort 5", False),
        Marker(LEFT + PLOT_W / 2, TOP + PLOT_H * 3 / 4, 3, "C: 250, effort 3", False),
    )
    assert [tick.at for tick in drawn.efforts] == [125.0, 235.0, 345.0, 455.0, 565.0]
    assert [(tick.at, tick.text) for tick in drawn.values] == [
        (TOP + PLOT_H, "0"),
        (TOP + PLOT_H / 2, "500"),
        (TOP, "1,000"),
    ]
    assert (drawn.left, drawn.right, drawn.top, drawn.bottom) == (LEFT, WIDTH - RIGHT, TOP, 310)


def test_the_quick_win_corner_spans_the_low_efforts_above_the_median() -> None:
    drawn = picture(matrix(Point("a", 1, "A", 2, 900, "900", True), median=250))
    # From the left edge to half way between effort 2 and 3; from the top down to 250.
    assert drawn.quick == (LEFT, TOP, PLOT_W * 2 / 5, PLOT_H * 3 / 4)


def test_a_median_above_the_axis_top_is_drawn_at_the_top() -> None:
    drawn = picture(matrix(Point("a", 1, "A", 2, 900, "900", True), median=2000))
    assert drawn.quick[3] == 0
