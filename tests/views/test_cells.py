"""The words and numbers that more than one page says."""

from __future__ import annotations

import pytest

from journeyctl.views.cells import ESTIMATED, MISSING, Cell, Number, headed
from journeyctl.views.cells import places as places_of


@pytest.mark.parametrize(
    ("values", "places"),
    [
        ([], 0),
        ([71], 0),
        ([71.0], 0),
        ([0.5], 1),
        ([0.26], 2),
        ([0.125], 2),
        ([1, 0.5], 1),
        ([0.00001], 0),
        ([2.10001], 1),
        ([-0.5, 3], 1),
    ],
)
def test_decimals_enough_for_every_value(values: list[float], places: int) -> None:
    assert places_of(values) == places


def test_a_table_is_headed_by_its_columns_labels_and_which_hold_numbers() -> None:
    columns = ("report.state.open", Number("contacts"), Number("rank.short"))
    assert headed(columns, "nl") == (("open", "Contacten", "#"), (False, True, True))
    assert headed(columns, "en", capitals=True) == (("Open", "Contacts", "#"), (False, True, True))


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (Cell("16,900", mark=ESTIMATED), "16,900~"),
        (Cell("35%", mark=ESTIMATED), "35%~"),
        (Cell("Top journey nobody works on", mark=ESTIMATED), "Top journey nobody works on ~"),
        (Cell("Step 2", mark=MISSING), "Step 2 *"),
        (Cell("I sign up", mark=MISSING), "I sign up *"),
        (Cell("12"), "12"),
    ],
)
def test_a_mark_follows_a_figure_closely_and_a_word_after_a_space(cell: Cell, shown: str) -> None:
    assert cell.shown == shown
