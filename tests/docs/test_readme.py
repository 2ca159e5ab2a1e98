"""The transcripts in README.md and docs/*.md show what journeyctl really prints.

A transcript is a fenced block whose lines begin `$ journeyctl ...`; each command is run on
a fresh copy of the repository's example (`journeys/`, `examples/`, `templates/`), in that
copy, one after the other, and what it prints must be what the block shows under it. The
convention (CONTRIBUTING.md, "Show a command in the docs"):

- The block shows what a terminal shows: stdout and stderr as they come, at COLUMNS=100,
  with NO_COLOR, on the day TODAY (overdue reviews and "N days ago" depend on it).
- A `# comment` after a command is the shell's: it is not part of the command.
- A line `...` stands for any number of lines (none too) that the block leaves out.
- Trailing spaces, and blank lines at the end of a command's output, do not count.
- ```` ```text ```` is for transcripts only: a text block without a command is refused, so
  that no output is shown without the command that prints it.
- An HTML comment on the line before the block says more:
  `<!-- transcript: setup NAME -->` changes the copy first, with `SETUPS[NAME]` below;
  `<!-- transcript: skip WHY -->` leaves the block out, and the test says so and why.
"""

from __future__ import annotations

import difflib
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from tests.conftest import REPO_ROOT

TODAY = date(2026, 12, 1)
ENVIRONMENT = {"COLUMNS": "100", "NO_COLOR": "1"}
DOCUMENTS = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md"))]
COPIED = ("journeys", "examples", "templates")
# Every module that asks the clock for today's date; the test gives each one TODAY.
DATED_MODULES = ("journeyctl.checks", "journeyctl.load.runs", "journeyctl.reports.inputs")

_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_MARKER = re.compile(r"^<!--\s*transcript:\s*(?P<word>\S+)\s*(?P<rest>.*?)\s*-->$")
ELISION = "..."


@dataclass(frozen=True)
class Command:
    line: int
    text: str
    expected: tuple[str, ...]

    @property
    def args(self) -> list[str]:
        words = shlex.split(self.text, comments=True)
        if not words or words[0] != "journeyctl":
            raise ValueError(f"line {self.line}: only `$ journeyctl ...` runs: {self.text!r}")
        return words[1:]


@dataclass(frozen=True)
class Transcript:
    document: Path
    line: int
    commands: tuple[Command, ...]
    setup: str | None = None
    skip: str | None = None

    @property
    def name(self) -> str:
        return f"{self.document.relative_to(REPO_ROOT).as_posix()}:{self.line}"


def transcripts(document: Path) -> list[Transcript]:
    """Every transcript block of a Markdown file, with the marker on the line before it."""
    lines = document.read_text(encoding="utf-8").splitlines()
    found: list[Transcript] = []
    marker: tuple[int, str, str] | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        if fence is None:
            if line.strip():
                if marker is not None:
                    raise ValueError(f"{document.name}:{marker[0]}: a marker without a block")
                matched = _MARKER.match(line.strip())
                if matched is not None:
                    marker = (index + 1, matched["word"], matched["rest"])
            index += 1
            continue
        indent, close = fence["indent"], fence["fence"]
        body: list[str] = []
        index += 1
        while index < len(lines) and not _closes(lines[index], close):
            body.append(lines[index].removeprefix(indent))
            index += 1
        index += 1
        start = index - len(body) - 1
        if any(text.startswith("$ journeyctl") for text in body):
            found.append(_transcript(document, start, body, marker))
        elif fence["info"].strip() == "text":
            raise ValueError(f"{document.name}:{start}: a text block without `$ journeyctl`")
        elif marker is not None:
            raise ValueError(
                f"{document.name}:{marker[0]}: a marker before a block without `$ journeyctl`"
            )
        marker = None
    return found


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(fence) and set(stripped) == {fence[0]}


def _transcript(
    document: Path, start: int, body: list[str], marker: tuple[int, str, str] | None
) -> Transcript:
    if not body[0].startswith("$ "):
        raise ValueError(f"{document.name}:{start}: output before the block's first `$`")
    commands: list[Command] = []
    for offset, text in enumerate(body):
        if text.startswith("$ "):
            commands.append(Command(start + 1 + offset, text[2:], ()))
        else:
            last = commands[-1]
            commands[-1] = Command(last.line, last.text, (*last.expected, text))
    setup = skip = None
    if marker is not None:
        number, word, rest = marker
        if word == "setup" and rest in SETUPS:
            setup = rest
        elif word == "skip" and rest:
            skip = rest
        else:
            raise ValueError(
                f"{document.name}:{number}: unknown marker {word!r} {rest!r}; "
                f"write `setup NAME` (one of {sorted(SETUPS)}) or `skip WHY`"
            )
    return Transcript(document, start, tuple(commands), setup, skip)


def _trimmed(lines: list[str] | tuple[str, ...]) -> list[str]:
    kept = [line.rstrip() for line in lines]
    while kept and not kept[-1]:
        kept.pop()
    return kept


