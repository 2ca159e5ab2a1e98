"""The exported workbook edited and imported back: a name cell and the id cell beside it
that disagree are never settled silently. A journey's Id that no journey has, beside the
name of one, is refused at the Id cell; a phase, cluster or owner name that names no entry
beside an id that names one is refused at the name cell, with both; a journey put in another
cluster or phase is refused at the cell that says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from journeyctl.framework import check
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.export import export_bytes, export_table
from tests.inventory.conftest import plan_import, snapshot

PAY = "klant-zijn/facturatie/ik-betaal.yaml"


def _exported(root: Path, **cells: str | None) -> Path:
    """The workbook export writes of `root`, with `cells` of its first sheet changed (row 2
    is ik-betaal, the first in rank order)."""
    path = root.parent / "inventaris.xlsx"
    path.write_bytes(export_bytes(export_table(check(root), None, None), "xlsx"))
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[1]][1:6] == ["Klantreis", "Id", "Fase", "Cluster", "Eigenaar"]
    assert [c.value for c in sheet[2]][1:3] == ["Ik betaal mijn factuur", "ik-betaal"]
    assert [c.value for c in sheet[1]][-3:] == ["Fase-id", "Cluster-id", "Eigenaar-id"]
    for cell, value in cells.items():
        sheet[cell] = value
    workbook.save(path)
    return path


def _refused(root: Path, path: Path, **options: object) -> list[tuple[str, str]]:
    before = snapshot(root)
    with pytest.raises(Refused) as refused:
        plan_import(root, path, **options)
    assert snapshot(root) == before
    return [(p.where, str(p.message)) for p in refused.value.problems]


def _add_cluster(root: Path, entry: str) -> None:
    framework = root / "framework.yaml"
    text = framework.read_text(encoding="utf-8")
    text = text.replace("contact_reasons:\n", f"{entry}contact_reasons:\n")
    framework.write_text(text, encoding="utf-8")


# A journey's id --------------------------------------------------------------------------


def test_an_id_no_journey_has_beside_a_journeys_name_is_refused_at_the_id_cell(
    tree_dir: Path,
) -> None:
    path = _exported(tree_dir, C2="ik-besta-niet")
    assert _refused(tree_dir, path) == [
        (
            "Klantreizen!C2",
            "'ik-besta-niet' is no journey's id, nor an old id in a journey's aliases, and the "
            "row's name 'Ik betaal mijn factuur' (Klantreizen!B2) belongs to journey ik-betaal "
            f"({PAY}): correct the id, or clear it to find the journey by its name",
        )
    ]


def test_an_id_no_journey_has_beside_an_alias_is_refused_at_the_id_cell(tree_dir: Path) -> None:
    (tree_dir / PAY).write_text(
        (tree_dir / PAY).read_text("utf-8").replace("status:", "aliases: [Betalen]\nstatus:"),
        "utf-8",
    )
    path = _exported(tree_dir, B2="Betalen", C2="betalen-oud")
    ((where, message),) = _refused(tree_dir, path)
    assert where == "Klantreizen!C2"
    assert message.startswith("'betalen-oud' is no journey's id")


def test_a_new_id_beside_a_new_name_is_a_new_journey(tree_dir: Path) -> None:
    path = _exported(tree_dir, B2="Ik vraag een betaalregeling aan", C2="betaalregeling")
    (change,) = plan_import(tree_dir, path).plan.created
    assert change.relative == "klant-zijn/facturatie/betaalregeling.yaml"


def test_an_empty_id_finds_the_journey_by_its_name(tree_dir: Path) -> None:
    path = _exported(tree_dir, C2=None)
    assert plan_import(tree_dir, path).plan.changes == []


# A journey put elsewhere ----------------------------------------------------------------

MOVED = (
    "the sheet puts 'Ik betaal mijn factuur' in {place}, its file in 'Klant zijn' / 'Ik "
    f"ontvang en betaal de factuur'; import does not move journeys: correct the sheet, or "
    f"edit {PAY} first"
)
OTHER_CLUSTER = "  - id: verbruik\n    name: Ik houd grip op mijn verbruik\n    phase: klant-zijn\n"


def test_another_cluster_of_its_phase_is_refused_at_the_cluster_cell(tree_dir: Path) -> None:
    _add_cluster(tree_dir, OTHER_CLUSTER)
    path = _exported(tree_dir, E2="Ik houd grip op mijn verbruik")
    place = "'Klant zijn' / 'Ik houd grip op mijn verbruik'"
    assert _refused(tree_dir, path) == [("Klantreizen!E2", MOVED.format(place=place))]


def test_another_phase_is_refused_at_the_phase_cell(tree_dir: Path) -> None:
    """Its cluster cell as it was: the phase cell moves it, not the cluster cell."""
    path = _exported(tree_dir, D2="Klant worden")
    place = "'Klant worden' / 'Ik ontvang en betaal de factuur'"
    assert _refused(tree_dir, path) == [("Klantreizen!D2", MOVED.format(place=place))]


def test_another_phase_and_cluster_are_refused_at_the_phase_cell(tree_dir: Path) -> None:
    path = _exported(tree_dir, D2="Klant worden", E2="Ik word klant")
    place = "'Klant worden' / 'Ik word klant'"
    assert _refused(tree_dir, path) == [("Klantreizen!D2", MOVED.format(place=place))]


def test_a_cluster_of_another_phase_is_refused_at_the_cluster_cell(tree_dir: Path) -> None:
    path = _exported(tree_dir, E2="Ik word klant")
    assert _refused(tree_dir, path) == [
        (
            "Klantreizen!E2",
            "cluster 'Ik word klant' belongs to phase 'Klant worden', not to 'Klant zijn'; "
            "correct the phase or the cluster",
        )
    ]


# A phase, cluster or owner: the name cell and the id cell beside it ---------------------

NOT_THE_OWNER = (
    "'Piet Pietersen' is not the owner that Klantreizen!R2 names (jan, 'Jan Jansen'): to "
    "give the journey a new owner, clear Klantreizen!R2 or write its id there (--add-missing "
    "adds it to framework.yaml); if 'Piet Pietersen' is what 'Jan Jansen' was called before "
    "a rename, write 'Jan Jansen' or add 'Piet Pietersen' to its aliases in framework.yaml"
)


@pytest.mark.parametrize("add_missing", [False, True])
def test_a_new_owner_beside_the_old_owners_id_is_refused_with_both_cells(
    tree_dir: Path, add_missing: bool
) -> None:
    """The tester's case: the owner's name changed, its id cell left as exported. It was
    dropped silently (the id cell won): 0 to update, exit 0."""
    path = _exported(tree_dir, F2="Piet Pietersen")
    refused = _refused(tree_dir, path, add_missing=add_missing)
    assert refused == [("Klantreizen!F2", NOT_THE_OWNER)]


def test_the_refusal_is_said_in_the_frameworks_language(tree_dir: Path) -> None:
    path = _exported(tree_dir, F2="Piet Pietersen")
    with pytest.raises(Refused) as refused:
        plan_import(tree_dir, path)
    (problem,) = refused.value.problems
    assert problem.say("nl") == (
        "Klantreizen!F2: 'Piet Pietersen' is niet wat Klantreizen!R2 noemt (eigenaar jan, "
        "'Jan Jansen'): om de klantreis een nieuwe eigenaar te geven, maak Klantreizen!R2 leeg "
        "of schrijf daar het id ervan (--add-missing voegt die toe aan framework.yaml); heette "
        "'Jan Jansen' vóór een hernoeming 'Piet Pietersen', schrijf dan 'Jan Jansen' of zet "
        "'Piet Pietersen' bij de aliassen ervan in framework.yaml"
    )


def test_an_unknown_cluster_beside_the_clusters_id_is_refused_with_both_cells(
    tree_dir: Path,
) -> None:
    path = _exported(tree_dir, E2="Onbekend cluster")
    ((where, message),) = _refused(tree_dir, path, add_missing=True)
    assert where == "Klantreizen!E2"
    assert message.startswith(
        "'Onbekend cluster' is not the cluster that Klantreizen!Q2 names (facturatie, "
        "'Ik ontvang en betaal de factuur'): to give the journey a new cluster, clear "
        "Klantreizen!Q2"
    )


@pytest.mark.parametrize("id_cell", [None, "piet"])
def test_a_new_owner_with_its_id_cell_cleared_or_its_own_id_is_added(
    tree_dir: Path, id_cell: str | None
) -> None:
    path = _exported(tree_dir, F2="Piet Pietersen", R2=id_cell)
    plan = plan_import(tree_dir, path, add_missing=True).plan
    new_id = id_cell or "piet-pietersen"
    assert plan.framework is not None
    assert plan.framework.details == [f"add owner {new_id} (Piet Pietersen)"]
    (change,) = plan.updated
    assert (change.relative, change.details) == (PAY, [f"owner: jan -> {new_id}"])


def _add_piet(root: Path) -> None:
    framework = root / "framework.yaml"
    framework.write_text(
        framework.read_text("utf-8").replace(
            "owners:\n", "owners:\n  - id: piet\n    name: Piet Pietersen\n"
        ),
        "utf-8",
    )


def test_another_known_owner_beside_the_old_owners_id_is_refused_with_both_cells(
    tree_dir: Path,
) -> None:
    """Which of the two cells the person changed, import cannot tell: neither wins."""
    _add_piet(tree_dir)
    path = _exported(tree_dir, F2="Piet Pietersen")
    assert _refused(tree_dir, path) == [
        (
            "Klantreizen!R2",
            "'jan' is owner jan, but Klantreizen!F2 'Piet Pietersen' is owner piet: correct "
            "one of them, or clear the id cell",
        )
    ]


@pytest.mark.parametrize("id_cell", [None, "piet"])
def test_another_known_owner_with_its_id_or_none_is_that_owner(
    tree_dir: Path, id_cell: str | None
) -> None:
    _add_piet(tree_dir)
    path = _exported(tree_dir, F2="Piet Pietersen", R2=id_cell)
    (change,) = plan_import(tree_dir, path).plan.updated
    assert (change.relative, change.details) == (PAY, ["owner: jan -> piet"])


def test_an_owner_id_that_is_the_only_change_is_refused_with_both_cells(tree_dir: Path) -> None:
    """It was read as nothing to change, exit 0."""
    _add_piet(tree_dir)
    path = _exported(tree_dir, R2="piet")
    assert _refused(tree_dir, path) == [
        (
            "Klantreizen!R2",
            "'piet' is owner piet, but Klantreizen!F2 'Jan Jansen' is owner jan: correct one "
            "of them, or clear the id cell",
        )
    ]


def test_an_owner_id_beside_an_empty_owner_cell_decides(tree_dir: Path) -> None:
    """It was read as nothing to change, exit 0."""
    _add_piet(tree_dir)
    path = _exported(tree_dir, F2=None, R2="piet")
    (change,) = plan_import(tree_dir, path).plan.updated
    assert (change.relative, change.details) == (PAY, ["owner: jan -> piet"])


@pytest.mark.parametrize("name", [None, "Jan Jansen"])
def test_an_owner_id_that_names_no_owner_is_refused_at_its_cell(
    tree_dir: Path, name: str | None
) -> None:
    """It was dropped: nothing to change, exit 0."""
    path = _exported(tree_dir, F2=name, R2="onbekend-id")
    expected = (
        "'onbekend-id' is no owner's id: write the id of one, or its name in the name cell "
        "(--add-missing adds a new one to framework.yaml)"
        if name is None
        else "'onbekend-id' is no owner's id, and Klantreizen!F2 'Jan Jansen' is owner jan: "
        "correct the id, or clear it"
    )
    assert _refused(tree_dir, path, add_missing=True) == [("Klantreizen!R2", expected)]


def test_a_new_owners_id_that_is_no_id_is_refused_not_replaced(tree_dir: Path) -> None:
    """--add-missing added the owner under an id made of its name (piet-nieuw), the id cell
    dropped."""
    path = _exported(tree_dir, F2="Piet Nieuw", R2="Piet")
    assert _refused(tree_dir, path, add_missing=True) == [
        (
            "Klantreizen!R2",
            "'Piet' is not an id (lowercase letters, digits and hyphens); write piet as the new "
            "owner's id, or clear the cell to make one of its name",
        )
    ]


def test_a_phase_id_that_is_the_only_change_is_refused_with_both_cells(tree_dir: Path) -> None:
    path = _exported(tree_dir, P2="klant-worden")
    assert _refused(tree_dir, path) == [
        (
            "Klantreizen!P2",
            "'klant-worden' is phase klant-worden, but Klantreizen!D2 'Klant zijn' is phase "
            "klant-zijn: correct one of them, or clear the id cell",
        )
    ]


def test_a_name_two_clusters_share_is_the_one_its_id_cell_names(tree_dir: Path) -> None:
    _add_cluster(tree_dir, "  - id: overig-zijn\n    name: Overig\n    phase: klant-zijn\n")
    _add_cluster(tree_dir, "  - id: overig-worden\n    name: Overig\n    phase: klant-worden\n")
    text = (
        (tree_dir / PAY).read_text("utf-8").replace("cluster: facturatie", "cluster: overig-zijn")
    )
    (tree_dir / "klant-zijn/overig-zijn").mkdir()
    (tree_dir / "klant-zijn/overig-zijn/ik-betaal.yaml").write_text(text, "utf-8")
    (tree_dir / PAY).unlink()
    path = _exported(tree_dir)
    assert plan_import(tree_dir, path).plan.changes == []
