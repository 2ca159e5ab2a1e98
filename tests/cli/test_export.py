"""`journeyctl export` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "journeys"


def test_export_writes_the_file_and_says_so(tree_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "inventaris.xlsx"
    result = CliRunner().invoke(app, ["export", "--root", str(tree_dir), "--out", str(out)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"Exported 2 journeys (period 2025) to {out}\n"
    assert out.read_bytes().startswith(b"PK\x03\x04")


def test_csv_by_option_or_suffix(tree_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for name, extra in (("a.csv", []), ("b.txt", ["--format", "csv"])):
        out = tmp_path / name
        result = runner.invoke(app, ["export", "--root", str(tree_dir), "--out", str(out), *extra])
        assert result.exit_code == 0, result.stderr
        assert out.read_text(encoding="utf-8").startswith("rank,journey,id,")


def test_export_into_the_tree_or_a_missing_folder_is_refused(
    tree_dir: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    inside = runner.invoke(
        app, ["export", "--root", str(tree_dir), "--out", str(tree_dir / "x.xlsx")]
    )
    assert (inside.exit_code, inside.stdout) == (2, "")
    assert inside.stderr.startswith("error: --out cannot write")
    assert "inside the framework's root" in inside.stderr
    missing = runner.invoke(
        app, ["export", "--root", str(tree_dir), "--out", str(tmp_path / "no/x.xlsx")]
    )
    assert missing.exit_code == 2
    assert "does not exist" in missing.stderr
    assert not (tree_dir / "x.xlsx").exists()


def test_the_workbook_prints_landscape_on_one_page_wide(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "inventaris.xlsx"
    result = CliRunner().invoke(app, ["export", "--root", str(EXAMPLE), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(out).worksheets[0]
    setup = sheet.page_setup
    assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.print_title_rows == "$1:$1"


@pytest.mark.parametrize(
    ("name", "extra", "message"),
    [
        (
            "x.pdf",
            [],
            "'x.pdf' ends in .pdf; export writes .xlsx (a workbook) or .csv: name the file so, "
            "or say which with --format xlsx or --format csv",
        ),
        (
            "x",
            [],
            "'x' has no suffix; export writes .xlsx (a workbook) or .csv: name the file so, "
            "or say which with --format xlsx or --format csv",
        ),
        (
            "x.csv",
            ["--format", "xlsx"],
            "'x.csv' ends in .csv, but --format is xlsx; name the file *.xlsx, or leave --format out",
        ),
        (
            "x.XLSX",
            ["--format", "csv"],
            "'x.XLSX' ends in .XLSX, but --format is csv; name the file *.csv, or leave --format out",
        ),
    ],
)
def test_a_file_name_that_says_another_format_is_a_usage_error(
    tree_dir: Path, tmp_path: Path, name: str, extra: list[str], message: str
) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(app, ["export", "--root", str(tree_dir), "--out", str(out), *extra])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: --out {message}\n")
    assert not out.exists()
