"""What `init` and `new` make, byte for byte: every file, the exit code, stdout and stderr.

Each case in commands/ is one run in a fresh working folder: `=== exit ===`, `=== stdout ===`
and `=== stderr ===`, then every file the run made or changed (outside `.git`), each under
`=== <path> ===`, sorted by path; the working folder is named WORK. The JSON Schemas that `init` writes are compared with
`journeyctl schema`'s instead, so that a change of the model does not touch these cases.

To record the cases again after a change that is meant: `RECORD_CASES=1 pytest` this file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.schema import schema_files

HERE = Path(__file__).parent / "commands"
PINNED = (
    '{"url": "https://example.org/cx/journeyctl", '
    '"vcs_info": {"vcs": "git", "commit_id": "0123456789abcdef0123456789abcdef01234567"}}'
)
NEW = ["init", "repo", "--language", "en"]


@dataclass(frozen=True)
class Case:
    run: list[str]
    setup: list[list[str]] = field(default_factory=list)
    change: Callable[[Path], None] | None = None  # after the setup, before the run
    direct_url: str | None = None  # the install's direct_url.json: where it came from
    branch: str | None = "main"  # git's init.defaultBranch


def _break_framework(folder: Path) -> None:
    path = folder / "repo/journeys/framework.yaml"
    text = path.read_text(encoding="utf-8").replace("language: en", "language: xx")
    path.write_bytes(text.encode("utf-8"))


def _first_import(folder: Path) -> None:
    """What the first import of an inventory leaves in the framework `init` made: a cluster
    and an owner (by the ids the sheet gives), and a journey."""
    sheet = folder / "inventory.csv"
    sheet.write_text(
        "Journey,Phase,Cluster,Cluster id,Owner,Owner id\n"
        "I receive my bill,being-a-customer,I receive and pay my bill,billing,CX team,cx-team\n",
        encoding="utf-8",
    )
    imported = _invoke(["import", "inventory.csv", "--add-missing"])
    assert imported[0] == 0, imported
    sheet.unlink()


def _imported_then_broken(folder: Path) -> None:
    _first_import(folder)
    _break_framework(folder)


CASES = {
    "init-github": Case(["init", "repo", "--ci", "github"]),
    "init-gitlab": Case(["init", "repo", "--ci", "gitlab"], branch=None),
    "init-language-en": Case(["init", "repo", "--language", "en"], branch="trunk"),
    "init-github-pinned": Case(["init", "repo"], direct_url=PINNED, branch="develop"),
    "init-gitlab-pinned": Case(
        ["init", "repo", "--ci", "gitlab", "--language", "en"], direct_url=PINNED
    ),
    "init-force": Case(["init", "repo", "--force", "--language", "en"], setup=[["init", "repo"]]),
    "init-refused": Case(["init", "repo", "--ci", "gitlab"], setup=[["init", "repo"]]),
    "init-in-a-tree": Case(["init", "repo/journeys", "--force"], setup=[["init", "repo"]]),
    "new": Case(
        ["new", "I pay my bill", "--phase", "Being a customer", "--cluster", "billing"],
        setup=[NEW],
        change=_first_import,
    ),
    "new-owner-and-warnings": Case(
        [
            *("new", "I receive my bill by email", "--phase", "being-a-customer"),
            *("--cluster", "I receive and pay my bill", "--owner", "CX team"),
        ],
        setup=[NEW],
        change=_first_import,
    ),
    "new-framework-with-errors": Case(
        ["new", "I pay my bill", "--phase", "being-a-customer", "--cluster", "billing"],
        setup=[NEW],
        change=_imported_then_broken,
    ),
    "new-unknown-cluster": Case(
        ["new", "I pay my bill", "--phase", "being-a-customer", "--cluster", "biling"],
        setup=[NEW],
        change=_first_import,
    ),
    "new-cluster-of-another-phase": Case(
        ["new", "I pay my bill", "--phase", "Staying a customer", "--cluster", "billing"],
        setup=[NEW],
        change=_first_import,
    ),
    "new-taken": Case(
        ["new", "I receive my bill", "--phase", "being-a-customer", "--cluster", "billing"],
        setup=[NEW],
        change=_first_import,
    ),
}


def _invoke(args: list[str]) -> tuple[int, str, str]:
    if args[0] in ("new", "import"):
        args = [*args, "--root", "repo/journeys"]
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


def transcript(case: Case, folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The case run in `folder` (the working folder): what it printed and what it made."""
    config = folder.parent / f"{folder.name}.gitconfig"
    branch = f"[init]\n\tdefaultBranch = {case.branch}\n" if case.branch else ""
    config.write_text(f"[user]\n\tname = Test\n\temail = t@example.org\n{branch}", "utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.chdir(folder)
    installed = _Installed(case.direct_url)
    monkeypatch.setattr("importlib.metadata.distribution", lambda name: installed)
    for args in case.setup:
        assert _invoke(args)[0] == 0
    if case.change is not None:
        case.change(folder)
    before = _files(folder)
    code, *printed = _invoke(case.run)
    stdout, stderr = (text.replace(str(folder), "WORK") for text in printed)
    parts = [f"=== exit ===\n{code}\n", f"=== stdout ===\n{stdout}", f"=== stderr ===\n{stderr}"]
    made = _files(folder)
    schemas = {f"repo/schemas/{n}": text.encode("utf-8") for n, text in schema_files().items()}
    for path in sorted(made):
        if schemas.get(path, b"") != made[path] and before.get(path) != made[path]:
            parts.append(f"=== {path} ===\n{made[path].decode('utf-8')}")
    return "".join(parts)


class _Installed:
    """What `importlib.metadata.distribution` gives: the install's direct_url.json, or none."""

    def __init__(self, text: str | None) -> None:
        self.text = text

    def read_text(self, name: str) -> str | None:
        return self.text if name == "direct_url.json" else None


def _files(folder: Path) -> dict[str, bytes]:
    found = (p for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts)
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in found}


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_the_command_makes_exactly_this(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    text = transcript(CASES[name], folder, monkeypatch)
    case_file = HERE / f"{name}.txt"
    if os.environ.get("RECORD_CASES"):
        case_file.write_bytes(text.encode("utf-8"))
    assert text == case_file.read_bytes().decode("utf-8")


def test_every_case_is_recorded() -> None:
    assert sorted(p.stem for p in HERE.glob("*.txt")) == sorted(CASES)
