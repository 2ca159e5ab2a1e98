"""An exported workbook changed in a spreadsheet and imported back: every change a person
makes is written, or refused at its cell; none is dropped, and the dry run shows what the
import writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from tests.inventory.conftest import snapshot

Cells = dict[str, object]


def _exported(tree_dir: Path, cells: Cells) -> Path:
    """The tree's export, with `cells` of its first sheet changed (None clears one)."""
    from openpyxl import load_workbook

    exported = tree_dir.parent / "a.xlsx"
    made = CliRunner().invoke(app, ["export", "--root", str(tree_dir), "--out", str(exported)])
    assert made.exit_code == 0, made.stderr
    workbook = load_workbook(exported)
    sheet = workbook.worksheets[0]
    assert [sheet[cell].value for cell in ("C2", "C3", "H1", "R1")] == [
        "ik-betaal", "ik-meld-me-aan", "Periode", "Eigenaar-id",
    ]  # fmt: skip
    for cell, value in cells.items():
        sheet[cell] = value
    workbook.save(exported)
    return exported


def _imported(tree_dir: Path, cells: Cells, *options: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of importing the changed export."""
    exported = _exported(tree_dir, cells)
    argv = ["import", str(exported), "--root", str(tree_dir), "--lang", "en", *options]
    result = CliRunner().invoke(app, argv)
    return result.exit_code, result.stdout, result.stderr


def _refused(tree_dir: Path, cells: Cells, *options: str) -> list[str]:
    """The refusals of the import (and of its dry run: the same), with nothing written."""
    before = snapshot(tree_dir)
    found = []
    for dry in ((), ("--dry-run",)):
        code, out, err = _imported(tree_dir, cells, *options, *dry)
        assert (code, out) == (1, ""), err
        found.append(err.splitlines()[:-1])
        assert err.splitlines()[-1] == "error: a.xlsx was not imported; nothing was written"
    assert found[0] == found[1]
    assert snapshot(tree_dir) == before
    return found[0]


def _changes(tree_dir: Path, cells: Cells, *options: str) -> list[str]:
    """The dry run's lines between its head and its summary of the unchanged."""
    code, out, err = _imported(tree_dir, cells, *options, "--dry-run")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    return lines[1 : next(i for i, line in enumerate(lines) if line.startswith("Unchanged"))]


NEW_ROW = {"B4": "Ik zeg op", "D4": "Klant worden", "E4": "Ik word klant", "G4": "vervallen"}


# 1. Figures without a period ---------------------------------------------------------


@pytest.mark.slow
def test_figures_on_a_row_whose_period_is_cleared_are_refused_at_the_period_cell(
    tree_dir: Path,
) -> None:
    assert _refused(tree_dir, {"H2": None, "I2": 1100}) == [
        "refused: Klantreizen!H2: customers and contacts without a period: write the period "
        "in Klantreizen!H2, or import with --period 2025"
    ]


@pytest.mark.slow
def test_a_new_row_with_figures_and_no_period_is_refused_not_made_without_volumes(
    tree_dir: Path,
) -> None:
    assert _refused(tree_dir, {**NEW_ROW, "I4": 10, "J4": 5}) == [
        "refused: Klantreizen!H4: customers and contacts without a period: write the period "
        "in Klantreizen!H4, or import with --period 2025"
    ]


def test_figures_without_a_period_take_the_period_option(tree_dir: Path) -> None:
    lines = _changes(tree_dir, {**NEW_ROW, "I4": 10, "J4": 5}, "--period", "2025")
    assert "      volumes 2025: customers 10, contacts 5" in lines


def test_a_row_without_figures_needs_no_period(tree_dir: Path) -> None:
    assert _changes(tree_dir, {**NEW_ROW, "H4": None})[:3] == [
        "To create: 1",
        "  + klant-worden/aanmelden/ik-zeg-op.yaml",
        "      status: retired",
    ]


# 3. A journey's Id and name cells that disagree ----------------------------------------


@pytest.mark.slow
def test_two_swapped_id_cells_are_refused_at_each_id_cell_with_both(tree_dir: Path) -> None:
    """They were refused at the cluster cells, as moves, with names the user did not write."""
    pay, join = "klant-zijn/facturatie/ik-betaal.yaml", "klant-worden/aanmelden/ik-meld-me-aan.yaml"
    end = "a name names one journey: correct one of the two cells"
    assert _refused(tree_dir, {"C2": "ik-meld-me-aan", "C3": "ik-betaal"}) == [
        "refused: Klantreizen!C2: Klantreizen!C2 names journey ik-meld-me-aan, but "
        f"Klantreizen!B2 'Ik betaal mijn factuur' is not its name: it is the name of journey "
        f"ik-betaal ({pay}); {end}",
        "refused: Klantreizen!C3: Klantreizen!C3 names journey ik-betaal, but Klantreizen!B3 "
        f"'Ik meld me aan' is not its name: it is the name of journey ik-meld-me-aan ({join}); "
        f"{end}",
    ]


@pytest.mark.slow
def test_a_mistyped_id_beside_a_new_name_says_the_id_is_no_journeys(tree_dir: Path) -> None:
    """It said only that the name was very like a journey's (import with --confirm-new)."""
    assert _refused(tree_dir, {"C2": "ik-betaaal", "B2": "Ik betaal mijn facturen"}) == [
        "refused: Klantreizen!C2: 'ik-betaaal' is no journey's id, nor an old id in a journey's "
        "aliases, and Klantreizen!B2 'Ik betaal mijn facturen' is very like 'Ik betaal mijn "
        "factuur' (ik-betaal): if the row means that journey, write its id ik-betaal (a new "
        "name beside it renames it); to create a new journey 'ik-betaaal', import with "
        "--confirm-new"
    ]
