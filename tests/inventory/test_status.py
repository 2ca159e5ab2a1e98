"""The status column: a journey's status, read by its value or its label in either language,
written to the journey file where it changes, refused with its cell where it names none."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from journeyctl.framework import check
from journeyctl.inventory import values
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.export import export_bytes, export_table
from journeyctl.inventory.importing import apply_plan
from journeyctl.inventory.words import say
from tests.inventory.conftest import plan_import, snapshot

PAY = "klant-zijn/facturatie/ik-betaal.yaml"
JOIN = "klant-worden/aanmelden/ik-meld-me-aan.yaml"
HEADER = "Klantreis;Fase;Cluster;Status\n"


def _csv(folder: Path, rows: str, header: str = HEADER) -> Path:
    path = folder / "lijst.csv"
    path.write_text(header + rows, encoding="utf-8")
    return path


def _refused(root: Path, path: Path) -> list[tuple[str, str]]:
    with pytest.raises(Refused) as refused:
        plan_import(root, path)
    return [(p.where, str(p.message)) for p in refused.value.problems]


def test_a_status_edited_in_the_exported_workbook_is_written_to_its_journey(
    tree_dir: Path,
) -> None:
    """The user's case: export, change a Status cell to `vervallen`, import."""
    workbook = load_workbook(
        io.BytesIO(export_bytes(export_table(check(tree_dir), None, None), "xlsx"))
    )
    sheet = workbook.worksheets[0]
    assert (sheet["G1"].value, sheet["C2"].value, sheet["G2"].value) == (
        "Status",
        "ik-betaal",
        "geïnventariseerd",
    )
    sheet["G2"] = "vervallen"
    exported = tree_dir.parent / "export.xlsx"
    workbook.save(exported)
    before = (tree_dir / PAY).read_text(encoding="utf-8")

    result = plan_import(tree_dir, exported)
    assert not any("Status" in column for column in result.ignored_columns)
    (change,) = result.plan.changes
    assert (change.relative, change.details) == (PAY, ["status: listed -> retired"])
    assert [say(detail, "nl") for detail in change.details] == [
        "status: geïnventariseerd -> vervallen"
    ]
    assert result.plan.unchanged == ["ik-meld-me-aan"]
    apply_plan(tree_dir, result.plan)
    assert (tree_dir / PAY).read_text(encoding="utf-8") == before.replace(
        "status: listed\n", "status: retired\n"
    )
    written = snapshot(tree_dir)
    assert plan_import(tree_dir, exported).plan.changes == []  # imported again: nothing to change
    assert snapshot(tree_dir) == written


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("retired", "retired"),
        ("Vervallen", "retired"),
        (" VERVALLEN ", "retired"),
        ("in kaart gebracht", "mapped"),
        ("In Kaart Gebracht", "mapped"),
        ("Mapped", "mapped"),
        ("wordt gevolgd", "monitoring"),
        ("improving", "improving"),
    ],
)
def test_a_status_by_its_value_or_its_label_in_either_language_whatever_the_case(
    tree_dir: Path, written: str, status: str
) -> None:
    path = _csv(tree_dir.parent, f"Ik betaal mijn factuur;Klant zijn;facturatie;{written}\n")
    (change,) = plan_import(tree_dir, path).plan.changes
    assert change.details == [f"status: listed -> {status}"]
    assert f"\nstatus: {status}\n" in change.new


@pytest.mark.parametrize("written", ["listed", "geïnventariseerd", "GEINVENTARISEERD", "", "n.b."])
def test_the_status_the_file_has_or_no_status_changes_nothing(tree_dir: Path, written: str) -> None:
    path = _csv(tree_dir.parent, f"Ik betaal mijn factuur;Klant zijn;facturatie;{written}\n")
    result = plan_import(tree_dir, path)
    assert (result.plan.changes, result.plan.unchanged) == ([], ["ik-betaal"])


