"""Commands that write refuse a target that is not a regular file, check every target before
the first write, and say in one line what went wrong, with exit 2 and nothing written."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from journeyctl.cli.app import app
from journeyctl.model.common import slugify
from tests.inventory.conftest import FIXTURES, snapshot
from tests.write.special import SPECIAL, dev_null_is_intact, mode_of, posix_only, real_dev_null

pytestmark = posix_only

MESSY = str(FIXTURES / "messy.xlsx")
WHAT_TO_DO = (
    "journeyctl replaces only regular files: give the path of a new file or of a regular file "
    "to replace; nothing was written"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def every_file(folder: Path) -> dict[str, bytes | str]:
    """Each entry under `folder`: a file's bytes, else what it is (a link, a FIFO, ...)."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = f"-> {path.readlink()}"
        elif path.is_file():
            found[name] = path.read_bytes()
        elif not path.is_dir():
            found[name] = oct(mode_of(path))
    return found


@pytest.mark.parametrize("special", [s for s in SPECIAL if s != "folder"])
def test_export_onto_what_is_not_a_regular_file_is_refused(
    tree_dir: Path, tmp_path: Path, special: str
) -> None:
    make, words = SPECIAL[special]
    out = tmp_path / "inventaris.xlsx"
    make(out)
    before = mode_of(out)
    result = run("export", "--root", str(tree_dir), "--out", str(out))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: --out cannot write '{out}': {words}; {WHAT_TO_DO}\n"
    assert mode_of(out) == before


def test_export_onto_dev_null_is_refused_and_it_stays_a_device(tree_dir: Path) -> None:
    real_dev_null()
    result = run("export", "--root", str(tree_dir), "--out", "/dev/null")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: --out cannot write '/dev/null': it is a character device, which is not a "
        f"regular file; {WHAT_TO_DO}\n"
    )
    assert dev_null_is_intact()


def test_export_onto_a_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    # The root is missing too: the target is refused first.
    result = run("export", "--root", str(tmp_path / "missing"), "--out", str(tmp_path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: --out cannot write '{tmp_path}': it is a folder, which is not a regular file; "
        f"{WHAT_TO_DO}\n"
    )


def _disk_full_at_first_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)


def test_export_onto_a_full_disk_is_one_line_and_exit_2(
    tree_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out" / "inventaris.xlsx"
    out.parent.mkdir()
    _disk_full_at_first_fsync(monkeypatch)
    result = run("export", "--root", str(tree_dir), "--out", str(out), "--no-cache")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: cannot write '{out}': No space left on device; fix that (free space, "
        "permissions, the folder) and run again; nothing was changed\n"
    )
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("special", [s for s in SPECIAL if s != "folder"])
def test_schema_out_onto_what_is_not_a_folder_is_refused(tmp_path: Path, special: str) -> None:
    make, words = SPECIAL[special]
    out = tmp_path / "schemas"
    make(out)
    result = run("schema", "--out", str(out))
    assert (result.exit_code, result.stdout) == (2, "")
    kind = words.removeprefix("it is ").split(", which")[0]
    assert result.stderr == (
        f"error: cannot write into '{out}': it is {kind}, not a folder; give a folder (it is "
        "created when missing); nothing was written\n"
    )


def test_schema_out_checks_every_file_before_the_first(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    out.mkdir()
    os.mkfifo(out / "journey.schema.json")
    result = run("schema", "--out", str(out))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: cannot write '{out / 'journey.schema.json'}': it is a named pipe (FIFO), "
        f"which is not a regular file; {WHAT_TO_DO}\n"
    )
    assert [p.name for p in out.iterdir()] == ["journey.schema.json"]


def test_init_force_through_a_symlinked_folder_writes_nothing(in_tmp: Path) -> None:
    elsewhere = in_tmp / "elsewhere"
    elsewhere.mkdir()
    repo = in_tmp / "repo"
    (repo / "journeys").mkdir(parents=True)
    (repo / "journeys" / "framework.yaml").write_text("name: mine\n", encoding="utf-8")
    (repo / ".github").symlink_to(elsewhere)
    before = every_file(in_tmp)
    result = run("init", "repo", "--force")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: cannot write 'repo/.github/workflows/journeys.yml': 'repo/.github' "
        "is a symbolic link, which journeyctl does not write through; replace it with a real "
        "folder or file; nothing was changed\n"
    )
    assert every_file(in_tmp) == before


@pytest.mark.slow
@pytest.mark.parametrize("special", SPECIAL)
def test_init_force_onto_what_is_not_a_regular_file_writes_nothing(
    in_tmp: Path, special: str
) -> None:
    make, words = SPECIAL[special]
    make(in_tmp / "README.md")
    before = every_file(in_tmp)
    result = run("init", "--force")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: cannot write '{in_tmp / 'README.md'}': {words}; {WHAT_TO_DO}\n"
    )
    assert every_file(in_tmp) == before


def test_init_onto_a_full_disk_puts_back_what_it_wrote(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (in_tmp / "README.md").write_text("mine\n", encoding="utf-8")
    before = every_file(in_tmp)
    calls: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    result = run("init", "--force")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"error: cannot write '{in_tmp}")
    assert result.stderr.endswith(
        ": No space left on device; fix that (free space, permissions, the folder) and run "
        "again; nothing was changed\n"
    )
    assert result.stderr.count("\n") == 1
    assert every_file(in_tmp) == before


