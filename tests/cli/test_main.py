"""The outermost handler, on real streams: a closed pipe, a full disk, an ASCII terminal.

These run journeyctl as a process, because what happens depends on the real file
descriptors and on what the interpreter does when it exits.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journeyctl import cli
from journeyctl.errors import EXIT_INTERNAL, EXIT_INTERRUPTED

JOURNEYCTL = [sys.executable, "-m", "journeyctl"]
FULL = Path("/dev/full")  # a device on which every write fails: no space left


def commands(tree: Path) -> list[list[str]]:
    """A command of each kind of output: a Rich table, a format, Typer's help, --version."""
    return [
        ["rank", "--root", str(tree)],
        ["validate", "--root", str(tree), "--format", "json"],
        ["--help"],
        ["rank", "--help"],
        ["--version"],
    ]


@pytest.mark.slow
@pytest.mark.parametrize("which", range(5))
def test_a_closed_pipe_ends_quietly_with_141(tree_dir: Path, which: int) -> None:
    process = subprocess.Popen(
        [*JOURNEYCTL, *commands(tree_dir)[which]],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader goes away before the first write: `| head -0`
    stderr = process.stderr.read()
    process.stderr.close()
    assert (process.wait(), stderr) == (141, b"")


@pytest.mark.slow
@pytest.mark.skipif(not FULL.exists(), reason="needs a device that is always full")
@pytest.mark.parametrize("which", range(5))
def test_a_full_disk_is_one_line_and_exit_2(tree_dir: Path, which: int) -> None:
    with FULL.open("w", encoding="utf-8") as full:
        result = subprocess.run(
            [*JOURNEYCTL, *commands(tree_dir)[which]],
            stdout=full,
            stderr=subprocess.PIPE,
            encoding="utf-8",
            check=False,
        )
    expected = "journeyctl: cannot write the output: No space left on device\n"
    assert (result.returncode, result.stderr) == (2, expected)


@pytest.mark.slow
def test_an_ascii_terminal_gets_ascii_stand_ins(tree_dir: Path) -> None:
    environment = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        # The period given, so that stderr stays empty (a period chosen is said there).
        [*JOURNEYCTL, "rank", "--root", str(tree_dir), "--period", "2025"],
        capture_output=True,
        env=environment,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")
    output = result.stdout.decode("ascii")  # fails if anything else came through
    assert " 85,7 ####." in output and "\n----" in output and "ge\\xefnventariseerd" in output


@pytest.mark.slow
def test_an_ascii_terminal_gets_escapes_for_other_text(tree_dir: Path) -> None:
    journey = tree_dir / "klant-zijn/facturatie/ik-betaal.yaml"
    text = journey.read_text(encoding="utf-8")
    journey.write_text(
        text.replace("name: Ik betaal mijn factuur", "name: Één via de app"), "utf-8"
    )
    environment = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [*JOURNEYCTL, "validate", "--root", str(tree_dir), "--format", "text"],
        capture_output=True,
        env=environment,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")
    assert b"name '\\xc9\\xe9n via de app'" in result.stdout


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("100.0 █████ 1…", "100.0 ##### 1..."),
        ("57.1 ███·· ─▲3 ▼1", "57.1 ###.. -^3 v1"),
        ("Één 日本", "\\xc9\\xe9n \\u65e5\\u672c"),
        ("plain", "plain"),
    ],
)
def test_encodable_replaces_only_what_the_stream_cannot_write(text: str, shown: str) -> None:
    ascii_stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    utf8_stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert (cli.encodable(text, ascii_stream), cli.encodable(text, utf8_stream)) == (shown, text)


def test_encodable_leaves_an_unknown_encoding_to_the_stream() -> None:
    class Stream(io.StringIO):
        encoding = "no-such-encoding"

    assert cli.encodable("█ é", Stream()) == "█ é"


def test_ctrl_c_while_starting_is_one_line_and_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_app", interrupted)
    monkeypatch.setattr(sys, "argv", ["journeyctl", "rank"])
    with pytest.raises(SystemExit) as exit:
        cli.main()
    assert (exit.value.code, capsys.readouterr().err) == (EXIT_INTERRUPTED, "interrupted\n")


def test_an_error_outside_a_command_is_one_line_and_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> None:
        raise RuntimeError("bad\n\x1b[31mthing")

    monkeypatch.setattr(cli, "_app", broken)
    monkeypatch.setattr(sys, "argv", ["journeyctl", "rank"])
    with pytest.raises(SystemExit) as exit:
        cli.main()
    stderr = capsys.readouterr().err
    assert exit.value.code == EXIT_INTERNAL
    assert stderr.count("\n") == 1 and "(RuntimeError: bad \\x1b[31mthing); this is a bug" in stderr


def test_success_returns_without_exit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["journeyctl", "--version"])
    cli.main()  # no SystemExit: a script that calls main() goes on
    assert capsys.readouterr().out.startswith("journeyctl ")
