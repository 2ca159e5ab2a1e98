"""`journeyctl deck` on the command line: the deck written and said, what changed since a
revision, and every refusal one line with exit 2 and no file."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from typer.testing import CliRunner, Result

from journeyctl.cli.app import app
from tests.conftest import REPO_ROOT
from tests.formats.deck_reader import pdf_pages, pdf_text, read, to_pdf

EXAMPLE = REPO_ROOT / "journeys"
# What a user's shell may hold; --root in every call wins over JOURNEYCTL_ROOT.
ENV = {"NO_COLOR": "1", "COLUMNS": "80", "LANG": "C", "JOURNEYCTL_ROOT": "/nowhere"}
WARNINGS = "note: 7 warning(s); `journeyctl validate` lists them\n"


def run(*arguments: str, root: Path = EXAMPLE) -> Result:
    # One day for the example's reviews and KPIs: the warnings do not change with the date.
    command = ["deck", "--root", str(root), "--today", "2026-12-07", *arguments]
    return CliRunner().invoke(app, command, env=ENV)


def git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(
        [
            "git",
            "-C",
            str(folder),
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@example.org",
            *arguments,
        ],
        capture_output=True,
        check=True,
    )
    return done.stdout.decode().strip()


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example in a git repository, one commit, then changed in the working tree: a
    status, a journey mapped, an improvement gone live, a period's volumes."""
    folder = tmp_path_factory.mktemp("repository")
    shutil.copytree(EXAMPLE, folder / "journeys")
    git(folder, "init", "-q", "--initial-branch=main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "The example")
    root = folder / "journeys"

    def edit(file: str, old: str, new: str) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    edit(
        "klant-zijn/factuur/ik-betaal-mijn-termijnbedrag.yaml",
        "status: listed",
        "status: mapped\nsteps:\n  - name: Ik zie het bedrag\n    emotion: 3\n"
        "  - name: Ik betaal\n    emotion: 4\n    pain_points: [Incasso op een onhandige dag]",
    )
    edit("improvements/nabetaling-in-termijnen.yaml", "status: experiment", "status: implemented")
    edit("klant-zijn/wijzigen/ik-verhuis.yaml", "contacts: 66400", "contacts: 60100")
    return root


@pytest.mark.slow
def test_deck_writes_the_file_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "stuurgroep.pptx"
    result = run("--out", str(out))
    assert (result.exit_code, result.stderr) == (0, WARNINGS)
    slides = read(out.read_bytes())
    assert result.stdout == f"Wrote {len(slides)} slides (period 2025) to {out}\n"
    assert [s.title for s in slides[:2]] == ["Wadden Energie", "Klantreizen op score, periode 2025"]
    assert slides[-1].title == "#10 Ik vergelijk energieleveranciers"


@pytest.mark.slow
def test_top_period_compare_and_lang(tmp_path: Path) -> None:
    out = tmp_path / "steering.pptx"
    result = run(
        "--out", str(out), "--top", "3", "--period", "2025", "--compare", "2024", "--lang", "en"
    )
    assert (result.exit_code, result.stderr) == (0, WARNINGS)
    slides = read(out.read_bytes())
    assert slides[1].title == "Journeys by score, period 2025"
    assert len(slides[1].tables[0]) == 1 + 3
    assert slides[0].texts[0].startswith("Period 2025 against 2024\n")
    assert [s.title for s in slides[-3:]] == [
        "#1 Ik ontvang mijn jaarafrekening",
        "#2 Ik ontvang mijn terugleververgoeding",
        "#3 Ik verhuis",
    ]


@pytest.mark.slow
def test_since_adds_what_changed_and_the_title_names_the_commit(
    repository: Path, tmp_path: Path
) -> None:
    out = tmp_path / "deck.pptx"
    result = run("--out", str(out), "--since", "HEAD", "--top", "5", root=repository)
    assert result.exit_code == 0, result.stderr
    slides = read(out.read_bytes())
    commit = git(repository, "rev-parse", "--short", "HEAD")
    assert slides[0].texts[0].split("\n")[1].startswith(f"Commit {commit} van ")
    assert slides[0].texts[0].endswith(", met wijzigingen die nog niet zijn vastgelegd")
    (since,) = [s for s in slides if s.title == "Wat er veranderde sinds HEAD"]
    (table,) = since.tables
    assert table == [
        ["Wijziging", "Naam", "Was", "Nu"],
        ["Status", "Ik betaal mijn termijnbedrag", "geïnventariseerd", "in kaart gebracht"],
        ["Nieuw in kaart", "Ik betaal mijn termijnbedrag", "-", "2 stappen"],
        ["Live", "Nabetaling standaard in drie termijnen", "experiment", "doorgevoerd"],
        [
            "Volumes 2025",
            "Ik verhuis",
            "klanten 49.800\ncontacten 66.400",
            "klanten 49.800\ncontacten 60.100",
        ],
    ]
    # The new map's slide has its curve and pain point.
    (mapped,) = [s for s in slides if s.title.endswith(" Ik betaal mijn termijnbedrag")]
    assert mapped.charts[0].categories == ["Ik zie het bedrag", "Ik betaal"]
    assert "• Ik betaal: Incasso op een onhandige dag" in mapped.texts[1]


@pytest.mark.slow
def test_since_with_nothing_changed_says_so(repository: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    git(repository.parent, "worktree", "add", "-q", str(clean), "HEAD")
    out = tmp_path / "deck.pptx"
    result = run("--out", str(out), "--since", "HEAD", "--top", "1", root=clean / "journeys")
    assert result.exit_code == 0, result.stderr
    (since,) = [s for s in read(out.read_bytes()) if s.title == "Wat er veranderde sinds HEAD"]
    assert (since.tables, since.texts) == (
        [],
        ["Sinds HEAD is er niets in het raamwerk veranderd."],
    )


def _template(path: Path, rename: dict[str, str]) -> Path:
    deck = Presentation()
    for layout in deck.slide_layouts:
        layout.name = rename.get(layout.name, layout.name)
    deck.save(str(path))
    return path


@pytest.mark.slow
def test_a_template_with_the_layouts_is_used(tmp_path: Path) -> None:
    template = _template(tmp_path / "huisstijl.pptx", {})
    out = tmp_path / "deck.pptx"
    result = run("--out", str(out), "--template", str(template), "--top", "1")
    assert (result.exit_code, result.stderr) == (0, WARNINGS)
    assert Presentation(str(out)).slide_width == Presentation(str(template)).slide_width


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--template", "{tmp}/huisstijl.pptx"],
            "error: --template '{tmp}/huisstijl.pptx' has no slide layout named 'Title Slide'; "
            "the deck uses the layouts 'Title Slide' and 'Title Only' by name, and this one has "
            "'Titeldia', ",
        ),
        (
            ["--template", "{tmp}/notes.txt"],
            "error: --template '{tmp}/notes.txt' is not a PowerPoint deck (.pptx); give a .pptx "
            "file whose layouts the deck may use (a .potx template: open it and save it as .pptx)",
        ),
        (
            ["--template", "{tmp}/missing.pptx"],
            "error: --template '{tmp}/missing.pptx' does not exist; give a .pptx file",
        ),
        (
            ["--template", "{tmp}"],
            "error: --template '{tmp}' is a folder; give a .pptx file",
        ),
        (
            ["--since", "no-such-branch"],
            "error: revision 'no-such-branch' not found in the git repository at ",
        ),
        (
            ["--since", "--all"],
            "error: --since '--all' is not a git revision; name a commit, branch or tag",
        ),
        (
            ["--top", "0"],
            "error: --top '0' is not a count; give a whole number of 1 or more, such as 10",
        ),
        (
            ["--top", "ten"],
            "error: --top 'ten' is not a count; give a whole number of 1 or more, such as 10",
        ),
        (
            ["--period", "2025", "--compare", "2025"],
            "error: --compare and --period are both '2025'",
        ),
        (["--period", "2031"], "error: --period "),
    ],
    ids=lambda value: value[1] if isinstance(value, list) else None,
)
@pytest.mark.slow
def test_bad_input_is_one_line_exit_2_and_no_deck(
    repository: Path, tmp_path: Path, arguments: list[str], message: str
) -> None:
    _template(tmp_path / "huisstijl.pptx", {"Title Slide": "Titeldia"})
    (tmp_path / "notes.txt").write_text("not a deck", encoding="utf-8")
    out = tmp_path / "deck.pptx"
    shown = [argument.replace("{tmp}", str(tmp_path)) for argument in arguments]
    result = run("--out", str(out), *shown, root=repository)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message.replace("{tmp}", str(tmp_path)) in result.stderr
    assert "Traceback" not in result.stderr
    if not message.startswith("Invalid"):
        assert result.stderr.count("\n") == 1 + result.stderr.count("note:")
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["huisstijl.pptx", "notes.txt"]


