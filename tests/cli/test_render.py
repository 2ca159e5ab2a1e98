"""`journeyctl render` on the small tree of tests/render and on the example: exit code and
output together, and what lands in --out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from journeyctl.cli.app import app
from tests.conftest import REPO_ROOT
from tests.diff.conftest import AANMELD, Repository, git, repo
from tests.render.conftest import TREE, render_tree

# The fixtures: a copy of the small tree to change; a git repository holding a tree.
__all__ = ["render_tree", "repo"]

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
        ".journeyctl-written",  # what this render wrote, for the next one to tidy up
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


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "count"), [("md", 11), ("both", 22)])
def test_markdown_and_both(tmp_path: Path, fmt: str, count: int) -> None:
    result = run("--out", str(tmp_path), "--format", fmt)
    assert (result.exit_code, result.stderr) == (0, WARNINGS)
    assert result.stdout.startswith(f"wrote {count} pages to ")
    assert len(files(tmp_path)) == count + 1  # and the record of what was written
    assert (tmp_path / "journeys/i-pay-my-bill.md").is_file()


@pytest.mark.slow
def test_lang_period_and_compare(tmp_path: Path) -> None:
    result = run("--out", str(tmp_path), "--lang", "nl", "--period", "2025", "--compare", "2024")
    assert result.exit_code == 0, result.output
    ranking = (tmp_path / "ranking.html").read_text(encoding="utf-8")
    assert "<h1>Prioritering 2025</h1>" in ranking
    assert "Verschuiving ten opzichte van 2024" in ranking
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
    assert not (tmp_path / "site").exists()
    assert result.stderr == (
        f"error: {templates / 'ranking.html.j2'}:1: refused by the template sandbox: access to "
        "attribute '__class__' of 'str' object is unsafe.; templates may only use the page's "
        "data and Jinja's filters, not Python's internals; nothing was written\n"
    )


@pytest.mark.slow
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


def test_out_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "site.html"
    out.write_text("mine\n", encoding="utf-8")
    result = run("--out", str(out))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: --out cannot write into '{out}': it is a file, not a folder; give a folder "
        "(it is created when missing); nothing was written\n"
    )
    assert out.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--period", "2025", "--compare", "2025"],
            "error: --compare and --period are both '2025': a period compared with itself "
            "shows no movement; give --compare an earlier period, or leave it out to compare "
            "with the one before\n",
        ),
        (
            ["--compare", "2025"],  # the default period is 2025
            "error: --compare '2025' is the period ranked itself, so nothing would move; "
            "give an earlier period, such as 2024 (periods with volumes: 2024, 2025)\n",
        ),
    ],
)
def test_compare_with_the_period_itself_is_a_usage_error(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = run("--out", str(tmp_path / "site"), *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert not (tmp_path / "site").exists()


@pytest.mark.slow
def test_no_cache_renders_the_same_site(tmp_path: Path) -> None:
    cached = run("--out", str(tmp_path / "cached"))
    fresh = run("--out", str(tmp_path / "fresh"), "--no-cache")
    assert (fresh.exit_code, fresh.stderr) == (0, WARNINGS)
    assert cached.exit_code == 0
    pages = files(tmp_path / "cached")
    assert files(tmp_path / "fresh") == pages
    for page in pages:
        assert (tmp_path / "fresh" / page).read_bytes() == (tmp_path / "cached" / page).read_bytes()


@pytest.mark.slow
def test_no_cache_reads_nothing_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import journeyctl.framework

    asked: list[bool] = []
    real = journeyctl.framework.check

    def spy(*args: object, **kwargs: object) -> object:
        asked.append(bool(kwargs.get("cache", True)))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(journeyctl.framework, "check", spy)
    assert run("--out", str(tmp_path / "a"), "--no-cache").exit_code == 0
    assert run("--out", str(tmp_path / "b")).exit_code == 0
    assert asked == [False, True]


def broken_journey_template(tmp_path: Path) -> Path:
    """Templates whose journey map fails on a name that its page data does not have: the
    index and the reports render, the first journey map does not."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "journey.html.j2").write_text("{{ page.no_such_thing }}\n", encoding="utf-8")
    return templates


@pytest.mark.slow
def test_a_broken_template_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run("--out", str(out), "--templates", str(broken_journey_template(tmp_path)))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.endswith("; nothing was written\n")
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["templates"]  # no staging folder


@pytest.mark.slow
def test_a_broken_template_leaves_an_earlier_site_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run("--out", str(out)).exit_code == 0
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = {name: (out / name).read_bytes() for name in files(out)}
    result = run(
        "--out", str(out), "--lang", "nl", "--templates", str(broken_journey_template(tmp_path))
    )
    assert result.exit_code == 1
    assert {name: (out / name).read_bytes() for name in files(out)} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "templates"]