def shows(expected: tuple[str, ...], actual: str) -> bool:
    """Whether the lines shown are the output, a line `...` standing for any lines."""
    pattern = "".join(
        r"(?:[^\n]*\n)*?" if line == ELISION else re.escape(line) + "\n"
        for line in _trimmed(expected)
    )
    text = "".join(line + "\n" for line in _trimmed(actual.splitlines()))
    return re.fullmatch(pattern, text) is not None


# Setups: what a marker `<!-- transcript: setup NAME -->` does to the copy before the block.


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: update the setup"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def typical_mistakes(copy: Path) -> None:
    """The README's `validate` example: a few mistakes people make in the example."""
    journeys = copy / "journeys"
    _edit(
        journeys / "klant-blijven/verlengen/ik-kies-een-nieuw-tarief.yaml",
        "cluster: verlengen\n",
        "cluster: verlenging\n",
    )
    _edit(
        journeys / "klant-blijven/waardering/ik-breng-een-vriend-aan.yaml",
        "name: Ik breng een vriend aan\n",
        "name: no\n",
    )
    termijnbedrag = journeys / "klant-zijn/factuur/ik-betaal-mijn-termijnbedrag.yaml"
    _edit(termijnbedrag, "regelgeving: false\n", "regelgeving: false\nstatus: mapped\n")
    _edit(
        journeys / "klant-zijn/storing-en-klacht/ik-meld-een-storing.yaml",
        "    emotion: 1\n    desired_emotion: 2\n",
        "    emotion: 1\n    desired_emotion: 6\n",
    )
    _edit(
        journeys / "klant-zijn/wijzigen/ik-verhuis.yaml",
        "owner: eva-de-boer\n",
        "owner: eva-deboer\n",
    )


def alias(copy: Path) -> None:
    """The README's second import: the client's name for a journey among its aliases."""
    journey = copy / "journeys/klant-zijn/factuur/ik-ontvang-mijn-jaarafrekening.yaml"
    text = journey.read_text(encoding="utf-8")
    name = "\nname: Ik ontvang mijn jaarafrekening\n"  # the journey's, not a step's
    aliased = text.replace(name, f"{name}aliases: [Ik ontvang de jaarafrekening]\n", 1)
    journey.write_text(aliased, encoding="utf-8")


def unsafe_template(copy: Path) -> None:
    """docs/render.md: a template of the user's own that reaches for Python's internals."""
    (copy / "mine").mkdir()
    (copy / "mine/ranking.html.j2").write_text("{{ ''.__class__ }}\n", encoding="utf-8")


def pull_request(copy: Path) -> None:
    """The README's `diff` example: the example committed as `origin/main`, then, not yet
    committed, one journey's contacts updated, another renamed (file, id and name), a step
    renamed, and one journey broken by a YAML syntax error."""
    author = ["-c", "user.name=Example", "-c", "user.email=example@example.org"]
    for arguments in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        [*author, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "The example"],
        ["update-ref", "refs/remotes/origin/main", "HEAD"],
    ):
        subprocess.run(["git", "-C", str(copy), *arguments], capture_output=True, check=True)
    journeys = copy / "journeys"
    _edit(
        journeys / "klant-zijn/factuur/ik-krijg-een-betalingsherinnering.yaml",
        "contacts: 19900\n",
        "contacts: 61000\n",
    )
    old = journeys / "klant-zijn/wijzigen/ik-wijzig-mijn-bankrekening.yaml"
    _edit(old, "id: ik-wijzig-mijn-bankrekening\n", "id: ik-wijzig-mijn-rekeningnummer\n")
    _edit(old, "name: Ik wijzig mijn bankrekening\n", "name: Ik wijzig mijn rekeningnummer\n")
    old.rename(old.with_name("ik-wijzig-mijn-rekeningnummer.yaml"))
    _edit(
        journeys / "klant-zijn/wijzigen/ik-verhuis.yaml",
        "name: Ik zoek op hoe ik een verhuizing doorgeef\n",
        "name: Ik zoek in de app op hoe ik een verhuizing doorgeef\n",
    )
    _edit(
        journeys / "klant-zijn/wijzigen/ik-meld-een-overlijden.yaml",
        "team:\n  - klantenservice\n",
        "team: [klantenservice\n",
    )


SETUPS: dict[str, Callable[[Path], None]] = {
    "pull-request": pull_request,
    "typical-mistakes": typical_mistakes,
    "unsafe-template": unsafe_template,
    "alias": alias,
}

ALL = [transcript for document in DOCUMENTS for transcript in transcripts(document)]


