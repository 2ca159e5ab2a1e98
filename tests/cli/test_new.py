"""`journeyctl new`: the file at the conventional place, then a tree that still validates."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from journeyctl.cli.app import app


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["new", *args, "--root", str(root)])


def validate(root: Path) -> Result:
    return CliRunner().invoke(app, ["validate", "--root", str(root), "--format", "json"])


def test_new_writes_the_journey_where_the_convention_puts_it(tree_dir: Path, in_tmp: Path) -> None:
    (in_tmp / "schemas").mkdir()
    result = run(
        tree_dir,
        "Ik wijzig mijn betaalwijze",
        "--phase",
        "Klant zijn",
        "--cluster",
        "facturatie",
        "--owner",
        "Jan Jansen",
    )
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "journeys/klant-zijn/facturatie/ik-wijzig-mijn-betaalwijze.yaml\n",
        "",
    )
    written = tree_dir / "klant-zijn" / "facturatie" / "ik-wijzig-mijn-betaalwijze.yaml"
    assert written.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../../schemas/journey.schema.json\n"
        "id: ik-wijzig-mijn-betaalwijze\n"
        "name: Ik wijzig mijn betaalwijze\n"
        "phase: klant-zijn\n"
        "cluster: facturatie\n"
        "owner: jan\n"
        "status: listed\n"
    )
    checked = validate(tree_dir)
    assert checked.exit_code == 0, checked.stdout
    assert '"journeys": 3' in checked.stdout


def test_phase_cluster_and_owner_may_be_aliases(tree_dir: Path, in_tmp: Path) -> None:
    framework = tree_dir / "framework.yaml"
    text = framework.read_text(encoding="utf-8")
    for after, alias in (
        ("    name: Klant zijn\n", "Bestaande klant"),
        ("    name: Ik ontvang en betaal de factuur\n", "Billing"),
        ("    name: Jan Jansen\n", "J. Jansen"),
    ):
        text = text.replace(after, f"{after}    aliases: [{alias}]\n", 1)
    framework.write_text(text, encoding="utf-8")
    result = run(
        tree_dir, "Ik wijzig mijn betaalwijze", "--phase", "bestaande klant", "--cluster",
        "Billing", "--owner", "j. jansen",
    )  # fmt: skip
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "journeys/klant-zijn/facturatie/ik-wijzig-mijn-betaalwijze.yaml\n",
        "",
    )
    assert "owner: jan\n" in (in_tmp / result.stdout.strip()).read_text(encoding="utf-8")


def test_a_name_much_like_a_journey_s_alias_is_written_with_a_warning(tree_dir: Path) -> None:
    journey = tree_dir / "klant-zijn" / "facturatie" / "ik-betaal.yaml"
    text = journey.read_text(encoding="utf-8")
    journey.write_text(
        text.replace("status:", "aliases: [Ik voldoe de facturen]\nstatus:"), "utf-8"
    )
    result = run(tree_dir, "Ik voldoe facturen", "--phase", "klant-zijn", "--cluster", "facturatie")
    assert (result.exit_code, result.stderr) == (
        0,
        "warning: 'Ik voldoe facturen' is much like journey 'Ik betaal mijn factuur' "
        "(ik-betaal); if they are one journey, remove the new file and extend that one\n",
    )


def test_without_an_owner_the_file_has_none(tree_dir: Path, in_tmp: Path) -> None:
    result = run(
        tree_dir, "Ik vraag een offerte aan", "--phase", "klant-worden", "--cluster", "aanmelden"
    )
    assert result.exit_code == 0
    written = in_tmp / result.stdout.strip()
    assert "owner" not in written.read_text(encoding="utf-8")
    assert validate(tree_dir).exit_code == 0


def test_an_existing_journey_is_never_overwritten(tree_dir: Path) -> None:
    target = tree_dir / "klant-zijn" / "facturatie" / "ik-betaal.yaml"
    before = target.read_bytes()
    result = run(tree_dir, "Ik betaal", "--phase", "klant-zijn", "--cluster", "facturatie")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: a journey with id 'ik-betaal' exists already (klant-zijn/facturatie/ik-betaal.yaml); "
        "choose another name, or edit that journey\n"
    )
    assert target.read_bytes() == before


def test_an_id_taken_in_another_folder_is_refused_too(tree_dir: Path) -> None:
    result = run(tree_dir, "Ik meld me aan", "--phase", "klant-zijn", "--cluster", "facturatie")
    assert result.exit_code == 2
    assert (
        "id 'ik-meld-me-aan' exists already (klant-worden/aanmelden/ik-meld-me-aan.yaml)"
        in result.stderr
    )
    assert not (tree_dir / "klant-zijn" / "facturatie" / "ik-meld-me-aan.yaml").exists()


def test_an_unknown_phase_lists_the_valid_ones(tree_dir: Path, in_tmp: Path) -> None:
    result = run(tree_dir, "Ik verhuis", "--phase", "klant-blijven", "--cluster", "facturatie")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: --phase 'klant-blijven' is not in framework.yaml; did you mean 'klant-zijn'? "
        "known: klant-worden (Klant worden), klant-zijn (Klant zijn); if it is a new phase, "
        "add it to `phases:` in journeys/framework.yaml first (id, name)\n"
    )


def test_an_unknown_owner_lists_the_valid_ones(tree_dir: Path, in_tmp: Path) -> None:
    result = run(
        tree_dir,
        "Ik verhuis",
        "--phase",
        "klant-zijn",
        "--cluster",
        "facturatie",
        "--owner",
        "piet",
    )
    assert result.exit_code == 2
    assert (
        result.stderr == "error: --owner 'piet' is not in framework.yaml; known: jan (Jan Jansen); "
        "if it is a new owner, add it to `owners:` in journeys/framework.yaml first (id, name)\n"
    )


def test_in_a_framework_without_clusters_or_owners_it_says_how_to_add_one(
    in_tmp: Path,
) -> None:
    """As `init` leaves a framework: phases only. The message says what to write where."""
    assert CliRunner().invoke(app, ["init", "repo"]).exit_code == 0
    tree = in_tmp / "repo" / "journeys"
    result = run(tree, "Ik betaal mijn factuur", "--phase", "Klant zijn", "--cluster", "factuur")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: --cluster 'factuur': framework.yaml defines no cluster yet; add it to "
        "`clusters:` in repo/journeys/framework.yaml first (id, name, phase: klant-zijn)\n"
    )
    framework = tree / "framework.yaml"
    with framework.open("a", encoding="utf-8") as text:
        text.write("clusters:\n  - id: factuur\n    name: Factuur\n    phase: klant-zijn\n")
    result = run(
        tree,
        "Ik betaal mijn factuur",
        "--phase",
        "klant-zijn",
        "--cluster",
        "factuur",
        "--owner",
        "eva",
    )
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: --owner 'eva': framework.yaml defines no owner yet; add it to `owners:` in "
        "repo/journeys/framework.yaml first (id, name)\n"
    )
    assert list(tree.rglob("ik-betaal-mijn-factuur.yaml")) == []
    made = run(tree, "Ik betaal mijn factuur", "--phase", "klant-zijn", "--cluster", "factuur")
    assert (made.exit_code, made.stdout) == (
        0,
        "repo/journeys/klant-zijn/factuur/ik-betaal-mijn-factuur.yaml\n",
    )


def test_a_cluster_of_another_phase_is_refused_with_the_phase_clusters(tree_dir: Path) -> None:
    result = run(tree_dir, "Ik verhuis", "--phase", "klant-zijn", "--cluster", "aanmelden")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --cluster 'aanmelden' belongs to phase 'klant-worden', not 'klant-zijn'; "
        "clusters of phase 'klant-zijn': facturatie (Ik ontvang en betaal de factuur)\n"
    )
    assert list(tree_dir.rglob("ik-verhuis.yaml")) == []


def test_a_name_without_letters_is_refused(tree_dir: Path) -> None:
    result = run(tree_dir, "???", "--phase", "klant-zijn", "--cluster", "facturatie")
    assert result.exit_code == 2
    assert "'???' has no letters or digits to make an id of" in result.stderr


def test_a_variant_name_is_written_with_a_warning(tree_dir: Path) -> None:
    result = run(
        tree_dir, "Ik betaal via de app", "--phase", "klant-zijn", "--cluster", "facturatie"
    )
    assert result.exit_code == 0
    assert result.stderr == (
        "warning JC303: 'Ik betaal via de app' looks like a scenario or channel variant "
        "('via de app'); a journey is the essence, variants belong in its steps and touchpoints\n"
    )


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("Ik betaal mijn facturen", "ik-betaal-mijn-facturen.yaml"),
        ("Ik betaal de factuur", "ik-betaal-de-factuur.yaml"),  # other words, the same journey
    ],
)
def test_a_near_duplicate_name_is_written_with_a_warning(
    tree_dir: Path, name: str, file: str
) -> None:
    result = run(tree_dir, name, "--phase", "klant-zijn", "--cluster", "facturatie")
    assert result.exit_code == 0
    assert result.stdout.endswith(f"/klant-zijn/facturatie/{file}\n")
    assert result.stderr == (
        f"warning: '{name}' is much like journey 'Ik betaal mijn factuur' "
        "(ik-betaal); if they are one journey, remove the new file and extend that one\n"
    )


def test_a_framework_with_errors_places_nothing(tree_dir: Path) -> None:
    (tree_dir / "framework.yaml").write_text("name: x\n", encoding="utf-8")
    result = run(tree_dir, "Ik verhuis", "--phase", "klant-zijn", "--cluster", "facturatie")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("error: framework.yaml has errors")
