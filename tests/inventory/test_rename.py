"""A journey's name changed in the sheet: the row that finds the journey by its id renames it
(its `name:`, through the round-trip edit), the old name joins its `aliases` so that a sheet
that still says it finds the journey, and a name another journey has is refused with its
cell. The file and the id stay as they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from journeyctl.framework import check
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.export import export_bytes, export_table
from journeyctl.inventory.importing import ImportResult, apply_plan
from journeyctl.inventory.words import say
from tests.inventory.conftest import plan_import, snapshot

PAY = "klant-zijn/facturatie/ik-betaal.yaml"
JOIN = "klant-worden/aanmelden/ik-meld-me-aan.yaml"
HEADER = "Id;Klantreis;Fase;Cluster\n"
PAY_ROW = ";Klant zijn;facturatie\n"  # after the id and the name: ik-betaal's place
NAME = "name: Ik betaal mijn factuur\n"


def _csv(folder: Path, rows: str, header: str = HEADER) -> Path:
    path = folder / "lijst.csv"
    path.write_text(header + rows, encoding="utf-8")
    return path


def _refused(root: Path, path: Path) -> list[tuple[str, str]]:
    before = snapshot(root)
    with pytest.raises(Refused) as refused:
        plan_import(root, path)
    assert snapshot(root) == before
    return [(p.where, str(p.message)) for p in refused.value.problems]


def _renamed(root: Path, name: str, journey_id: str = "ik-betaal") -> ImportResult:
    """ik-betaal (or the journey an old id of it finds) renamed by a CSV file."""
    return plan_import(root, _csv(root.parent, f"{journey_id};{name}{PAY_ROW}"))


def _edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def _exported(root: Path, output_format: str = "xlsx") -> Path:
    path = root.parent / f"inventaris.{output_format}"
    table = export_table(check(root), None, None)
    path.write_bytes(export_bytes(table, output_format))  # type: ignore[arg-type]
    return path


def test_a_name_edited_in_the_exported_workbook_renames_its_journey(tree_dir: Path) -> None:
    """The user's case: export, change a name cell (the row found by its Id), import."""
    exported = _exported(tree_dir)
    workbook = load_workbook(exported)
    sheet = workbook.worksheets[0]
    assert (sheet["B1"].value, sheet["C1"].value) == ("Klantreis", "Id")
    assert (sheet["B2"].value, sheet["C2"].value) == ("Ik betaal mijn factuur", "ik-betaal")
    sheet["B2"] = "Ik betaal mijn rekening"
    workbook.save(exported)
    before = (tree_dir / PAY).read_text(encoding="utf-8")
    warnings = [f.rule for f in check(tree_dir).validation.findings]

    result = plan_import(tree_dir, exported)
    (change,) = result.plan.changes
    assert (change.relative, change.details) == (
        PAY,
        [
            "name: 'Ik betaal mijn factuur' -> 'Ik betaal mijn rekening'",
            "aliases: + 'Ik betaal mijn factuur'",
        ],
    )
    assert [say(detail, "nl") for detail in change.details] == [
        "naam: 'Ik betaal mijn factuur' -> 'Ik betaal mijn rekening'",
        "aliassen: + 'Ik betaal mijn factuur'",
    ]
    assert result.plan.unchanged == ["ik-meld-me-aan"]
    apply_plan(tree_dir, result.plan)
    assert (tree_dir / PAY).read_text(encoding="utf-8") == before.replace(
        "name: Ik betaal mijn factuur\n",
        "name: Ik betaal mijn rekening\naliases: [Ik betaal mijn factuur]\n",
    )
    after = check(tree_dir)
    assert after.usable
    assert [f.rule for f in after.validation.findings] == warnings  # no JC309, nothing new
    journey = next(j for j in after.journeys if j.id == "ik-betaal")
    assert (journey.name, journey.aliases) == (
        "Ik betaal mijn rekening",
        ["Ik betaal mijn factuur"],
    )
    written = snapshot(tree_dir)
    assert plan_import(tree_dir, exported).plan.changes == []  # imported again: nothing to change
    assert snapshot(tree_dir) == written