@pytest.mark.parametrize("kind", ["a named pipe (FIFO)", "a character device"])
def test_a_pipe_or_a_device_as_template_is_said_as_what_it_is_and_never_read(
    tmp_path: Path, kind: str
) -> None:
    if kind == "a named pipe (FIFO)":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        template = tmp_path / "huisstijl.pptx"
        os.mkfifo(template)  # read, it would wait for a writer forever
    else:
        template = Path("/dev/zero")  # read, it would never end
        if not template.exists():
            pytest.skip("no /dev/zero here")
    out = tmp_path / "deck.pptx"
    result = run("--out", str(out), "--template", str(template))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: --template '{template}' is {kind}, not a file; give a .pptx file\n"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("out", "message"),
    [
        (
            "missing/deck.pptx",
            "error: --out cannot write '{tmp}/missing/deck.pptx': the folder '{tmp}/missing' "
            "does not exist; create it or write elsewhere\n",
        ),
        (
            "deck.pdf",
            "error: --out 'deck.pdf' ends in .pdf; the deck is a PowerPoint file: name it *.pptx\n",
        ),
        (
            "deck",
            "error: --out 'deck' has no suffix; the deck is a PowerPoint file: name it *.pptx\n",
        ),
        ("folder.pptx", "error: --out cannot write '{tmp}/folder.pptx': it is a folder, which "),
    ],
)
def test_an_out_that_cannot_be_written_is_refused_before_any_work(
    tmp_path: Path, out: str, message: str
) -> None:
    (tmp_path / "folder.pptx").mkdir()
    result = run("--out", str(tmp_path / out))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(message.replace("{tmp}", str(tmp_path)))
    assert result.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.pptx"]


