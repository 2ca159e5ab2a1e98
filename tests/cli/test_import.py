"""`journeyctl import` on the command line: exit codes, stdout and stderr together."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from tests.inventory.conftest import FIXTURES, fifo, snapshot

MESSY = str(FIXTURES / "messy.xlsx")


def test_dry_run_prints_the_plan_and_writes_nothing(tree_dir: Path) -> None:
    before = snapshot(tree_dir)
    result = CliRunner().invoke(
        app, ["import", MESSY, "--root", str(tree_dir), "--dry-run", "--estimates"]
    )
    assert (result.exit_code, result.stderr) == (0, "")
    # In the framework's language (Dutch), with its numbers.
    assert result.stdout == (
        "Proefdraai: messy.xlsx gelezen als een inventarisatie; er is niets geschreven.\n"
        "Aan te maken: 1\n"
        "  + klant-zijn/facturatie/ik-vraag-een-kopie-van-mijn-factuur.yaml\n"
        "      eigenaar: jan\n"
        "      volumes 2024: klanten 300, contacten 90\n"
        "      volumes 2024 bron: messy.xlsx, Klantenservice\n"
        "      volumes 2025: klanten 4.000 (geschat), contacten 1.500\n"
        "      volumes 2025 bron: messy.xlsx, Klantenservice\n"
        "      opmerkingen: + 'schatting' (Klantenservice!I7)\n"
        "Bij te werken: 1\n"
        "  ~ klant-zijn/facturatie/ik-betaal.yaml\n"
        "      volumes 2025 klanten: 1.000 -> 1.200\n"
        "      volumes 2025 bron: - -> messy.xlsx, Klantenservice\n"
        "      opmerkingen: + 'geteld' (Klantenservice!I6)\n"
        "Ongewijzigd: 1 klantreis(en)\n"
        "Gelezen bladen: Klantenservice; niet gelezen (geen kopregel gevonden): Toelichting\n"
        "Overgeslagen rijen: 2 subtotaal, 1 leeg\n"
        "Niet bekend (n.b., onbekend, ?, -, leeg): 4 cel(len); daarvoor is geen waarde bewaard\n"
    )
    english = CliRunner().invoke(
        app, ["import", MESSY, "--root", str(tree_dir), "--dry-run", "--estimates", "--lang", "en"]
    )
    assert (english.exit_code, english.stderr) == (0, "")
    assert english.stdout.splitlines()[:7] == [
        "Dry run: messy.xlsx read as an inventory; nothing was written.",
        "To create: 1",
        "  + klant-zijn/facturatie/ik-vraag-een-kopie-van-mijn-factuur.yaml",
        "      owner: jan",
        "      volumes 2024: customers 300, contacts 90",
        "      volumes 2024 source: messy.xlsx, Klantenservice",
        "      volumes 2025: customers 4,000 (estimated), contacts 1,500",
    ]
    assert snapshot(tree_dir) == before


def test_import_then_again_says_nothing_to_change(tree_dir: Path) -> None:
    runner = CliRunner()
    argv = ["import", MESSY, "--root", str(tree_dir), "--estimates"]
    first = runner.invoke(app, argv)
    assert first.exit_code == 0
    assert first.stdout.startswith(
        "messy.xlsx geïmporteerd als een inventarisatie: 1 aangemaakt, 1 bijgewerkt, "
        "1 ongewijzigd.\n"
    )
    second = runner.invoke(app, argv)
    assert (second.exit_code, second.stderr) == (0, "")
    assert second.stdout.startswith(
        "Niets te wijzigen: messy.xlsx (een inventarisatie) zegt wat de bestanden al zeggen "
        "(3 klantreis(en) ongewijzigd).\n"
    )
    assert runner.invoke(app, ["validate", "--root", str(tree_dir)]).exit_code == 0


def test_a_refused_import_lists_every_cell_on_stderr_and_exits_1(tree_dir: Path) -> None:
    before = snapshot(tree_dir)
    result = CliRunner().invoke(
        app, ["import", str(FIXTURES / "bad_cells.xlsx"), "--root", str(tree_dir)]
    )
    assert (result.exit_code, result.stdout) == (1, "")
    lines = result.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == ["geweigerd"] * 4 + ["fout"]
    assert lines[0].startswith("geweigerd: Inventaris!D2: de foutwaarde #DIV/0! is geen getal")
    assert lines[-1] == "fout: bad_cells.xlsx is niet geïmporteerd; er is niets geschreven"
    assert snapshot(tree_dir) == before


# A file journeyctl cannot import, as it reaches the command line: (where it comes from,
# the name it is given) -> the exit code and the start of the one line on stderr. Exit 1:
# the file was read and refused; exit 2: the command was given something that is no file
# to import (a folder, another format by its name).
WRONG_FILES = {
    "encrypted": (
        ("encrypted.xlsx", "encrypted.xlsx"),
        1,
        "refused: encrypted.xlsx: this workbook is protected with a password, which "
        "journeyctl cannot read; open it, save a copy as .xlsx without a password",
    ),
    "empty": (("empty.xlsx", "leeg.xlsx"), 1, "refused: leeg.xlsx: the file is empty (0 bytes)"),
    "empty csv": (("empty.xlsx", "leeg.csv"), 1, "refused: leeg.csv: the file is empty"),
    "zip without content types": (
        ("no_content_types.xlsx", "x.xlsx"),
        1,
        "refused: x.xlsx: this is a zip archive but not an .xlsx workbook (it has no "
        "[Content_Types].xml)",
    ),
    "truncated": (("truncated.xlsx", "t.xlsx"), 1, "refused: t.xlsx: this workbook is damaged"),
    "xlsx named csv": (
        ("bad_cells.xlsx", "lijst.csv"),
        1,
        "refused: lijst.csv: this is a zip file (an .xlsx workbook?), not CSV: name it .xlsx",
    ),
    "xls named csv": (
        ("old_xls.xlsx", "lijst.csv"),
        1,
        "refused: lijst.csv: this is an Excel 97-2003 or password-protected workbook, not CSV",
    ),
    "xls": (
        ("old_xls.xlsx", "lijst.xls"),
        2,
        "is an Excel 97-2003 workbook; journeyctl imports .xlsx workbooks and .csv files: "
        "save it as Excel Workbook (.xlsx) or CSV UTF-8 (.csv)",
    ),
    "ods": (("ods.xlsx", "lijst.ods"), 2, "is an OpenDocument spreadsheet; journeyctl imports"),
    "folder": ((None, "map.xlsx"), 2, "is a folder, not a file; give the path of an .xlsx"),
}


@pytest.mark.slow
@pytest.mark.parametrize(("given", "code", "says"), WRONG_FILES.values(), ids=list(WRONG_FILES))
def test_a_file_that_cannot_be_imported_is_one_line_with_the_contracts_exit_code(
    tree_dir: Path, tmp_path: Path, given: tuple[str | None, str], code: int, says: str
) -> None:
    fixture, name = given
    target = tmp_path / name
    if fixture is None:
        target.mkdir()
    else:
        shutil.copyfile(FIXTURES / fixture, target)
    before = snapshot(tree_dir)
    result = CliRunner().invoke(
        app, ["import", str(target), "--root", str(tree_dir), "--lang", "en"]
    )
    assert (result.exit_code, result.stdout) == (code, "")
    first, *rest = result.stderr.splitlines()
    assert says in first, first
    if code == 1:
        assert first.startswith(says)
        assert rest == [f"error: {name} was not imported; nothing was written"]
    else:
        assert (first.startswith("error: "), rest) == (True, [])
    assert snapshot(tree_dir) == before


def test_measurements_csv(tree_dir: Path) -> None:
    result = CliRunner().invoke(
        app, ["import", str(FIXTURES / "metingen.csv"), "--root", str(tree_dir), "--lang", "en"]
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Imported metingen.csv as measurements: 0 created, 1 updated, 0 unchanged.\n"
        "Sheets read: metingen.csv\n"
    )


def test_usage_errors_exit_2(tree_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["import", str(tmp_path / "nope.xlsx"), "--root", str(tree_dir)])
    assert (missing.exit_code, missing.stdout) == (2, "")
    assert "nope.xlsx': file not found" in missing.stderr
    odd = tmp_path / "lijst.ods"
    odd.write_bytes(b"x")
    result = runner.invoke(app, ["import", str(odd), "--root", str(tree_dir)])
    assert result.exit_code == 2
    assert "imports .xlsx workbooks and .csv files" in result.stderr
    period = runner.invoke(app, ["import", MESSY, "--root", str(tree_dir), "--period", "25"])
    assert period.exit_code == 2
    assert period.stderr.startswith("error: --period '25' is not a period")
    sheet = runner.invoke(app, ["import", MESSY, "--root", str(tree_dir), "--sheet", "X"])
    assert sheet.exit_code == 2
    assert sheet.stderr.startswith("error: --sheet 'X': no such sheet in messy.xlsx; it has")


def test_a_status_changed_in_the_exported_workbook_is_imported(tree_dir: Path) -> None:
    from openpyxl import load_workbook

    runner = CliRunner()
    exported = tree_dir.parent / "inventaris.xlsx"
    made = runner.invoke(app, ["export", "--root", str(tree_dir), "--out", str(exported)])
    assert made.exit_code == 0, made.stderr
    workbook = load_workbook(exported)
    sheet = workbook.worksheets[0]
    assert (sheet["C2"].value, sheet["G2"].value) == ("ik-betaal", "geïnventariseerd")
    sheet["G2"] = "vervallen"
    workbook.save(exported)
    argv = ["import", str(exported), "--root", str(tree_dir), "--lang", "en"]
    dry = runner.invoke(app, [*argv, "--dry-run"])
    assert (dry.exit_code, dry.stderr) == (0, "")
    assert dry.stdout == (
        "Dry run: inventaris.xlsx read as an inventory; nothing was written.\n"
        "To create: 0\n"
        "To update: 1\n"
        "  ~ klant-zijn/facturatie/ik-betaal.yaml\n"
        "      status: listed -> retired\n"
        "Unchanged: 1 journey(s)\n"
        "Sheets read: Klantreizen; not read (no header found): Toelichting\n"
        "Ignored columns: Klantreizen!A (Positie), Klantreizen!L (Contacten per klant), "
        "Klantreizen!M (Score)\n"
    )
    done = runner.invoke(app, argv)
    assert done.exit_code == 0
    assert done.stdout.startswith(
        "Imported inventaris.xlsx as an inventory: 0 created, 1 updated, 1 unchanged.\n"
    )
    assert "\nstatus: retired\n" in (tree_dir / "klant-zijn/facturatie/ik-betaal.yaml").read_text(
        encoding="utf-8"
    )


@pytest.mark.slow
def test_a_name_changed_in_the_exported_workbook_renames_the_journey(tree_dir: Path) -> None:
    from openpyxl import load_workbook

    runner = CliRunner()
    exported = tree_dir.parent / "inventaris.xlsx"
    made = runner.invoke(app, ["export", "--root", str(tree_dir), "--out", str(exported)])
    assert made.exit_code == 0, made.stderr
    workbook = load_workbook(exported)
    sheet = workbook.worksheets[0]
    assert [sheet[cell].value for cell in ("B2", "C2", "B3", "C3")] == [
        "Ik betaal mijn factuur", "ik-betaal", "Ik meld me aan", "ik-meld-me-aan",
    ]  # fmt: skip
    sheet["B2"] = "Ik betaal mijn rekening"
    sheet["B3"] = "Ik Betaal Mijn Rekening"  # the new name of the row above
    workbook.save(exported)
    before = snapshot(tree_dir)
    argv = ["import", str(exported), "--root", str(tree_dir), "--lang", "en"]
    refused = runner.invoke(app, argv)
    assert (refused.exit_code, refused.stdout) == (1, "")
    assert refused.stderr == (
        "refused: Klantreizen!B3: 'Ik Betaal Mijn Rekening' cannot be the name of "
        "ik-meld-me-aan: Klantreizen!B2 gives it to journey ik-betaal; a name names one "
        "journey: write another, or leave the cell as it was\n"
        "error: inventaris.xlsx was not imported; nothing was written\n"
    )
    assert snapshot(tree_dir) == before

    sheet["B3"] = "Ik meld me aan"
    workbook.save(exported)
    dry = runner.invoke(app, [*argv, "--dry-run"])
    assert (dry.exit_code, dry.stderr) == (0, "")
    assert dry.stdout == (
        "Dry run: inventaris.xlsx read as an inventory; nothing was written.\n"
        "To create: 0\n"
        "To update: 1\n"
        "  ~ klant-zijn/facturatie/ik-betaal.yaml\n"
        "      name: 'Ik betaal mijn factuur' -> 'Ik betaal mijn rekening'\n"
        "      aliases: + 'Ik betaal mijn factuur'\n"
        "Unchanged: 1 journey(s)\n"
        "Sheets read: Klantreizen; not read (no header found): Toelichting\n"
        "Ignored columns: Klantreizen!A (Positie), Klantreizen!L (Contacten per klant), "
        "Klantreizen!M (Score)\n"
    )
    done = runner.invoke(app, argv)
    assert done.exit_code == 0
    assert done.stdout.startswith(
        "Imported inventaris.xlsx as an inventory: 0 created, 1 updated, 1 unchanged.\n"
    )
    text = (tree_dir / "klant-zijn/facturatie/ik-betaal.yaml").read_text(encoding="utf-8")
    assert "\nname: Ik betaal mijn rekening\naliases: [Ik betaal mijn factuur]\n" in text
    # The client's older sheet, without ids, still says the old name: it finds the journey.
    older = tree_dir.parent / "ouder.csv"
    older.write_text(
        "Klantreis;Fase;Cluster;Jaar;Klanten;Contacten\n"
        "Ik betaal mijn factuur;Klant zijn;facturatie;2025;1000;250\n",
        encoding="utf-8",
    )
    again = runner.invoke(app, ["import", str(older), "--root", str(tree_dir), "--lang", "en"])
    assert (again.exit_code, again.stderr) == (0, "")
    assert again.stdout.startswith(
        "Imported ouder.csv as an inventory: 0 created, 1 updated, 0 unchanged.\n"
    )


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.mark.slow
@needs_fifo
@pytest.mark.parametrize("name", ["lijst.csv", "lijst.xlsx"])
def test_a_named_pipe_is_said_as_what_it_is_exit_2_and_never_read(
    tree_dir: Path, tmp_path: Path, name: str
) -> None:
    before = snapshot(tree_dir)
    with fifo(tmp_path / name) as pipe:
        result = CliRunner().invoke(app, ["import", str(pipe.path), "--root", str(tree_dir)])
    assert (result.exit_code, result.stdout, pipe.opened) == (2, "", False)
    assert result.stderr == (
        f"error: '{pipe.path}' is a named pipe (FIFO), not a file; import reads no pipe or "
        "device: save the data as an .xlsx or .csv file and give its path\n"
    )
    assert snapshot(tree_dir) == before


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_said_as_what_it_is_exit_2(tree_dir: Path) -> None:
    result = CliRunner().invoke(app, ["import", "/dev/zero", "--root", str(tree_dir)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: '/dev/zero' is a character device, not a file; ")
    assert result.stderr.count("\n") == 1


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/stdin").exists(), reason="no /dev/stdin here")
def test_standard_input_is_not_read_but_said_to_be_a_pipe(tree_dir: Path) -> None:
    """`... | journeyctl import /dev/stdin`: the pipe is named, its data left unread."""
    script = shutil.which("journeyctl", path=str(Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run(
        [script, "import", "/dev/stdin", "--root", str(tree_dir)],
        input=(FIXTURES / "metingen.csv").read_bytes(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.startswith(b"error: '/dev/stdin' is a named pipe (FIFO), not a file; ")


def test_the_summary_names_a_hidden_sheet_it_did_not_read(tree_dir: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["import", str(FIXTURES / "hidden_sheet.xlsx"), "--root", str(tree_dir), "--lang", "en"],
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Nothing to change: hidden_sheet.xlsx (an inventory) says what the tree says "
        "(1 journey(s) unchanged).\n"
        "Sheets read: Inventaris; hidden, not read: Oud (--sheet NAME reads one)\n"
    )


NOT_CALCULATED = (
    "has no calculated value: the workbook was saved by a program that did not calculate its "
    "formulas; open and save it in Excel or LibreOffice first, then import it again"
)


def test_formulas_a_program_stored_as_0_are_refused_one_line_each(tree_dir: Path) -> None:
    # XlsxWriter's workbook: 0 stored with every formula, to be calculated on opening
    before = snapshot(tree_dir)
    result = CliRunner().invoke(
        app,
        [
            "import",
            str(FIXTURES / "formulas_not_calculated.xlsx"),
            "--root",
            str(tree_dir),
            "--lang",
            "en",
        ],
    )
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"refused: Inventaris!D2: the formula =1000+200 {NOT_CALCULATED}\n"
        f"refused: Inventaris!F2: the formula =LEN(A2) {NOT_CALCULATED}\n"
        f"refused: Inventaris!E3: the formula =D3*0.8 {NOT_CALCULATED}\n"
        "error: formulas_not_calculated.xlsx was not imported; nothing was written\n"
    )
    assert snapshot(tree_dir) == before


def test_a_1904_workbook_gives_the_dates_its_cells_show(tree_dir: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "import",
            str(FIXTURES / "dates_1904.xlsx"),
            "--root",
            str(tree_dir),
            "--dry-run",
            "--lang",
            "en",
        ],
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Dry run: dates_1904.xlsx read as measurements; nothing was written.\n"
        "To create: 0\n"
        "To update: 1\n"
        "  ~ klant-zijn/facturatie/ik-betaal.yaml\n"
        "      kpis nps 2025-06-30: 3 -> 7\n"
        "      kpis nps 2025-09-30: new, 9\n"
        "      kpis nps 2025-12-31: new, 12\n"
        "Unchanged: 0 journey(s)\n"
        "Sheets read: Metingen\n"
    )


def _shown_on_stderr(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: object = None,
    line: str | None = None,
) -> None:
    """As Python shows a warning outside the tests: on the stderr of the moment."""
    sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def test_openpyxl_warnings_never_reach_the_terminal(tree_dir: Path) -> None:
    # The workbook makes openpyxl warn (a number past the last date in a date format, in a
    # column import does not read). Shown as Python shows warnings outside the tests (the
    # tests make each an error, or record it), a warning would be on stderr.
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = _shown_on_stderr
        result = CliRunner().invoke(
            app,
            [
                "import",
                str(FIXTURES / "openpyxl_warns.xlsx"),
                "--root",
                str(tree_dir),
                "--lang",
                "en",
            ],
        )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Imported openpyxl_warns.xlsx as an inventory: 0 created, 1 updated, 0 unchanged.\n"
        "Sheets read: Inventaris\n"
        "Ignored columns: Inventaris!F (Bijgewerkt)\n"
    )


def test_a_windows_1252_csv_is_imported_and_the_summary_says_so(tree_dir: Path) -> None:
    path = tree_dir.parent / "excel.csv"
    path.write_bytes(
        "Klantreis;Fase;Cluster;Periode;Klanten;Contacten;Opmerkingen\r\n"
        "Ik betaal mijn factuur;Klant zijn;facturatie;2025;1.000;200;Geëxporteerd\r\n".encode(
            "cp1252"
        )
    )
    result = CliRunner().invoke(app, ["import", str(path), "--root", str(tree_dir), "--dry-run"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert "      opmerkingen: + 'Geëxporteerd' (excel.csv!G2)\n" in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "Gelezen bladen: excel.csv; gelezen als Windows-1252, want het bestand is geen UTF-8"
    )


def test_sheet_names_the_others_as_not_chosen_not_as_without_header(tree_dir: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "import",
            MESSY,
            "--root",
            str(tree_dir),
            "--sheet",
            "Klantenservice",
            "--dry-run",
            "--estimates",
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 0
    assert (
        "Sheets read: Klantenservice; not read (--sheet chose another): Toelichting\n"
        in result.stdout
    )


def test_number_format_reads_the_client_s_numbers_in_an_english_framework(
    tree_dir: Path,
) -> None:
    framework = tree_dir / "framework.yaml"
    framework.write_text(
        framework.read_text(encoding="utf-8").replace("language: nl", "language: en"), "utf-8"
    )
    path = tree_dir.parent / "d.csv"
    path.write_text(
        "Klantreis;Fase;Cluster;Periode;Klanten;Contacten\n"
        "Ik betaal mijn factuur;Klant zijn;facturatie;2025;402.000;1.200\n",
        encoding="utf-8",
    )
    argv = ["import", str(path), "--root", str(tree_dir), "--dry-run"]
    refused = CliRunner().invoke(app, argv)
    assert refused.exit_code == 1
    assert refused.stderr.startswith("refused: d.csv!E2: '402.000' is ambiguous")
    read = CliRunner().invoke(app, [*argv, "--number-format", "nl"])
    assert (read.exit_code, read.stderr) == (0, "")
    assert "      volumes 2025 customers: 1,000 -> 402,000\n" in read.stdout
    assert "      volumes 2025 contacts: 200 -> 1,200\n" in read.stdout