@pytest.mark.parametrize("output_format", ["xlsx", "csv"])
def test_an_unchanged_export_renames_nothing_even_names_export_could_not_write_as_they_are(
    tree_dir: Path, output_format: str
) -> None:
    """A control character is exported as a visible escape, a carriage return comes back
    from a workbook as a line feed, a formula gets an apostrophe: none of them is a rename."""
    hostile = {PAY: "\x1b[31mIk betaal\r\nmijn factuur ", JOIN: "\r=1+1"}
    for relative, name in hostile.items():
        path = tree_dir / relative
        text = path.read_text(encoding="utf-8")
        old = "Ik betaal mijn factuur" if relative == PAY else "Ik meld me aan"
        path.write_text(
            text.replace(f"name: {old}\n", f"name: {json.dumps(name)}\n"), encoding="utf-8"
        )
    assert check(tree_dir).usable
    result = plan_import(tree_dir, _exported(tree_dir, output_format))
    assert (result.plan.changes, sorted(result.plan.unchanged)) == (
        [],
        ["ik-betaal", "ik-meld-me-aan"],
    )


def test_a_csv_with_a_name_column_renames_alike(tree_dir: Path) -> None:
    exported = _exported(tree_dir, "csv")
    text = exported.read_text(encoding="utf-8")
    assert ",Ik meld me aan,ik-meld-me-aan," in text
    exported.write_text(text.replace(",Ik meld me aan,", ",Ik word klant,"), encoding="utf-8")
    (change,) = plan_import(tree_dir, exported).plan.changes
    assert (change.relative, change.details) == (
        JOIN,
        ["name: 'Ik meld me aan' -> 'Ik word klant'", "aliases: + 'Ik meld me aan'"],
    )


def test_a_row_with_the_old_name_and_no_id_finds_the_renamed_journey(tree_dir: Path) -> None:
    """The client's older sheet says the old name: the alias finds the journey, no new
    journey is made beside it and no 'did you mean' refuses the row. Renamed twice, the
    name between (whose slug is no journey's id) is found by its alias too."""
    apply_plan(tree_dir, _renamed(tree_dir, "Ik betaal mijn rekening").plan)
    apply_plan(tree_dir, _renamed(tree_dir, "Rekening betalen").plan)
    assert "\naliases: [Ik betaal mijn factuur, Ik betaal mijn rekening]\n" in (
        tree_dir / PAY
    ).read_text(encoding="utf-8")
    header = "Klantreis;Fase;Cluster;Periode;Klanten;Contacten\n"
    for old in ("Ik betaal mijn factuur", "ik betaal mijn REKENING"):
        path = _csv(tree_dir.parent, f"{old};Klant zijn;facturatie;2025;1100;200\n", header)
        result = plan_import(tree_dir, path)
        assert [c.relative for c in result.plan.changes] == [PAY]
        assert result.plan.changes[0].details == [
            "volumes 2025 customers: 1,000 -> 1,100",
            "volumes 2025 source: - -> lijst.csv",
        ]


def test_the_file_and_the_id_stay_as_they_are(tree_dir: Path) -> None:
    result = _renamed(tree_dir, "Iets heel anders")
    (change,) = result.plan.changes
    assert change.relative == PAY
    assert change.new.startswith("id: ik-betaal\nname: Iets heel anders\n")
    apply_plan(tree_dir, result.plan)
    assert sorted(p.name for p in (tree_dir / "klant-zijn/facturatie").iterdir()) == [
        "ik-betaal.yaml"
    ]


@pytest.mark.parametrize(
    "written", ["", "n.b.", "Ik betaal mijn factuur", "  Ik betaal mijn factuur\u00a0 "]
)
def test_an_empty_name_cell_or_spaces_around_the_name_change_nothing(
    tree_dir: Path, written: str
) -> None:
    result = _renamed(tree_dir, written)
    assert (result.plan.changes, result.plan.unchanged) == ([], ["ik-betaal"])


def test_case_alone_renames_and_adds_no_alias_that_the_name_already_matches(
    tree_dir: Path,
) -> None:
    (change,) = _renamed(tree_dir, "Ik Betaal Mijn Factuur").plan.changes
    assert change.details == ["name: 'Ik betaal mijn factuur' -> 'Ik Betaal Mijn Factuur'"]
    assert "\nname: Ik Betaal Mijn Factuur\nphase:" in change.new
    assert "aliases" not in change.new