def test_since_outside_a_git_repository_is_a_usage_error(tmp_path: Path) -> None:
    root = tmp_path / "journeys"
    shutil.copytree(EXAMPLE, root)
    result = run("--out", str(tmp_path / "deck.pptx"), "--since", "main", root=root)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "is not inside a git repository" in result.stderr
    assert not (tmp_path / "deck.pptx").exists()


def test_a_tree_with_errors_makes_no_deck(tmp_path: Path) -> None:
    root = tmp_path / "journeys"
    shutil.copytree(EXAMPLE, root)
    (root / "klant-zijn" / "kapot.yaml").write_text("id: kapot\nname: [\n", encoding="utf-8")
    result = run("--out", str(tmp_path / "deck.pptx"), root=root)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.endswith(
        "error: the tree has validation errors, so no deck is made; fix them first\n"
    )
    assert not (tmp_path / "deck.pptx").exists()


@pytest.mark.slow
def test_libreoffice_opens_every_deck_the_command_makes(repository: Path, tmp_path: Path) -> None:
    """The example's deck, one with what changed since a revision, in English, and one on a
    template: each converts to PDF, one page a slide, with its names and numbers."""
    template = _template(tmp_path / "huisstijl.pptx", {})
    decks = {
        "stuurgroep.pptx": ([], EXAMPLE, ["Wadden Energie", "415.000", "104.500", "100,0"]),
        "since.pptx": (
            ["--since", "HEAD", "--lang", "en"],
            repository,
            ["What changed since HEAD", "Nabetaling standaard in drie termijnen", "60,100"],
        ),
        "template.pptx": (
            ["--template", str(template), "--top", "2"],
            EXAMPLE,
            ["#2 Ik ontvang mijn terugleververgoeding"],
        ),
    }
    for name, (arguments, root, facts) in decks.items():
        out = tmp_path / name
        result = run("--out", str(out), *arguments, root=root)
        assert result.exit_code == 0, result.stderr
        pdf = to_pdf(out)
        assert pdf_pages(pdf) == len(read(out.read_bytes()))
        text = " ".join(pdf_text(pdf).split())
        assert [fact for fact in facts if fact not in text] == [], name


def test_a_deck_is_not_written_into_the_journeys_tree(tmp_path: Path) -> None:
    tree = Path(shutil.copytree(EXAMPLE, tmp_path / "journeys"))
    out = tree / "stuurgroep.pptx"
    result = run("--out", str(out), root=tree)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == (
        f"error: --out cannot write '{out}': it is inside the framework's root, where every "
        "file is read as part of the tree; write it elsewhere"
    )
    assert not out.exists()
