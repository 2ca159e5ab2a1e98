"""Every module and package directly in journeyctl stands on a floor of the layers contract
(`[tool.importlinter]` in pyproject.toml) and of docs/architecture.md, and every library
contract holds the whole package, so a new package is placed and checked when it is added.

`lint-imports` refuses an unplaced package too (the contract is exhaustive); this says which
one, where, in the test run everyone makes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11 on; lint-imports checks 3.10 alike

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "src" / "journeyctl"


def _top_level() -> set[str]:
    modules = {path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    packages = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    return modules | packages


def _contracts() -> list[dict[str, Any]]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        config = tomllib.load(file)
    contracts: list[dict[str, Any]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def _floors() -> list[set[str]]:
    """The layers of the contract whose container is journeyctl, each a set of names."""
    (layers,) = [
        contract
        for contract in _contracts()
        if contract["type"] == "layers" and contract.get("containers") == ["journeyctl"]
    ]
    return [set(re.split(r"\s*[|:]\s*", layer.strip("() "))) for layer in layers["layers"]]


def test_every_top_level_module_and_package_stands_on_a_floor() -> None:
    placed = set().union(*_floors())
    missing = sorted(_top_level() - placed)
    assert not missing, (
        f"journeyctl.{missing[0]} is on no floor: add it to the layers contract in "
        "pyproject.toml ([tool.importlinter]) and to the floors in docs/architecture.md"
    )
    assert placed <= _top_level(), f"no such module or package: {sorted(placed - _top_level())}"


def test_the_layers_contract_is_exhaustive() -> None:
    (layers,) = [c for c in _contracts() if c["type"] == "layers" and c.get("containers")]
    assert layers["exhaustive"] is True


def test_the_floors_in_the_architecture_page_name_the_same_packages() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = page.split("## The floors", 1)[1].split("```")[1]
    written = [set(re.findall(r"[\w]+", line.split("  ")[0])) for line in block.strip().split("\n")]
    assert written == _floors()


def test_every_library_floor_holds_the_whole_package() -> None:
    """A contract that keeps a library on its floor has the whole package as its source:
    a new package may not import the library either, without a line saying so."""
    library = [
        contract
        for contract in _contracts()
        if contract["type"] == "forbidden"
        and not any(name.startswith("journeyctl") for name in contract["forbidden_modules"])
    ]
    assert {name for c in library for name in c["forbidden_modules"]} >= {
        "typer",
        "click",
        "rich",
        "openpyxl",
        "defusedxml",
        "jinja2",
        "ruamel",
        "babel",
    }
    for contract in library:
        assert contract["source_modules"] == ["journeyctl"], contract["name"]
        assert contract["allow_indirect_imports"] is True, contract["name"]