def test_a_row_without_an_id_renames_nothing_it_is_found_by_its_name(tree_dir: Path) -> None:
    _edit(tree_dir, PAY, NAME, f"{NAME}aliases: [Betalen]\n")
    csv = _csv(tree_dir.parent, "Betalen;Klant zijn;facturatie\n", "Klantreis;Fase;Cluster\n")
    result = plan_import(tree_dir, csv)
    assert (result.plan.changes, result.plan.unchanged) == ([], ["ik-betaal"])


def test_an_old_id_in_the_id_column_renames_the_journey_that_has_it_as_an_alias(
    tree_dir: Path,
) -> None:
    _edit(tree_dir, PAY, NAME, f"{NAME}aliases: [ik-betaal-oud]\n")
    (change,) = _renamed(tree_dir, "Ik betaal", journey_id="ik-betaal-oud").plan.changes
    assert change.relative == PAY
    assert "\nname: Ik betaal\naliases: [ik-betaal-oud, Ik betaal mijn factuur]\n" in change.new


def test_a_name_another_journey_has_is_refused_with_its_cell_and_that_journey(
    tree_dir: Path,
) -> None:
    """Its name, an alias, or a name whose id is its id (a row without an id that says the
    name would find that journey); whatever the case or accents, as rows are matched. The
    row's Id names one journey and its name cell another's: refused at the Id cell, with
    both (two Id cells swapped read the same)."""
    _edit(tree_dir, JOIN, "name: Ik meld me aan\n", "name: Aanmelding\naliases: [Aanmelden]\n")
    end = "a name names one journey: correct one of the two cells"
    for name, taken in [
        ("AANMELDÍNG", f"it is the name of journey ik-meld-me-aan ({JOIN})"),
        ("aanmelden", f"journey ik-meld-me-aan ({JOIN}) has it in its aliases"),
        (
            "Ik meld me aan",
            f"a row that names it would find journey ik-meld-me-aan ({JOIN}), the id made of it",
        ),
    ]:
        csv = _csv(tree_dir.parent, f"ik-betaal;{name}{PAY_ROW}")
        assert _refused(tree_dir, csv) == [
            (
                "lijst.csv!A2",
                f"lijst.csv!A2 names journey ik-betaal, but lijst.csv!B2 '{name}' is not its "
                f"name: {taken}; {end}",
            )
        ]
    with pytest.raises(Refused) as refused:
        _renamed(tree_dir, "Aanmelden")
    assert say(refused.value.problems[0].message, "nl") == (
        "lijst.csv!A2 noemt klantreis ik-betaal, maar lijst.csv!B2 'Aanmelden' is niet de naam "
        f"daarvan: klantreis ik-meld-me-aan ({JOIN}) heeft het bij zijn aliassen; een naam "
        "hoort bij één klantreis: verbeter een van beide cellen"
    )


def test_one_new_name_for_two_journeys_is_refused_at_the_second(tree_dir: Path) -> None:
    renames = _csv(
        tree_dir.parent,
        f"ik-betaal;Mijn klantreis{PAY_ROW}ik-meld-me-aan;mijn  klantreis;Klant worden;aanmelden\n",
    )
    end = "a name names one journey: write another, or leave the cell as it was"
    assert _refused(tree_dir, renames) == [
        (
            "lijst.csv!B3",
            "'mijn  klantreis' cannot be the name of ik-meld-me-aan: lijst.csv!B2 gives it to "
            f"journey ik-betaal; {end}",
        )
    ]
    # a new journey of the same sheet with the name a rename gives: refused, either way round
    for rows in (
        f"ik-betaal;Mijn klantreis{PAY_ROW};Mijn klantreis;Klant zijn;facturatie\n",
        f";Mijn klantreis;Klant zijn;facturatie\nik-betaal;Mijn klantreis{PAY_ROW}",
    ):
        (problem,) = _refused(tree_dir, _csv(tree_dir.parent, rows))
        assert problem[0] == "lijst.csv!B3"
        assert "gives it to journey" in problem[1]