class _Today(date):
    @classmethod
    def today(cls) -> _Today:
        return cls(TODAY.year, TODAY.month, TODAY.day)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A copy of the example, as the working folder of a terminal as the convention has it."""
    for name, value in ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    for module in DATED_MODULES:
        monkeypatch.setattr(f"{module}.date", _Today)
    for name in COPIED:
        shutil.copytree(REPO_ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.slow
@pytest.mark.parametrize("transcript", ALL, ids=[t.name for t in ALL])
def test_transcript_shows_the_real_output(transcript: Transcript, terminal: Path) -> None:
    if transcript.skip is not None:
        pytest.skip(f"marked: {transcript.skip}")
    if transcript.setup is not None:
        SETUPS[transcript.setup](terminal)
    runner = CliRunner()
    for command in transcript.commands:
        result = runner.invoke(app, command.args)
        if not isinstance(result.exception, (SystemExit, type(None))):
            raise result.exception
        if not shows(command.expected, result.output):
            diff = difflib.unified_diff(
                _trimmed(command.expected),
                _trimmed(result.output.splitlines()),
                "shown",
                "printed",
                lineterm="",
            )
            pytest.fail(
                f"{transcript.document.name}:{command.line}: `$ {command.text}` prints, on "
                f"{TODAY} with {ENVIRONMENT}:\n{result.output}\n" + "\n".join(diff),
                pytrace=False,
            )


def test_transcripts_are_found() -> None:
    readme = [t for t in ALL if t.document.name == "README.md"]
    commands = [c.text for t in readme for c in t.commands]
    assert any(text.startswith("journeyctl report alerts") for text in commands)
    assert any(text.startswith("journeyctl import") for text in commands)


LINK = re.compile(r"!?\[[^\]]*\]\((?P<target>[^)\s]+)\)")


@pytest.mark.parametrize(
    "document",
    [*DOCUMENTS, REPO_ROOT / "CONTRIBUTING.md"],
    ids=lambda path: path.relative_to(REPO_ROOT).as_posix(),
)
def test_links_between_the_documents_resolve(document: Path) -> None:
    """A page moved or renamed in docs/ leaves no link (or picture) pointing at nothing."""
    broken = [
        match["target"]
        for match in LINK.finditer(document.read_text(encoding="utf-8"))
        if not re.match(r"[a-z]+:|#", match["target"])
        and not (document.parent / match["target"].split("#")[0]).exists()
    ]
    assert broken == []


def test_the_readme_is_a_front_page() -> None:
    """At most 250 lines, opening with the two set-up commands: the main job on the example,
    and the tests as CI runs them; the details live in docs/."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 250
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split("   #")[0].strip() for line in first_block.splitlines()] == [
        "pip install . && journeyctl rank",
        "pip install -c constraints.txt -e '.[test]' && PYTHONWARNDEFAULTENCODING=1 pytest -q",
    ]


def test_only_the_pinned_modules_ask_for_today() -> None:
    """A new `date.today()` elsewhere would make a transcript change with the calendar."""
    source = REPO_ROOT / "src"
    asking = sorted(
        ".".join(path.relative_to(source).with_suffix("").parts).removesuffix(".__init__")
        for path in source.rglob("*.py")
        if re.search(r"\b(today|now|utcnow)\(|\btime\.time\(", path.read_text(encoding="utf-8"))
    )
    assert asking == sorted(DATED_MODULES)


@pytest.mark.parametrize(
    ("expected", "actual", "result"),
    [
        (("a", "b"), "a\nb\n", True),
        (("a", "b"), "a\nb  \n\n", True),
        (("a", "b"), "a\nc\n", False),
        (("a",), "a\nb\n", False),
        (("a", ELISION, "d"), "a\nb\nc\nd\n", True),
        (("a", ELISION, "d"), "a\nd\n", True),
        (("a", ELISION), "a\nb\n", True),
        (("a", ELISION, "d"), "a\nb\nc\n", False),
        (("x", ELISION), "a\nx\n", False),
    ],
)
def test_elision(expected: tuple[str, ...], actual: str, result: bool) -> None:
    assert shows(expected, actual) is result


def test_markers_and_blocks(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- transcript: setup typical-mistakes -->\n"
        "```text\n$ journeyctl validate   # the example\nout\n\n$ journeyctl rank\n```\n\n"
        "```sh\njourneyctl rank\n```\n"
        "  <!-- transcript: skip needs a folder of templates -->\n"
        "  ```\n  $ journeyctl render --out site --templates mine\n  ...\n  ```\n",
        encoding="utf-8",
    )
    first, second = transcripts(page)
    assert (first.line, first.setup, first.skip) == (2, "typical-mistakes", None)
    assert [(c.line, c.args, c.expected) for c in first.commands] == [
        (3, ["validate"], ("out", "")),
        (6, ["rank"], ()),
    ]
    assert (second.line, second.skip) == (13, "needs a folder of templates")
    assert second.commands[0].expected == (ELISION,)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<!-- transcript: skip -->\n```\n$ journeyctl rank\n```\n", "unknown marker"),
        ("<!-- transcript: setup nothing -->\n```\n$ journeyctl rank\n```\n", "unknown marker"),
        ("<!-- transcript: skip why -->\n\ntext\n", "a marker without a block"),
        (
            "<!-- transcript: skip why -->\n```\n$ git log\n```\n",
            "a block without `\\$ journeyctl`",
        ),
        ("```\nout\n$ journeyctl rank\n```\n", "output before"),
        ("```text\nKlantreizen op score\n```\n", "a text block without"),
    ],
)
def test_wrong_markers_are_refused(tmp_path: Path, text: str, message: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        transcripts(page)
