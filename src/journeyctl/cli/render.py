"""`journeyctl render --out DIR`: journey maps and steering reports as HTML and Markdown pages."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, get_args

import typer

from journeyctl.cli import _options as shared
from journeyctl.cli._common import error_line, note_warnings, output, refuse_errors
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK, UsageError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from jinja2 import Environment

    from journeyctl.diff import TreeDiff
    from journeyctl.render import Page

# From this many pages on, a progress bar shows on a terminal's stderr.
PROGRESS_FROM = 60


# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl render --out site",
    "journeyctl render --out site --format md --compare 2024",
    "journeyctl render --out site --since main",
)


RenderFormat = Literal["html", "md", "both"]


def render(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            metavar="DIR",
            help="The folder to write the pages to (the only place written). Pages an "
            "earlier render wrote there and this one does not (a removed journey's) are "
            "deleted if unchanged; other files stay.",
        ),
    ],
    root: shared.RootOption = shared.DEFAULT_ROOT,
    no_cache: shared.NoCacheOption = False,
    output_format: Annotated[
        RenderFormat,
        shared.format_option(get_args(RenderFormat), "HTML pages, GitHub Markdown, or both."),
    ] = "html",
    templates: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Templates that replace the shipped ones by file name; default: a templates/ "
            "folder beside the root, if there is one.",
        ),
    ] = None,
    period: shared.PeriodOption = None,
    compare: shared.CompareOption = None,
    since: shared.SinceOption = None,
    lang: shared.LangOption = None,
    today: shared.TodayOption = None,
) -> int:
    """Journey maps and steering reports as self-contained HTML and GitHub Markdown pages."""
    from journeyctl.formats._safe import one_line
    from journeyctl.framework import check
    from journeyctl.render import (
        RenderOptions,
        TemplateRefused,
        check_targets,
        environment,
        made_from,
        plan_site,
        refuse_inside_tree,
    )
    from journeyctl.write.folder import write_folder_made

    _refuse_a_file(out)
    if root:  # the check refuses an empty root with its own message
        refuse_inside_tree(out, Path(root))
    shared.refuse_same_periods(period, compare)
    project_templates = _templates(templates, root)
    checked = check(root, today=today, cache=not no_cache)
    if refuse_errors(
        checked, "error: the tree has validation errors, so nothing is rendered; fix them first"
    ):
        return EXIT_FINDINGS
    tree = checked.tree
    files = [d.path for d in (tree.framework, *tree.journeys, *tree.improvements) if d]
    options = RenderOptions(
        formats=("html", "md") if output_format == "both" else (output_format,),
        period=period,
        compare=compare,
        lang=lang,
        today=today,
        made=made_from(root, files),
        since=_since(since, root),
        files={d.model.id: f"{tree.root.name}/{d.file}" for d in tree.journeys},
    )
    pages = plan_site(checked.framework, checked.journeys, checked.improvements, options)
    env = environment(project_templates)
    paths = pages.paths
    check_targets(out, paths)
    try:
        # Each page written as it is made: a template that fails leaves nothing written.
        removed = write_folder_made(out, paths, _render(pages, env), tidy=True).removed
    except TemplateRefused as refused:
        error_line(one_line(f"error: {refused}; nothing was written"))
        return EXIT_FINDINGS
    note_warnings(checked)
    first = out / paths[0]
    tidied = (
        f"; removed {len(removed)} page(s) of an earlier render no longer in the site"
        if removed
        else ""
    )
    output(f"wrote {len(pages)} pages to {out}{tidied}; open {first}\n")
    return EXIT_OK


def _render(pages: Sequence[Page], env: Environment) -> Iterator[str]:
    """Each page's text in turn, as it is made; a progress bar on a terminal's stderr for a
    large site."""
    from rich.console import Console
    from rich.progress import track

    from journeyctl.render import render_page

    console = Console(stderr=True)
    shown = console.is_terminal and len(pages) >= PROGRESS_FROM
    steps = (
        track(pages, description="rendering", console=console, transient=True) if shown else pages
    )
    return (render_page(env, page) for page in steps)


def _since(since: str | None, root: str) -> TreeDiff | None:
    """The changes from the revision `since` to the working tree (None without --since)."""
    if since is None:
        return None
    from journeyctl.diff import diff, head_commit

    if head_commit(root) is None:
        raise UsageError(
            f"compares git revisions, and '{root}' is not inside a git repository with a commit; "
            "leave --since out, or render in a clone of the framework's repository",
            parameter="since",
        )
    return diff(root, since)


def _refuse_a_file(out: Path) -> None:
    """A usage error, before any work, for an --out that is not a folder (a file, a FIFO, a
    device): the site is a folder, and the writer says what the path is instead."""
    from journeyctl.write import WriteError, check_folder

    try:
        check_folder(out)
    except WriteError as error:
        raise UsageError(str(error), parameter="out") from None


def _templates(given: Path | None, root: str) -> Path | None:
    """The project's templates: --templates, else `templates/` beside the root if it exists."""
    if given is not None:
        if not given.is_dir():
            raise UsageError(
                f"'{given}' is not a folder of templates; give the folder that holds your "
                "*.html.j2 and *.md.j2 files",
                parameter="templates",
            )
        return given
    if not root:
        return None  # the check refuses an empty root with its own message
    beside = Path(root).absolute().parent / "templates"
    return _relative(beside) if beside.is_dir() else None


def _relative(path: Path) -> Path:
    """`path` relative to the current folder where it can be, as messages show paths."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # on another drive
        return path