def test_two_rows_of_one_journey_that_give_two_names_are_refused(tree_dir: Path) -> None:
    header = "Id;Klantreis;Fase;Cluster;Periode;Klanten;Contacten\n"
    rows = (
        "ik-betaal;Ik betaal mijn factuur;Klant zijn;facturatie;2024;900;100\n"
        "ik-betaal;Ik betaal mijn rekening;Klant zijn;facturatie;2025;1000;200\n"
    )
    assert _refused(tree_dir, _csv(tree_dir.parent, rows, header)) == [
        (
            "lijst.csv!B3",
            "duplicate journey: lijst.csv!B2 names it too (name); keep one row per journey "
            "and period",
        )
    ]


def test_a_new_name_that_is_one_of_its_aliases_is_the_name_and_the_old_one_joins_them(
    tree_dir: Path,
) -> None:
    """An older export of a journey renamed since: the sheet's name is the truth, as its
    figures and status are; no name is lost, every one of them still finds the journey."""
    apply_plan(tree_dir, _renamed(tree_dir, "Ik betaal mijn rekening").plan)
    result = _renamed(tree_dir, "Ik betaal mijn factuur")
    (change,) = result.plan.changes
    assert change.details == [
        "name: 'Ik betaal mijn rekening' -> 'Ik betaal mijn factuur'",
        "aliases: - 'Ik betaal mijn factuur'",
        "aliases: + 'Ik betaal mijn rekening'",
    ]
    # The name leaves the aliases: a journey's aliases never hold its own name.
    assert "\nname: Ik betaal mijn factuur\naliases: [Ik betaal mijn rekening]\n" in change.new
    apply_plan(tree_dir, result.plan)
    assert _renamed(tree_dir, "Ik betaal mijn factuur").plan.changes == []


def test_a_name_back_to_one_of_several_aliases_takes_only_that_one_out(tree_dir: Path) -> None:
    _edit(
        tree_dir,
        PAY,
        NAME,
        "name: Ik betaal mijn rekening\naliases:\n  - Betalen  # Facturatie\n"
        "  - IK BETAAL MIJN FACTUUR\n  - Factuur voldoen\n",
    )
    (change,) = _renamed(tree_dir, "Ik betaal mijn factuur").plan.changes
    assert change.details == [
        "name: 'Ik betaal mijn rekening' -> 'Ik betaal mijn factuur'",
        "aliases: - 'IK BETAAL MIJN FACTUUR'",
        "aliases: + 'Ik betaal mijn rekening'",
    ]
    assert (
        "name: Ik betaal mijn factuur\naliases:\n  - Betalen  # Facturatie\n"
        "  - Factuur voldoen\n  - Ik betaal mijn rekening\n" in change.new
    )


def test_a_change_of_case_back_to_its_only_alias_leaves_no_aliases(tree_dir: Path) -> None:
    _edit(tree_dir, PAY, NAME, "name: Ik betaal mijn factuur\naliases: [IK BETAAL]\n")
    (change,) = _renamed(tree_dir, "Ik Betaal").plan.changes
    assert change.details == [
        "name: 'Ik betaal mijn factuur' -> 'Ik Betaal'",
        "aliases: - 'IK BETAAL'",
        "aliases: + 'Ik betaal mijn factuur'",
    ]


def test_the_old_name_goes_last_in_a_list_of_aliases_its_comments_kept(tree_dir: Path) -> None:
    _edit(
        tree_dir,
        PAY,
        "name: Ik betaal mijn factuur\n",
        "name: 'Ik betaal mijn factuur'\naliases:\n  # the client's words\n"
        "  - Betalen  # Facturatie\n  - Factuur voldoen\n\n# where it is\n",
    )
    (change,) = _renamed(tree_dir, "Ik betaal: de factuur").plan.changes
    assert change.new.startswith(
        "id: ik-betaal\nname: 'Ik betaal: de factuur'\naliases:\n  # the client's words\n"
        "  - Betalen  # Facturatie\n  - Factuur voldoen\n  - Ik betaal mijn factuur\n\n"
        "# where it is\nphase: klant-zijn\n"
    )