@pytest.mark.slow
def test_the_users_own_files_in_out_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "journeys").mkdir(parents=True)
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    (out / "journeys/extra.html").write_text("<p>mine</p>\n", encoding="utf-8")
    (out / "index.html").write_text("old\n", encoding="utf-8")
    result = run("--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert (out / "journeys/extra.html").read_text(encoding="utf-8") == "<p>mine</p>\n"
    assert (out / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert len(files(out)) == 11 + 2 + 1  # the pages, the user's two files, the record
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.slow
def test_the_page_of_a_renamed_journey_goes_unless_edited(
    render_tree: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    assert run("--out", str(out), "--format", "both", root=render_tree).exit_code == 0
    (out / "journeys/i-move-house.md").write_text("my notes\n", encoding="utf-8")
    for name in ("joining/signing-up/i-sign-up.yaml", "being/moving/i-move-house.yaml"):
        journey = render_tree / name
        old = journey.stem
        journey.write_text(
            journey.read_text(encoding="utf-8").replace(f"id: {old}", f"id: {old}-now"),
            encoding="utf-8",
        )
        journey.rename(journey.with_name(f"{old}-now.yaml"))
    billing = render_tree / "being/billing/i-pay-my-bill.yaml"
    billing.write_text(
        billing.read_text(encoding="utf-8").replace("[i-sign-up]", "[i-sign-up-now]"),
        encoding="utf-8",
    )
    result = run("--out", str(out), "--format", "both", root=render_tree)
    assert (result.exit_code, result.stdout) == (
        0,
        f"wrote 22 pages to {out}; removed 3 page(s) of an earlier render no longer in the "
        f"site; open {out / 'index.html'}\n",
    )
    journeys = [name for name in files(out) if name.startswith("journeys/i-")]
    assert [name for name in journeys if "sign-up" in name or "move-house" in name] == [
        "journeys/i-move-house-now.html",
        "journeys/i-move-house-now.md",
        "journeys/i-move-house.md",  # edited by hand, so kept
        "journeys/i-sign-up-now.html",
        "journeys/i-sign-up-now.md",
    ]


def test_a_folder_in_the_way_of_a_page_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "ranking.html").mkdir(parents=True)
    result = run("--out", str(out))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: cannot write '{out / 'ranking.html'}': a folder of that name is in "
        "the way; move it away; nothing was written\n"
    )
    assert files(out) == []


@pytest.mark.slow  # a second or more; the quick suite stays under a minute
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
    assert set(files(tmp_path)) == expected | {".journeyctl-written"}
    assert (tmp_path / "index.html").stat().st_size > 10_000


def out_cases(project: Path) -> dict[str, tuple[list[str], str, str]]:
    """--out given in each way that reaches the framework root: (arguments, the --out shown,
    the relation), run from `project`, which holds `journeys/`."""
    (project / "link-to-root").symlink_to(project / "journeys")
    return {
        "the root": (["--out", "journeys"], "journeys", "is the framework root"),
        "the root with a slash": (["--out", "journeys/"], "journeys", "is the framework root"),
        "the folder holding it": (["--out", "."], ".", "holds the framework root"),
        "its parent by ..": (["--out", "journeys/.."], "journeys/..", "holds the framework root"),
        "inside it": (["--out", "journeys/site"], "journeys/site", "is inside the framework root"),
        "inside it through ..": (
            ["--out", "journeys/../journeys/x"],
            "journeys/../journeys/x",
            "is inside the framework root",
        ),
        "a link to it": (["--out", "link-to-root"], "link-to-root", "is the framework root"),
        "absolute": (
            ["--out", str(project / "journeys")],
            str(project / "journeys"),
            "is the framework root",
        ),
        "absolute root, relative out": (
            ["--out", "journeys/x", "--root", str(project / "journeys")],
            "journeys/x",
            "is inside the framework root",
        ),
        "root through a link": (
            ["--out", "journeys", "--root", "link-to-root"],
            "journeys",
            "is the framework root",
        ),
    }


OUT_CASES = [
    "the root", "the root with a slash", "the folder holding it", "its parent by ..",
    "inside it", "inside it through ..", "a link to it", "absolute",
    "absolute root, relative out", "root through a link",
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("case", OUT_CASES)
def test_out_never_inside_the_framework(
    render_tree: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    project = render_tree.parent
    monkeypatch.chdir(project)
    args, shown, relation = out_cases(project)[case]
    root = args[args.index("--root") + 1] if "--root" in args else "journeys"
    before = sorted(p.relative_to(project).as_posix() for p in project.rglob("*"))
    result = CliRunner().invoke(app, ["render", "--root", "journeys", *args])
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    assert result.stderr == (
        f"error: --out '{shown}' {relation} '{root}'; render never writes into the framework, "
        "so give a folder outside it, such as 'site' beside it\n"
    )
    after = sorted(p.relative_to(project).as_posix() for p in project.rglob("*"))
    assert after == before


def test_out_inside_the_root_named_by_the_environment(
    render_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(render_tree.parent)
    monkeypatch.setenv("JOURNEYCTL_ROOT", "journeys")
    result = CliRunner().invoke(app, ["render", "--out", "journeys/pages"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(
        "error: --out 'journeys/pages' is inside the framework root 'journeys'; "
    )
    assert not (render_tree / "pages").exists()


def test_out_beside_the_root_is_fine(render_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(render_tree.parent)
    result = CliRunner().invoke(app, ["render", "--out", "site", "--today", "2026-01-15"])
    assert (result.exit_code, result.stdout) == (
        0,
        "wrote 11 pages to site; open site/index.html\n",
    )


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "a\n{{ range(10**8)|length }}\n",
            "journey.html.j2:2: range() of 100,000,000 numbers: a template may count to at most "
            "100,000; loop over the page's data instead",
        ),
        (
            "{{ 'x' * 10**9 }}",
            "journey.html.j2:1: the operator '*' would make the page's templates build more than "
            "64,000,000 characters or items; build less (a template shows the page's data, it "
            "does not need to make big values)",
        ),
        (
            "\n\n{% include '/etc/passwd' %}",
            "journey.html.j2:3: '/etc/passwd' was refused: it is outside the templates folder "
            "'templates'; name a template by its path inside that folder, such as "
            "'_macros.html.j2'",
        ),
        ("{{ 1/0 }}", "journey.html.j2:1: ZeroDivisionError: division by zero; fix the template"),
    ],
)
@pytest.mark.slow
def test_a_failing_project_template_is_its_own_fault(
    render_tree: Path, monkeypatch: pytest.MonkeyPatch, template: str, message: str
) -> None:
    project = render_tree.parent
    monkeypatch.chdir(project)
    (project / "templates").mkdir()
    (project / "templates/journey.html.j2").write_text(template, encoding="utf-8")
    result = CliRunner().invoke(app, ["render", "--out", "site", "--today", "2026-01-15"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"error: templates{os.sep}{message}; nothing was written\n"
    assert not (project / "site").exists()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["fifo", "folder", "link", "file in the way of a folder"])
def test_every_target_is_checked_before_the_first_write(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "site"
    out.mkdir()
    place = out / "journeys" / "i-sign-up.html"
    if kind == "file in the way of a folder":
        (out / "journeys").write_text("mine\n", encoding="utf-8")
        place = out / "journeys"
    else:
        place.parent.mkdir()
        if kind == "fifo":
            os.mkfifo(place)
        elif kind == "folder":
            place.mkdir()
        else:
            place.symlink_to(tmp_path / "elsewhere.html")
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    result = run("--out", str(out))
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    assert result.stderr.startswith("error: cannot write")
    assert str(place) in result.stderr and result.stderr.endswith("nothing was written\n")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    assert not (tmp_path / "elsewhere.html").exists()


@pytest.mark.slow
def test_since_adds_a_page_of_the_changes_linked_from_the_index(repo: Repository) -> None:
    repo.edit(AANMELD, "customers: 500, contacts: 400", "customers: 5000, contacts: 4000")
    out = repo.path / "site"
    result = run("--out", str(out), "--format", "both", "--since", "base", root=repo.root)
    assert (result.exit_code, result.stderr) == (0, "")
    assert (
        result.stdout == f"wrote {len(files(out)) - 1} pages to {out}; open {out / 'index.html'}\n"
    )
    changes = (out / "changes.html").read_text(encoding="utf-8")
    assert "<h1>Wijzigingen sinds base</h1>" in changes
    assert "Volumes 2025: klanten 500 -&gt; 5.000, contacten 400 -&gt; 4.000" in changes
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<p class="since"><a href="changes.html">Wijzigingen sinds base</a>' in index
    assert "[Wijzigingen sinds base](changes.md)" in (out / "index.md").read_text(encoding="utf-8")
    # Every page says the commit it was made from, and that the tree has changes besides.
    short = git(repo.path, "rev-parse", "--short", "HEAD")
    assert f"uit commit {short} van " in changes
    assert "met wijzigingen die nog niet zijn vastgelegd." in index


def test_since_a_revision_that_does_not_exist_is_a_usage_error(repo: Repository) -> None:
    result = run("--out", str(repo.path / "site"), "--since", "nope", root=repo.root)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: revision 'nope' not found in the git repository")
    assert not (repo.path / "site").exists()


def test_since_outside_git_is_a_usage_error(render_tree: Path, tmp_path: Path) -> None:
    result = run("--out", str(tmp_path / "site"), "--since", "main", root=render_tree)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: --since compares git revisions, and '{render_tree}' is not inside a git "
        "repository with a commit; leave --since out, or render in a clone of the framework's "
        "repository\n"
    )


@pytest.mark.slow
def test_outside_git_every_page_says_the_date_of_the_newest_file(
    render_tree: Path, tmp_path: Path
) -> None:
    for path in render_tree.rglob("*.yaml"):
        os.utime(path, (0, 1767225600))  # 1 January 2026, 00:00 UTC
    result = run("--out", str(tmp_path / "site"), root=render_tree)
    assert result.exit_code == 0, result.output
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "from files last changed on 1 Jan 2026 (not in git).</footer>" in index