def test_an_unknown_status_is_refused_with_its_cell_and_the_choices(tree_dir: Path) -> None:
    path = _csv(
        tree_dir.parent,
        "Ik betaal mijn factuur;Klant zijn;facturatie;vervalen\n"
        "Ik meld me aan;Klant worden;aanmelden;afgerond\n",
    )
    before = snapshot(tree_dir)
    with pytest.raises(Refused) as refused:
        plan_import(tree_dir, path)
    first, second = refused.value.problems
    choices = "listed, mapped, improving, monitoring or retired"
    other = "if the column holds something else, give it another header"
    assert (first.where, str(first.message)) == (
        "lijst.csv!D2",
        f"'vervalen' is not a journey status; did you mean 'vervallen'? write {choices}; {other}",
    )
    assert (second.where, str(second.message)) == (
        "lijst.csv!D3",
        f"'afgerond' is not a journey status; write {choices}; {other}",
    )
    assert say(second.message, "nl") == (
        "'afgerond' is geen status van een klantreis; schrijf geïnventariseerd (listed), in "
        "kaart gebracht (mapped), wordt verbeterd (improving), wordt gevolgd (monitoring) of "
        "vervallen (retired); bevat de kolom iets anders, geef die dan een andere kop"
    )
    assert snapshot(tree_dir) == before


def test_a_file_without_a_status_gets_it_where_the_model_lists_it(tree_dir: Path) -> None:
    """ik-meld-me-aan writes no status (listed, the default): it goes before contact_reasons."""
    path = _csv(tree_dir.parent, "Ik meld me aan;Klant worden;aanmelden;in kaart gebracht\n")
    before = (tree_dir / JOIN).read_text(encoding="utf-8")
    result = plan_import(tree_dir, path)
    assert result.plan.changes[0].details == ["status: listed -> mapped"]
    apply_plan(tree_dir, result.plan)
    assert (tree_dir / JOIN).read_text(encoding="utf-8") == before.replace(
        "owner: jan\n", "owner: jan\nstatus: mapped\n"
    )
    assert check(tree_dir).usable


def test_a_new_journey_takes_the_status_of_its_row(tree_dir: Path) -> None:
    path = _csv(
        tree_dir.parent,
        "Ik zeg mijn contract op;Klant zijn;facturatie;wordt gevolgd\n"
        "Ik vraag een kopie aan;Klant zijn;facturatie;\n",
    )
    followed, plain = plan_import(tree_dir, path).plan.created
    assert "\nstatus: monitoring\n" in followed.new
    assert followed.details == ["status: monitoring"]
    assert [say(detail, "nl") for detail in followed.details] == ["status: wordt gevolgd"]
    assert ("\nstatus: listed\n" in plain.new, plain.details) == (True, [])


def test_two_rows_of_one_journey_that_give_two_statuses_are_refused(tree_dir: Path) -> None:
    header = "Klantreis;Fase;Cluster;Status;Periode;Klanten;Contacten\n"
    path = _csv(
        tree_dir.parent,
        "Ik betaal mijn factuur;Klant zijn;facturatie;vervallen;2024;900;100\n"
        "Ik betaal mijn factuur;Klant zijn;facturatie;in kaart gebracht;2025;1000;200\n",
        header,
    )
    assert _refused(tree_dir, path) == [
        (
            "lijst.csv!A3",
            "duplicate journey: lijst.csv!A2 names it too (status); keep one row per journey "
            "and period",
        )
    ]
    same = _csv(
        tree_dir.parent,
        "Ik betaal mijn factuur;Klant zijn;facturatie;vervallen;2024;900;100\n"
        "Ik betaal mijn factuur;Klant zijn;facturatie;Retired;2025;1000;200\n",
        header,
    )
    (change,) = plan_import(tree_dir, same).plan.changes
    assert change.details[0] == "status: listed -> retired"


def test_a_status_column_of_measurements_is_named_as_ignored(tree_dir: Path) -> None:
    path = _csv(
        tree_dir.parent,
        "ik-betaal;nps;2025-09-30;7;vervalen\n",
        "Klantreis;KPI;Datum;Waarde;Status\n",
    )
    result = plan_import(tree_dir, path)
    assert result.kind == "measurements"
    assert result.ignored_columns == ["lijst.csv!E (Status)"]


def test_a_status_is_read_as_rank_status_reads_it() -> None:
    """Import and rank read a status by the one reading of `journeyctl.text.statuses`: every
    status, every label in every language and any case alike."""
    from journeyctl.rank.choices import resolve_status
    from journeyctl.text import LANGUAGES, label
    from journeyctl.text.statuses import STATUSES

    for status in STATUSES:
        for lang in LANGUAGES:
            for written in (status, label(f"journey_status.{status}", lang)):
                for shown in (written, written.upper(), f" {written.title()} "):
                    assert values.journey_status(shown) == resolve_status(shown) == status