def test_init_ignores_the_temporaries_of_a_killed_write(in_tmp: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    assert run("init").exit_code == 0
    subprocess.run(["git", "init", "-q"], check=True)
    cluster = next((in_tmp / "journeys").rglob("*.yaml")).parent
    (cluster / ".x.yaml.0123456789ab.journeyctl-tmp").write_text("half\n", encoding="utf-8")
    (in_tmp / ".site.0123456789ab.journeyctl-tmp").mkdir()
    (in_tmp / ".site.0123456789ab.journeyctl-tmp" / "index.html").write_text("", "utf-8")
    (cluster / "notes.tmp").write_text("mine\n", encoding="utf-8")
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    assert "journeyctl-tmp" not in status
    assert f"{cluster.relative_to(in_tmp).as_posix()}/notes.tmp" in status


def test_import_onto_a_full_disk_changes_nothing(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(tree_dir)
    calls: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the second file: the first is written already
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    result = run("import", MESSY, "--root", str(tree_dir), "--estimates", "--no-cache")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"error: cannot write '{tree_dir}")
    assert result.stderr.endswith(
        ": No space left on device; fix that (free space, permissions, the folder) and run again; nothing was changed\n"
    )
    assert snapshot(tree_dir) == before


def test_import_checks_every_file_before_the_first(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The new journey's file cannot be looked at: the update of the other journey, planned
    # before it, must not land either.
    before = snapshot(tree_dir)
    new = tree_dir / "klant-zijn" / "facturatie" / "ik-vraag-een-kopie-van-mijn-factuur.yaml"
    real_lstat = Path.lstat

    def lstat(self: Path) -> os.stat_result:
        if self == new:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_lstat(self)

    monkeypatch.setattr(Path, "lstat", lstat)
    result = run("import", MESSY, "--root", str(tree_dir), "--estimates", "--no-cache")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: cannot write '{new}': Permission denied; fix that (permissions, the folder) "
        "and run again; nothing was written\n"
    )
    assert snapshot(tree_dir) == before


# `journeyctl import` that is killed (SIGKILL) when the third file's text is on disk and not
# yet renamed over its target.
_IMPORT_KILLED = """
import os, signal, sys
calls = []
real_fsync = os.fsync
def fsync(fd):
    calls.append(fd)
    if len(calls) == int(os.environ["KILL_AT_FSYNC"]):
        os.kill(os.getpid(), signal.SIGKILL)
    real_fsync(fd)
os.fsync = fsync
from journeyctl.cli import main
sys.argv = ["journeyctl", *sys.argv[1:]]
main()
"""


@pytest.mark.slow
def test_an_import_killed_midway_leaves_nothing_git_shows_and_the_next_cleans_up(
    in_tmp: Path,
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    assert run("init", "--language", "en").exit_code == 0
    subprocess.run(["git", "init", "-q"], check=True)
    first = in_tmp / "first.csv"  # the first import: the cluster and a journey
    first.write_text("journey,phase,cluster\nI receive my bill,being-a-customer,billing\n", "utf-8")
    assert run("import", str(first), "--add-missing").exit_code == 0
    sheet = in_tmp / "inventory.csv"
    # Names unlike each other: a journey named much like one the first run wrote would be
    # refused as a near-duplicate (Journey a, Journey b).
    names = ["I pay my bill", "I move house", "I report a fault", "I change my tariff", "I quit"]
    rows = [f"{name},being-a-customer,billing" for name in names]
    sheet.write_text("journey,phase,cluster\n" + "\n".join(rows) + "\n", encoding="utf-8")
    argv = [sys.executable, "-c", _IMPORT_KILLED, "import", str(sheet), "--no-cache"]
    cluster = in_tmp / "journeys" / "being-a-customer" / "billing"

    killed = subprocess.run(argv, env={**os.environ, "KILL_AT_FSYNC": "3"}, check=False)
    assert killed.returncode == -9
    # Every file is staged and synced before the first is renamed: a kill during the syncs
    # leaves temporaries only, and none of the new journeys in place.
    left = sorted(p.name for p in cluster.iterdir() if p.name.endswith(".journeyctl-tmp"))
    assert left
    assert sorted(p.name for p in cluster.glob("*.yaml")) == ["i-receive-my-bill.yaml"]
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all", "journeys"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    assert "journeyctl-tmp" not in status

    again = subprocess.run(argv, env={**os.environ, "KILL_AT_FSYNC": "0"}, check=False)
    assert again.returncode == 0
    assert sorted(p.name for p in cluster.iterdir()) == sorted(
        ["i-receive-my-bill.yaml", *(f"{slugify(name)}.yaml" for name in names)]
    )


def test_export_under_a_file_or_into_a_locked_folder_names_the_option(
    tree_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = run("export", "--root", str(tree_dir), "--out", str(blocker / "x.xlsx"))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: --out cannot write '{blocker / 'x.xlsx'}': Not a directory: '{blocker}' is a "
        "file, not a folder; move it away or write elsewhere; nothing was written\n"
    )
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    result = run("export", "--root", str(tree_dir), "--out", str(tmp_path / "x.xlsx"))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: --out cannot write '{tmp_path / 'x.xlsx'}': Permission denied: journeyctl "
        f"cannot make files in the folder '{tmp_path}'; change its permissions or write "
        "elsewhere; nothing was written\n"
    )


def test_schema_out_under_a_file_says_so_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = run("schema", "--out", str(blocker / "schemas"))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: cannot write '{blocker / 'schemas'}': Not a directory: '{blocker}' is a file, "
        "not a folder; move it away or write elsewhere; nothing was written\n"
    )
