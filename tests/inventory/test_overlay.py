"""The tree as an import would leave it, judged without a second load of every file; and a
plan that leaves a journey as it is, made without the round-trip parser."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

import pytest

from journeyctl.inventory import plan as planning
from journeyctl.inventory.importing import ImportOptions, read_import
from journeyctl.inventory.overlay import check_after, check_for_import
from journeyctl.load import tree as loading
from journeyctl.write import WriteError, yamldoc

JOURNEY = "klant-zijn/facturatie/ik-betaal.yaml"


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the loader parses from now on, as they come."""
    parsed: list[str] = []
    real = loading.parse

    def counted(text: str) -> Any:
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(loading, "parse", counted)
    return parsed


@pytest.mark.parametrize("cache", [False, True])
def test_the_tree_after_is_loaded_parsing_only_the_changed_file(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch, cache: bool
) -> None:
    checked, remembered = check_for_import(tree_dir, cache=cache)
    assert checked.usable
    parsed = _parses(monkeypatch)
    old = (tree_dir / JOURNEY).read_text(encoding="utf-8")
    new = old.replace("customers: 1000", "customers: 1100")
    after = check_after(tree_dir, {JOURNEY: new}, remembered)
    assert parsed == [new]
    assert after.usable
    betaal = next(j for j in after.journeys if j.id == "ik-betaal")
    assert betaal.volumes[0].customers == 1100
    # A text that breaks the tree is judged as any file is.
    broken = check_after(
        tree_dir, {JOURNEY: new.replace("owner: jan", "owner: niemand")}, remembered
    )
    assert [f.rule for f in broken.validation.findings] == ["JC203"]


def test_an_unchanged_journey_is_planned_without_the_round_trip_parser(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited: list[str] = []
    real = planning.edit_yaml

    def counted(text: str, edit: Any) -> str:
        edited.append(text)
        return real(text, edit)

    monkeypatch.setattr(planning, "edit_yaml", counted)
    sheet = tree_dir.parent / "d.csv"
    header = "Klantreis;Fase;Cluster;Eigenaar;Periode;Klanten;Contacten\n"
    same = "Ik meld me aan;Klant worden;aanmelden;jan;2025;500;400\n"
    sheet.write_text(
        header + same + "Ik betaal mijn factuur;Klant zijn;facturatie;jan;2025;1000;200\n", "utf-8"
    )
    checked, remembered = check_for_import(tree_dir, cache=False)
    result = read_import(sheet, checked, ImportOptions(), None, remembered)
    assert (result.plan.changes, edited) == ([], [])
    sheet.write_text(
        header + same + "Ik betaal mijn factuur;Klant zijn;facturatie;jan;2025;1000;250\n", "utf-8"
    )
    result = read_import(sheet, checked, ImportOptions(), None, remembered)
    assert [c.relative for c in result.plan.changes] == [JOURNEY]
    assert len(edited) == 1  # the one file that changes


def test_a_new_journey_is_parsed_once_to_read_it_back_and_to_check_the_tree(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_back: list[str] = []
    real = yamldoc.parse
    monkeypatch.setattr(yamldoc, "parse", lambda text: read_back.append(text) or real(text))
    sheet = tree_dir.parent / "d.csv"
    sheet.write_text(
        "Klantreis;Fase;Cluster;Eigenaar;Periode;Klanten;Contacten\n"
        "Ik verhuis: nee;Klant zijn;facturatie;jan;2025;10;2\n",
        "utf-8",
    )
    checked, remembered = check_for_import(tree_dir, cache=False)
    parsed = _parses(monkeypatch)
    result = read_import(sheet, checked, ImportOptions(), None, remembered)
    [change] = result.plan.changes
    assert change.old is None and "name: 'Ik verhuis: nee'\n" in change.new
    assert (parsed, read_back) == ([change.new], [])


NEW = "klant-zijn/facturatie/ik-verhuis.yaml"
WRITTEN = {"id": "ik-verhuis", "name": "Ik verhuis #2", "phase": "klant-zijn"}


@pytest.mark.parametrize(
    "text",
    [
        # Read as other data: the load reads it, and compares.
        "id: ik-verhuis\nname: Ik verhuis #2\nphase: klant-zijn\n",
        # Not a journey at all: the load refuses it, and the text is read back on its own.
        "id: ik-verhuis\nname: Ik verhuis #2\nphase: [klant-zijn\n",
    ],
)
def test_a_new_document_that_does_not_read_back_as_written_is_refused(
    tree_dir: Path, text: str
) -> None:
    _, remembered = check_for_import(tree_dir, cache=False)
    with pytest.raises(WriteError, match="could not write this data so that it reads back"):
        check_after(tree_dir, {NEW: text}, remembered, {NEW: marshal.dumps(WRITTEN)})
    right = "id: ik-verhuis\nname: 'Ik verhuis #2'\nphase: klant-zijn\n"
    check_after(tree_dir, {NEW: right}, remembered, {NEW: marshal.dumps(WRITTEN)})
