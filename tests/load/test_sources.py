"""Sources of a tree: a folder on disk and a git revision give the same entries.

Special files are made for real (FIFOs, symlinks to /dev/zero and /dev/null); git
repositories are made in a temporary folder.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyctl.errors import UsageError
from journeyctl.load import sources
from journeyctl.load.limits import MAX_FILE_BYTES
from journeyctl.load.problems import FileProblem
from journeyctl.load.sources import Entry, FileSystemSource, GitRevisionSource, read_regular_file
from tests.write.special import real_dev_null

FILES = {
    "framework.yaml": b"name: x\n",
    "klant-zijn/facturatie/ik-betaal.yaml": b"id: ik-betaal\n",
    "klant-zijn/facturatie/GROOT.YAML": b"id: GROOT\n",
    "klant-zijn/a0.yaml": b"id: a0\n",
    "klant-zijn/a/b.yaml": b"id: b\n",
    "improvements/2025/link.yaml": b"id: link\n",
    "klant-zijn/oud.yml": b"id: oud\n",
    "README.md": b"# not part of the tree\n",
    ".git-like/hidden.yaml": b"id: hidden\n",
    "klant-zijn/.cache/hidden.yaml": b"id: hidden\n",
}
READ = {
    path: content
    for path, content in FILES.items()
    if path.lower().endswith(".yaml") and "/." not in f"/{path}"
}


def _write(root: Path, files: dict[str, bytes]) -> None:
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def _by_path(entries: list[Entry]) -> dict[str, bytes | FileProblem]:
    return {entry.path: entry.content for entry in entries}


def _problem(entries: list[Entry], path: str) -> FileProblem:
    content = _by_path(entries)[path]
    assert isinstance(content, FileProblem), content
    return content


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "journeys"
    _write(folder, FILES)
    return folder


def test_reads_every_yaml_file_and_names_yml_files(root: Path) -> None:
    entries = _by_path(list(FileSystemSource(root).entries()))
    yml = entries.pop("klant-zijn/oud.yml")
    assert entries == READ
    assert isinstance(yml, FileProblem) and yml.rule.id == "JC008"
    assert "rename it to oud.yaml" in yml.message


def test_entries_come_folder_by_folder_in_name_order(root: Path) -> None:
    paths = [entry.path for entry in FileSystemSource(root).entries()]
    assert paths == sorted(paths, key=lambda path: path.split("/"))
    assert paths.index("klant-zijn/a/b.yaml") < paths.index("klant-zijn/a0.yaml")


def test_the_root_is_absolute(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root.parent)
    assert FileSystemSource(Path("journeys")).root == root.resolve()


@pytest.mark.parametrize("given", ["", "  "])
def test_empty_root_is_a_usage_error(given: str) -> None:
    with pytest.raises(UsageError, match=r"^is empty;"):
        FileSystemSource(given)


def test_missing_root_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not found"):
        FileSystemSource(tmp_path / "nowhere")


def test_root_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "framework.yaml").write_bytes(b"name: x\n")
    with pytest.raises(UsageError, match="is a file, not a folder"):
        FileSystemSource(tmp_path / "framework.yaml")


def _fifo_behind_link(link: Path) -> None:
    os.mkfifo(link.with_name("pipe"))
    link.symlink_to("pipe")


# Things under the root that are not regular files: made by each function, at `path`.
SPECIAL: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (os.mkfifo, "a named pipe (FIFO)"),
    "symlink-to-dev-zero": (
        lambda p: p.symlink_to("/dev/zero"),
        "a symlink to a character device (/dev/zero)",
    ),
    "symlink-to-dev-null": (
        lambda p: p.symlink_to("/dev/null"),
        "a symlink to a character device (/dev/null)",
    ),
    "symlink-to-fifo": (
        _fifo_behind_link,
        "a symlink to a named pipe (FIFO) (pipe)",
    ),
    "broken-symlink": (
        lambda p: p.symlink_to("gone.yaml"),
        "a symlink to 'gone.yaml', which does not exist",
    ),
}


@pytest.mark.parametrize("case", SPECIAL, ids=list(SPECIAL))
def test_what_is_not_a_file_is_a_finding_never_read(root: Path, case: str) -> None:
    make, described = SPECIAL[case]
    if case == "symlink-to-dev-null":
        real_dev_null()
    make(root / "klant-zijn" / "special.yaml")
    problem = _problem(list(FileSystemSource(root).entries()), "klant-zijn/special.yaml")
    assert problem.rule.id == "JC004"
    assert described in problem.message


FOLDER_WHERE_A_FILE_IS = (
    "a folder where a YAML file is expected (the name ends in {suffix}); replace the folder "
    "with the file, or rename the folder so that its name does not end in {suffix}"
)


@pytest.mark.parametrize(
    ("path", "suffix"),
    [
        ("klant-zijn/facturatie/ik-verhuis.yaml", ".yaml"),
        ("improvements/meterstand.YAML", ".YAML"),
        ("klant-zijn/oud-2.yml", ".yml"),
        ("framework2.yaml", ".yaml"),
    ],
)
def test_a_folder_named_like_a_yaml_file_is_a_finding_at_its_path(
    root: Path, path: str, suffix: str
) -> None:
    (root / path).mkdir()
    problem = _problem(list(FileSystemSource(root).entries()), path)
    assert (problem.rule.id, problem.line, problem.column) == ("JC004", None, None)
    assert problem.message == FOLDER_WHERE_A_FILE_IS.format(suffix=suffix)


def test_the_framework_file_as_a_folder_is_a_finding_at_its_path(root: Path) -> None:
    (root / "framework.yaml").unlink()
    (root / "framework.yaml").mkdir()
    problem = _problem(list(FileSystemSource(root).entries()), "framework.yaml")
    assert problem.message == FOLDER_WHERE_A_FILE_IS.format(suffix=".yaml")


def test_the_files_in_a_folder_named_like_a_file_are_read_all_the_same(root: Path) -> None:
    _write(root, {"klant-zijn/uitgepakt.yaml/uitgepakt.yaml": b"id: uitgepakt\n"})
    entries = list(FileSystemSource(root).entries())
    assert _problem(entries, "klant-zijn/uitgepakt.yaml").rule.id == "JC004"
    assert _by_path(entries)["klant-zijn/uitgepakt.yaml/uitgepakt.yaml"] == b"id: uitgepakt\n"


def test_a_symlink_to_a_folder_named_like_a_file_says_where_it_points(
    root: Path, tmp_path: Path
) -> None:
    (tmp_path / "elders").mkdir()
    (root / "klant-zijn" / "link.yaml").symlink_to(tmp_path / "elders")
    problem = _problem(list(FileSystemSource(root).entries()), "klant-zijn/link.yaml")
    assert problem.message.startswith(
        f"a symlink to a folder ({tmp_path / 'elders'}) where a YAML file is expected"
    )


def test_a_hidden_folder_named_like_a_file_is_left_out(root: Path) -> None:
    (root / "klant-zijn" / ".x.yaml").mkdir()
    assert "klant-zijn/.x.yaml" not in _by_path(list(FileSystemSource(root).entries()))


def test_a_symlink_to_a_file_outside_the_root_is_read(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_bytes(b"id: elders\n")
    (root / "klant-zijn" / "elders.yaml").symlink_to(outside)
    assert (
        _by_path(list(FileSystemSource(root).entries()))["klant-zijn/elders.yaml"]
        == b"id: elders\n"
    )


def test_a_symlinked_folder_is_followed_once(root: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    _write(shared, {"gedeeld.yaml": b"id: gedeeld\n"})
    (root / "gedeeld").symlink_to(shared)
    (root / "klant-zijn" / "loop").symlink_to(root / "klant-zijn")
    entries = list(FileSystemSource(root).entries())
    assert _by_path(entries)["gedeeld/gedeeld.yaml"] == b"id: gedeeld\n"
    loop = _problem(entries, "klant-zijn/loop")
    assert loop.rule.id == "JC004" and "read already" in loop.message
    assert not any(entry.path.startswith("klant-zijn/loop/") for entry in entries)


def test_an_unreadable_folder_is_a_finding_at_that_folder(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = root / "klant-zijn" / "facturatie"
    locked.chmod(0)
    if os.geteuid() == 0:
        # root reads any folder whatever its mode: make listing it fail as it would for a user
        real_scandir = os.scandir

        def scandir(path: str | os.PathLike[str]) -> object:
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        entries = list(FileSystemSource(root).entries())
    finally:
        locked.chmod(0o755)
    problem = _problem(entries, "klant-zijn/facturatie")
    assert (problem.rule.id, problem.line) == ("JC004", None)
    assert "Permission denied" in problem.message and "cannot read this folder" in problem.message
    assert not any(entry.path.startswith("klant-zijn/facturatie/") for entry in entries)


def test_a_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    problem = read_regular_file(big)
    assert isinstance(problem, FileProblem) and problem.rule.id == "JC006"
    (tmp_path / "fits.yaml").write_bytes(b"#" * MAX_FILE_BYTES)
    assert read_regular_file(tmp_path / "fits.yaml") == b"#" * MAX_FILE_BYTES


def test_a_file_that_grew_since_it_was_looked_at_is_read_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grows = tmp_path / "grows.yaml"
    grows.write_bytes(b"#" * 3_000_000)
    real_stat = os.stat

    def small_stat(path: str, **options: bool) -> os.stat_result:
        status = real_stat(path, **options)
        return os.stat_result((*status[:6], 5, *status[7:]))  # st_size says 5

    monkeypatch.setattr(os, "stat", small_stat)
    assert read_regular_file(grows) == b"#" * 3_000_000
    assert read_regular_file(str(grows)) == b"#" * 3_000_000


def test_the_limit_holds_for_what_is_read_not_what_stat_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grows = tmp_path / "grows.yaml"
    grows.write_bytes(b"#" * 20)
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 10)
    real_stat = os.stat

    def small_stat(path: str, **options: bool) -> os.stat_result:
        status = real_stat(path, **options)
        return os.stat_result((*status[:6], 5, *status[7:]))  # st_size says 5

    monkeypatch.setattr(os, "stat", small_stat)
    problem = read_regular_file(grows)
    assert isinstance(problem, FileProblem) and problem.rule.id == "JC006"
    assert "more than 10 bytes" in problem.message


# --- git -----------------------------------------------------------------------------


def _git(repository: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repository), *arguments], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8").strip()


@pytest.fixture
def repository(tmp_path: Path, root: Path) -> Path:
    repo = root.parent
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.name", "Test")
    _git(repo, "config", "user.email", "test@example.org")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "first")
    return repo


def test_a_revision_reads_as_the_folder_does(repository: Path, root: Path) -> None:
    from_git = list(GitRevisionSource(repository, "main", "journeys").entries())
    from_disk = list(FileSystemSource(root).entries())
    assert from_git == from_disk


def test_a_revision_is_read_as_it_was_not_as_the_folder_is(repository: Path, root: Path) -> None:
    first = _git(repository, "rev-parse", "HEAD")
    (root / "framework.yaml").write_bytes(b"name: changed\n")
    (root / "klant-zijn" / "a0.yaml").unlink()
    _git(repository, "commit", "-q", "-am", "second")
    entries = _by_path(list(GitRevisionSource(repository, first, "journeys").entries()))
    assert entries["framework.yaml"] == b"name: x\n"
    assert entries["klant-zijn/a0.yaml"] == b"id: a0\n"
    assert GitRevisionSource(repository, first, "journeys").root == repository / "journeys"


def test_the_whole_repository_can_be_the_root(repository: Path) -> None:
    entries = _by_path(list(GitRevisionSource(repository, "main", "").entries()))
    assert entries["journeys/framework.yaml"] == b"name: x\n"


@pytest.mark.parametrize("revision", ["no-such-branch", "-h", ""])
def test_a_revision_that_does_not_exist_is_a_usage_error(repository: Path, revision: str) -> None:
    with pytest.raises(UsageError, match=f"'{revision}'"):
        GitRevisionSource(repository, revision, "journeys")


def test_a_root_missing_in_the_revision_is_a_usage_error(repository: Path) -> None:
    with pytest.raises(UsageError, match="root folder 'elders' not found in revision 'main'"):
        GitRevisionSource(repository, "main", "elders")


def test_a_blob_over_the_limit_is_not_read(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 10)
    read: list[str] = []
    real_read = sources._BlobReader.read

    def recording_read(reader: sources._BlobReader, blob: str) -> bytes | FileProblem:
        read.append(blob)
        return real_read(reader, blob)

    monkeypatch.setattr(sources._BlobReader, "read", recording_read)
    entries = list(GitRevisionSource(repository, "main", "journeys").entries())
    big = _problem(entries, "klant-zijn/facturatie/ik-betaal.yaml")  # 14 bytes
    assert big.rule.id == "JC006"
    assert _by_path(entries)["framework.yaml"] == b"name: x\n"
    assert len(read) == len(set(read)) == sum(isinstance(e.content, bytes) for e in entries)


def test_a_folder_named_like_a_file_in_a_revision_is_named_as_on_disk(
    repository: Path, root: Path
) -> None:
    _write(
        root,
        {
            "klant-zijn/uitgepakt.yaml/a.yaml": b"id: a\n",
            "klant-zijn/uitgepakt.yaml/b.yaml": b"id: b\n",
            "oud.yml/deeper.yaml/c.yaml": b"id: c\n",
        },
    )
    _git(repository, "add", "-A")
    _git(repository, "commit", "-q", "-m", "folders")
    from_git = list(GitRevisionSource(repository, "main", "journeys").entries())
    assert from_git == list(FileSystemSource(root).entries())
    named = [entry.path for entry in from_git if isinstance(entry.content, FileProblem)]
    assert named == [
        "klant-zijn/oud.yml",
        "klant-zijn/uitgepakt.yaml",
        "oud.yml",
        "oud.yml/deeper.yaml",
    ]


def test_a_symlink_in_a_revision_is_named_not_followed(repository: Path, root: Path) -> None:
    (root / "klant-zijn" / "link.yaml").symlink_to("a0.yaml")
    _git(repository, "add", "-A")
    _git(repository, "commit", "-q", "-m", "link")
    problem = _problem(
        list(GitRevisionSource(repository, "main", "journeys").entries()), "klant-zijn/link.yaml"
    )
    assert problem.rule.id == "JC004" and "symlink" in problem.message
