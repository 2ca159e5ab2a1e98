"""The registry of commands: every command module is one the import contract keeps apart."""

from __future__ import annotations

import pytest

from journeyctl.cli.app import COMMANDS
from tests.conftest import REPO_ROOT


def test_every_command_module_is_in_the_independence_contract() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11 on
    settings = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [
        contract
        for contract in settings["tool"]["importlinter"]["contracts"]
        if contract["type"] == "independence"
        and all(module.startswith("journeyctl.cli.") for module in contract["modules"])
    ]
    assert sorted(contract["modules"]) == sorted({command.__module__ for command in COMMANDS})
