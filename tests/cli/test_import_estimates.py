"""An import that turns a counted number into an estimate says so in its summary, not only
in the dry run; the file then marks that value, not the other."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from journeyctl.cli.app import app

HEADER = "Klantreis;Fase;Cluster;Periode;Klanten;Contacten\n"
ROW = "Ik betaal mijn factuur;Klant zijn;facturatie;2025;ca. 1.000;200\n"
BETAAL = "klant-zijn/facturatie/ik-betaal.yaml"


def test_the_summary_names_each_counted_number_an_estimate_replaces(
    tree_dir: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "schatting.csv"
    sheet.write_text(HEADER + ROW, encoding="utf-8")
    journey = tree_dir / BETAAL  # 2025: 1,000 customers and 200 contacts, counted
    argv = ["import", str(sheet), "--root", str(tree_dir), "--estimates", "--lang", "en"]
    result = CliRunner().invoke(app, argv)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Imported schatting.csv as an inventory: 0 created, 1 updated, 0 unchanged.\n"
        "Sheets read: schatting.csv\n"
        "Estimates replacing counted numbers: 1 (ik-betaal 2025 customers); rank and the pages "
        "mark them ~\n"
    )
    assert "estimated: [customers]" in journey.read_text(encoding="utf-8")
    again = CliRunner().invoke(app, argv)  # now an estimate already: nothing to say
    assert (again.exit_code, "Estimates replacing" in again.stdout) == (0, False)
