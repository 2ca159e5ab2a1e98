"""The client's words: rows that name a journey, phase, cluster or owner by an alias, a new
journey much like an existing one, and unknown names refused once each."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.framework import check
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.importing import ImportOptions, read_import

HEADER = "Klantreis;Id;Fase;Cluster;Eigenaar;Periode;Klanten;Contacten\n"
JOURNEY = "klant-zijn/facturatie/ik-betaal.yaml"


def _aliases(tree: Path, relative: str, after: str, aliases: str) -> None:
    """`aliases: [...]` written after the line `after` of a file of the tree."""
    path = tree / relative
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(after, f"{after}{aliases}\n", 1), encoding="utf-8")


def _csv(tree: Path, rows: str) -> Path:
    path = tree.parent / "d.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def _changes(
    tree: Path, path: Path, options: ImportOptions | None = None
) -> list[tuple[str, list[str]]]:
    plan = read_import(path, check(tree), options or ImportOptions()).plan
    return [(c.relative, c.details) for c in plan.changes]


def _refusals(tree: Path, path: Path) -> list[str]:
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree), ImportOptions())
    return [str(problem) for problem in refused.value.problems]


RENAMED = "Ik betaal de factuur;;Klant zijn;facturatie;;2025;1000;250\n"


def test_a_new_name_much_like_a_journey_is_refused_with_what_to_do(tree_dir: Path) -> None:
    assert _refusals(tree_dir, _csv(tree_dir, RENAMED)) == [
        "d.csv!A2: 'Ik betaal de factuur' is not a journey of the tree, and very like 'Ik "
        "betaal mijn factuur' (ik-betaal): did you mean 'Ik betaal mijn factuur'? add 'Ik "
        "betaal de factuur' to that journey's aliases, or import with --confirm-new to "
        "create it as a new journey"
    ]


def test_with_the_alias_the_renamed_row_updates_the_journey(tree_dir: Path) -> None:
    _aliases(tree_dir, JOURNEY, "name: Ik betaal mijn factuur\n", "aliases: [Ik betaal de factuur]")
    assert _changes(tree_dir, _csv(tree_dir, RENAMED)) == [
        (JOURNEY, ["volumes 2025 contacts: 200 -> 250", "volumes 2025 source: - -> d.csv"])
    ]


def test_confirm_new_creates_the_journey_all_the_same(tree_dir: Path) -> None:
    changes = _changes(tree_dir, _csv(tree_dir, RENAMED), ImportOptions(confirm_new=True))
    assert changes == [
        (
            "klant-zijn/facturatie/ik-betaal-de-factuur.yaml",
            ["volumes 2025: customers 1,000, contacts 250", "volumes 2025 source: d.csv"],
        )
    ]


def test_an_old_id_in_the_id_column_finds_the_journey_by_its_alias(tree_dir: Path) -> None:
    _aliases(tree_dir, JOURNEY, "name: Ik betaal mijn factuur\n", "aliases: [ik-betaal-factuur]")
    row = "Ik betaal mijn factuur;ik-betaal-factuur;Klant zijn;facturatie;;2025;1000;250\n"
    path = _csv(tree_dir, row)  # a new name would rename it too (test_rename.py)
    assert _changes(tree_dir, path) == [
        (JOURNEY, ["volumes 2025 contacts: 200 -> 250", "volumes 2025 source: - -> d.csv"])
    ]


def test_an_alias_of_two_journeys_names_neither(tree_dir: Path) -> None:
    _aliases(tree_dir, JOURNEY, "name: Ik betaal mijn factuur\n", "aliases: [Betalen]")
    _aliases(
        tree_dir, "klant-worden/aanmelden/ik-meld-me-aan.yaml", "name: Ik meld me aan\n",
        "aliases: [betalen]",
    )  # fmt: skip
    path = _csv(tree_dir, "Betalen;;Klant zijn;facturatie;;2025;1000;250\n")
    assert _refusals(tree_dir, path)[0] == (
        "d.csv!A2: 'Betalen' is an alias of 2 journeys (ik-betaal, ik-meld-me-aan); keep it "
        "in one journey's aliases, or give the row an id"
    )


def test_phase_cluster_and_owner_by_their_aliases(tree_dir: Path) -> None:
    framework = "framework.yaml"
    _aliases(tree_dir, framework, "    name: Klant zijn\n", "    aliases: [Bestaande klant]")
    _aliases(
        tree_dir, framework, "    name: Ik ontvang en betaal de factuur\n", "    aliases: [Billing]"
    )
    _aliases(tree_dir, framework, "    name: Jan Jansen\n", "    aliases: [J. Jansen]")
    path = _csv(
        tree_dir, "Ik betaal mijn factuur;;Bestaande klant;billing;J. Jansen;2025;1000;250\n"
    )
    assert _changes(tree_dir, path) == [
        (JOURNEY, ["volumes 2025 contacts: 200 -> 250", "volumes 2025 source: - -> d.csv"])
    ]


def test_a_journey_s_measurements_by_its_alias(tree_dir: Path) -> None:
    _aliases(tree_dir, JOURNEY, "name: Ik betaal mijn factuur\n", "aliases: [Factuur betalen]")
    path = tree_dir.parent / "m.csv"
    path.write_text("Klantreis;KPI;Datum;Waarde\nFactuur betalen;nps;2025-09-30;7\n", "utf-8")
    assert _changes(tree_dir, path) == [(JOURNEY, ["kpis nps 2025-09-30: new, 7"])]


def test_an_unknown_name_is_refused_once_at_its_first_cell_with_the_closest(
    tree_dir: Path,
) -> None:
    rows = (
        "".join(f"Ik x{n};;Klant zjin;facturatie;;2025;1;1\n" for n in range(6))
        + "Ik y;;Klant zijn;facturatie;Jna;2025;1;1\nIk z;;Klant zijn;facturatie;jna;2025;1;1\n"
    )
    assert _refusals(tree_dir, _csv(tree_dir, rows)) == [
        "d.csv!C2: unknown phase 'Klant zjin' (also in C3, C4, C5 and 2 more); did you mean "
        "'Klant zijn' or 'Klant worden'? write that name or add 'Klant zjin' to its aliases in framework.yaml, "
        "or import with --add-missing to add 'Klant zjin' as a new phase",
        "d.csv!E8: unknown owner 'Jna' (also in E9); did you mean 'Jan Jansen'? write that "
        "name or add 'Jna' to its aliases in framework.yaml, or import with --add-missing to "
        "add 'Jna' as a new owner",
    ]
