"""Templates of new files: the modeline's relative path, near-duplicate names, no overwrite."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest

from journeyctl.write import WriteError
from journeyctl.write.scaffold import (
    create_file,
    init_files,
    journey_file,
    modeline,
    similar_names,
    write_all,
)


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("journeys/framework.yaml", "../schemas/framework.schema.json"),
        ("journeys/a/b/c.yaml", "../../../schemas/framework.schema.json"),
        ("c.yaml", "schemas/framework.schema.json"),
    ],
)
def test_the_modeline_points_at_the_schema_relative_to_the_file(file: str, expected: str) -> None:
    assert modeline("framework", Path(file), Path("schemas")) == (
        f"yaml-language-server: $schema={expected}"
    )


def test_the_conventional_path() -> None:
    assert journey_file("klant-zijn", "factuur", "ik-betaal") == "klant-zijn/factuur/ik-betaal.yaml"


def test_near_duplicate_names_most_similar_first() -> None:
    names = {
        "a": "Ik betaal mijn factuur",
        "b": "IK BETAAL MIJN FACTUREN",
        "c": "Ik verhuis",
        "d": "Ik betaal mijn factuur ",
    }
    assert similar_names("Ik betaal mijn factuur", names) == ["a", "d", "b"]
    assert similar_names("Ik betaal mijn termijnbedrag", names) == []


def test_near_duplicates_by_name_or_id_without_case_or_accents() -> None:
    journeys = {
        "ik-verhuis": "Ik verhuis",
        "ik-wijzig-mijn-adres": "Ik geef mijn nieuwe adres door",  # its name says 60
        "ik-creeer-een-account": "Ik maak een account aan",
        "ik-betaal-mijn-factuur": "Ik betaal mijn factuur",
    }
    assert similar_names("Ik ga verhuizen", journeys) == ["ik-verhuis"]
    assert similar_names("Ik wijzig mijn adres", journeys) == ["ik-wijzig-mijn-adres"]
    assert similar_names("Ik creëer een account", journeys) == [
        "ik-creeer-een-account"
    ]  # 68 by name
    # Related but different journeys stay quiet (fuzz.ratio 70 and below).
    assert similar_names("Ik betaal mijn termijnbedrag", journeys) == []
    assert similar_names("Ik meld een storing", journeys) == []


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("mine\n", encoding="utf-8")
    with pytest.raises(WriteError, match="exists already"):
        create_file(tmp_path, "x.yaml", "theirs\n")
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8") == "mine\n"
    assert create_file(tmp_path, "a/y.yaml", "new\n") == tmp_path / "a" / "y.yaml"


def test_write_all_refuses_as_a_whole_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "b").write_text("mine\n", encoding="utf-8")
    files = {"a": "1\n", "b": "2\n"}
    with pytest.raises(WriteError, match="holds b already; nothing was written"):
        write_all(tmp_path, files, force=False)
    assert not (tmp_path / "a").exists()
    write_all(tmp_path, files, force=True)
    assert (tmp_path / "b").read_text(encoding="utf-8") == "2\n"


def test_write_all_checks_every_file_before_the_first(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()  # a folder where the second file goes
    with pytest.raises(WriteError, match="it is a folder, which is not a regular file"):
        write_all(tmp_path, {"a": "1\n", "b": "2\n"}, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_gitignore_ignores_the_writers_temporaries(language: Literal["nl", "en"]) -> None:
    lines = init_files(language, None)[".gitignore"].splitlines()
    assert lines[-3:] == [".journeyctl-cache/", "site/", ".*.journeyctl-tmp"]
