"""Measurements in full: rows that lack a journey or a KPI, which of id and name counts, and
what the plan changes and writes for each measurement."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.framework import check
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.importing import ImportOptions, apply_plan, read_import
from tests.inventory import hostile
from tests.inventory.hostile import inline, row, sheet_xml

BETAAL = "klant-zijn/facturatie/ik-betaal.yaml"


def _read(tree: Path, text: str) -> list[str]:
    """The details of the one change the file makes, or the problems it is refused with."""
    path = tree.parent / "m.csv"
    path.write_text(text, encoding="utf-8")
    try:
        result = read_import(path, check(tree), ImportOptions())
    except Refused as refused:
        return [str(problem) for problem in refused.problems]
    return [detail for change in result.plan.changes for detail in change.details]


ROWS = {
    "no journey": (
        "Klantreis;KPI;Datum;Score\n;nps;30-06-2025;7\n",
        ["m.csv!C2: this row has no journey; fill it in or delete the row"],
    ),
    "no KPI": (
        "Klantreis;KPI;Datum;Score\nik-betaal;;30-06-2025;7\n",
        ["m.csv!C2: this row has no KPI; fill it in or delete the row"],
    ),
    "a journey that is an error value: that, and nothing more": (
        "Klantreis;KPI;Datum;Score\n#N/B;;30-06-2025;7\n",
        [
            "m.csv!A2: the error value #N/B is not a number; fix the formula or write the number "
            "(n.b. where it is not known)"
        ],
    ),
    "the id counts, not the name": (
        "Id;Klantreis;KPI;Datum;Score\nik-betaal;Iets anders;nps;30-06-2025;8\n",
        ["kpis nps 2025-06-30: 3 -> 8"],
    ),
    "a new date, then one there": (
        "Klantreis;KPI;Datum;Score\nik-betaal;nps;31-12-2025;9\nik-betaal;nps;30-06-2025;4\n",
        ["kpis nps 2025-12-31: new, 9", "kpis nps 2025-06-30: 3 -> 4"],
    ),
}


@pytest.mark.parametrize(("text", "expected"), ROWS.values(), ids=list(ROWS))
def test_measurement_rows(tree_dir: Path, text: str, expected: list[str]) -> None:
    assert _read(tree_dir, text) == expected


def _measured(tree: Path, line: str) -> None:
    journey = tree / BETAAL
    text = journey.read_text(encoding="utf-8")
    journey.write_text(text.replace("      - {date: 2025-06-30, value: 3}\n", line), "utf-8")


def test_n_and_source_not_given_leave_those_there_alone(tree_dir: Path) -> None:
    _measured(tree_dir, "      - {date: 2025-06-30, value: 3, n: 312, source: Enquête}\n")
    text = "Klantreis;KPI;Datum;Score\nik-betaal;nps;30-06-2025;4\n"
    assert _read(tree_dir, text) == ["kpis nps 2025-06-30: 3 -> 4"]


def test_a_value_is_written_as_the_file_writes_the_same_number(tree_dir: Path) -> None:
    _measured(tree_dir, "      - {date: 2025-06-30, value: 3.0}\n")
    path = tree_dir.parent / "m.csv"
    path.write_text(
        "Klantreis;KPI;Datum;Score;N\nik-betaal;nps;30-06-2025;3;40\n"
        "ik-betaal;nps;31-07-2025;3;\n"
        "ik-betaal;nps;30-09-2025;12,0;\nik-betaal;nps;31-12-2025;12,5;\n",
        encoding="utf-8",
    )
    apply_plan(tree_dir, read_import(path, check(tree_dir), ImportOptions()).plan)
    text = (tree_dir / BETAAL).read_text(encoding="utf-8")
    assert (
        "      - {date: 2025-06-30, value: 3.0, n: 40}\n"
        "      - {date: 2025-07-31, value: 3}\n"
        "      - {date: 2025-09-30, value: 12}\n"
        "      - {date: 2025-12-31, value: 12.5}\n"
    ) in text


def test_a_number_cell_of_a_whole_number_is_written_whole(tree_dir: Path) -> None:
    cells = [inline("ik-betaal"), inline("nps"), inline("30-09-2025"), "<c><v>12.0</v></c>"]
    rows = [row(1, map(inline, ["Klantreis", "KPI", "Datum", "Score"])).encode(), row(2, cells).encode()]  # fmt: skip
    path = hostile.write_xlsx(tree_dir.parent / "m.xlsx", [sheet_xml(rows)])
    apply_plan(tree_dir, read_import(path, check(tree_dir), ImportOptions()).plan)
    assert "      - {date: 2025-09-30, value: 12}\n" in (tree_dir / BETAAL).read_text("utf-8")
