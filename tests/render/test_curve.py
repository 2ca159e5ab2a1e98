"""The emotion curve's geometry: where the points sit and which gaps are shaded."""

from __future__ import annotations

from journeyctl.model.journey import Step
from journeyctl.render.curve import curve


def steps(*pairs: tuple[int | None, int | None]) -> list[Step]:
    return [
        Step(name=f"step {i}", emotion=actual, desired_emotion=desired)
        for i, (actual, desired) in enumerate(pairs)
    ]


def test_points_sit_in_the_middle_of_their_columns_5_at_the_top_1_at_the_bottom() -> None:
    view = curve(steps((5, 5), (1, 3)))
    assert view is not None
    assert (view.width, view.height, view.columns) == (200, 100, 2)
    assert view.actual == ["50,12 150,88"]
    assert view.desired == ["50,12 150,50"]
    assert [(d.x, d.y, d.value) for d in view.actual_dots] == [(50, 12, 5), (150, 88, 1)]
    assert view.grid == [88, 69, 50, 31, 12]


def test_the_gap_below_the_desired_emotion_is_shaded() -> None:
    view = curve(steps((2, 4), (3, 4)))
    assert view is not None
    assert view.gaps == ["50,31 150,31 150,50 50,69"]


def test_where_actual_is_above_desired_nothing_is_shaded() -> None:
    view = curve(steps((5, 3), (4, 2)))
    assert view is not None
    assert view.gaps == []


def test_where_the_lines_cross_only_the_gap_side_is_shaded() -> None:
    # Desired above at the first step (gap 2), actual above at the second (gap -2): they
    # cross halfway, at x = 100, emotion 3.
    before = curve(steps((2, 4), (4, 2)))
    assert before is not None
    assert before.gaps == ["50,31 100,50 50,69"]
    after = curve(steps((4, 2), (2, 4)))
    assert after is not None
    assert after.gaps == ["100,50 150,31 150,69"]


def test_a_step_without_an_emotion_breaks_the_line_and_the_shading() -> None:
    view = curve(steps((2, 4), (3, 4), (None, None), (1, 2), (1, 2)))
    assert view is not None
    assert view.actual == ["50,69 150,50", "350,88 450,88"]
    assert len(view.gaps) == 2  # steps 0-1 and 3-4, none across the missing one
    assert [d.x for d in view.actual_dots] == [50, 150, 350, 450]


def test_a_lone_point_has_a_dot_but_no_line() -> None:
    view = curve(steps((3, None), (None, 4)))
    assert view is not None
    assert view.actual == [] and view.desired == []
    assert len(view.actual_dots) == 1 and len(view.desired_dots) == 1


def test_no_emotion_at_all_draws_nothing() -> None:
    assert curve(steps((None, None))) is None
    assert curve([]) is None
