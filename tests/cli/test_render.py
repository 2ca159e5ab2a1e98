"""`journeyctl render` on the small tree of tests/render and on the example: exit code and
output together, and what lands in --out."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from journeyctl.cli.app import app
from tests.conftest import REPO_ROOT
from tests.render.conftest import TREE, render_tree

__all__ = ["render_tree"]  # the fixture, for the tests that change the tree

WARNINGS = "note: 2 warning(s); `journeyctl validate` lists them\n"


def run(*args: str, root: Path = TREE) -> Result:
    return CliRunner().invoke(app, ["render", "--root", str(root), "--today", "2026-01-15", *args])


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_html_by_default(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run("--out", str(out))
    assert (result.exit_code, result.stderr) == (0, WARNINGS)
    assert result.stdout == f"wrote 11 pages to {out}; open {out / 'index.html'}\n"
    assert files(out) == [
        "alerts.html",
        "coverage.html",
        "improvements.html",
        "index.html",
        "journeys/i-get-a-reminder.html",
        "journeys/i-move-house.html",
        "journeys/i-pay-my-bill.html",
        "journeys/i-sign-up.html",
        "kpis.html",
        "owners.html",
        "ranking.html",
    ]


@pytest.mark.parametrize(("fmt", "count"), [("md", 11), ("both", 22)])
def test_markdown_and_both(tmp_path: Path, fmt: str, count: int) -> None:
    result = run("--out", str(tmp_path), "--format", fmt)
    assert (result.exit_code, result.stderr) == (0, WARNINGS)
    assert result.stdout.startswith(f"wrote {count} pages to ")
    assert len(files(tmp_path)) == count
    assert (tmp_path / "journeys/i-pay-my-bill.md").is_file()


def test_lang_period_and_compare(tmp_path: Path) -> None:
    result = run("--out", str(tmp_path), "--lang", "nl", "--period", "2024", "--compare", "2025")
    assert result.exit_code == 0, result.output
    ranking = (tmp_path / "ranking.html").read_text(encoding="utf-8")
    assert "<h1>Prioritering 2024</h1>" in ranking
    assert "Verschuiving ten opzichte van 2025" in ranking
    assert '<html lang="nl">' in ranking


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--period", "2019"],
            "error: --period '2019': no journey has volumes for that period; periods present: 2024, 2025\n",
        ),
        (
            ["--period", "20x"],
            "error: --period '20x' is not a period; write 2025, 2025-Q3 or 2025-06\n",
        ),
        (["--today", "yesterday"], "error: --today 'yesterday' is not a date; write YYYY-MM-DD\n"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("--out", str(tmp_path / "site"), *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert not (tmp_path / "site").exists()


def test_templates_that_are_not_a_folder(tmp_path: Path) -> None:
    result = run("--out", str(tmp_path / "site"), "--templates", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: --templates '{tmp_path / 'nope'}' is not a folder of templates; give the "
        "folder that holds your *.html.j2 and *.md.j2 files\n"
    )


def test_a_tree_with_errors_is_not_rendered(render_tree: Path, tmp_path: Path) -> None:
    journey = render_tree / "being/moving/i-move-house.yaml"
    journey.write_text(
        journey.read_text(encoding="utf-8").replace("owner: ann", "owner: nobody"), encoding="utf-8"
    )
    result = run("--out", str(tmp_path / "site"), root=render_tree)
    assert result.exit_code == 1
    assert "owner 'nobody'" in result.stderr
    assert result.stderr.endswith(
        "error: the tree has validation errors, so nothing is rendered; fix them first\n"
    )
    assert not (tmp_path / "site").exists()


def test_a_sandboxed_template_that_reaches_for_python_is_refused(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "ranking.html.j2").write_text("{{ ''.__class__.__mro__ }}\n", encoding="utf-8")
    result = run("--out", str(tmp_path / "site"), "--templates", str(templates))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: {templates / 'ranking.html.j2'}:1: refused by the template sandbox: access to "
        "attribute '__class__' of 'str' object is unsafe.; templates may only use the page's "
        "data and Jinja's filters, not Python's internals; nothing more was written\n"
    )


def test_templates_beside_the_root_are_used(render_tree: Path, tmp_path: Path) -> None:
    beside = render_tree.parent / "templates"
    beside.mkdir()
    (beside / "index.html.j2").write_text("<p>{{ page.title }}</p>\n", encoding="utf-8")
    result = run("--out", str(tmp_path / "site"), root=render_tree)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site/index.html").read_text(encoding="utf-8") == "<p>Example Power</p>\n"
    assert "<style>" in (tmp_path / "site/ranking.html").read_text(encoding="utf-8")


def test_an_id_cannot_write_outside_out_through_a_symlink(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "journeys").symlink_to(elsewhere)
    result = run("--out", str(out))
    assert result.exit_code == 2
    assert "is a symbolic link, which journeyctl does not write through" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_the_example_renders_every_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO_ROOT)
    result = CliRunner().invoke(app, ["render", "--out", str(tmp_path), "--format", "both"])
    assert result.exit_code == 0, result.output
    journeys = sorted(
        p.stem
        for p in (REPO_ROOT / "journeys").rglob("*.yaml")
        if "improvements" not in p.parts and p.name != "framework.yaml"
    )
    assert len(journeys) == 40
    expected = {f"journeys/{j}.{ext}" for j in journeys for ext in ("html", "md")}
    expected |= {
        f"{page}.{ext}"
        for page in ("index", "ranking", "kpis", "improvements", "coverage", "owners", "alerts")
        for ext in ("html", "md")
    }
    assert set(files(tmp_path)) == expected
    assert (tmp_path / "index.html").stat().st_size > 10_000
