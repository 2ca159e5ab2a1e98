"""`journeyctl render --out DIR`: journey maps and steering reports as HTML and Markdown pages."""

from __future__ import annotations

import os
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from journeyctl.cli._common import (
    DEFAULT_ROOT,
    NoCacheOption,
    RootOption,
    color,
    error_line,
    error_text,
    output,
)
from journeyctl.cli.report import refuse_same_periods
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK, UsageError

if TYPE_CHECKING:
    from jinja2 import Environment

    from journeyctl.render import Page

# From this many pages on, a progress bar shows on a terminal's stderr.
PROGRESS_FROM = 60


# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl render --out site",
    "journeyctl render --out site --format md --compare 2024",
)


class RenderFormat(str, Enum):
    html = "html"
    md = "md"
    both = "both"


class Language(str, Enum):
    nl = "nl"
    en = "en"


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
    root: RootOption = DEFAULT_ROOT,
    no_cache: NoCacheOption = False,
    output_format: Annotated[
        RenderFormat, typer.Option("--format", help="HTML pages, GitHub Markdown, or both.")
    ] = RenderFormat.html,
    templates: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Templates that replace the shipped ones by file name; default: a templates/ "
            "folder beside the root, if there is one.",
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            help="2025, 2025-Q3 or 2025-06; default: the period rank takes (the latest that "
            "at least half of the journeys with volumes have)."
        ),
    ] = None,
    compare: Annotated[
        str | None,
        typer.Option(help="The period to show movement against; default: the one before --period."),
    ] = None,
    lang: Annotated[
        Language | None,
        typer.Option(help="Labels and number formats in this language; default: the framework's."),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD", help="Judge overdue reviews on this day; default: today."
        ),
    ] = None,
) -> int:
    """Journey maps and steering reports as self-contained HTML and GitHub Markdown pages."""
    import sys

    from journeyctl.formats import REPORTERS
    from journeyctl.formats._safe import one_line
    from journeyctl.framework import check
    from journeyctl.render import (
        RenderOptions,
        TemplateRefused,
        check_targets,
        environment,
        plan_site,
        refuse_inside_tree,
    )
    from journeyctl.write import write_folder

    _refuse_a_file(out)
    if root:  # the check refuses an empty root with its own message
        refuse_inside_tree(out, Path(root))
    refuse_same_periods(period, compare)
    day = _day(today)
    project_templates = _templates(templates, root)
    checked = check(root, today=day, cache=not no_cache)
    if not checked.usable:
        error_text(REPORTERS["text"](checked.for_display().errors_only(), color(sys.stderr)))
        error_line("error: the tree has validation errors, so nothing is rendered; fix them first")
        return EXIT_FINDINGS
    options = RenderOptions(
        formats=("html", "md") if output_format is RenderFormat.both else (output_format.value,),
        period=period,
        compare=compare,
        lang=None if lang is None else lang.value,
        today=day,
    )
    pages = plan_site(checked.framework, checked.journeys, checked.improvements, options)
    env = environment(project_templates)
    try:
        texts = _render(pages, env)
    except TemplateRefused as refused:
        error_line(one_line(f"error: {refused}; nothing was written"))
        return EXIT_FINDINGS
    check_targets(out, texts)
    removed = write_folder(out, texts, tidy=True).removed
    if checked.validation.warnings:
        error_line(
            f"note: {checked.validation.warnings} warning(s); `journeyctl validate` lists them"
        )
    first = out / pages[0].path
    tidied = (
        f"; removed {len(removed)} page(s) of an earlier render no longer in the site"
        if removed
        else ""
    )
    output(f"wrote {len(pages)} pages to {out}{tidied}; open {first}\n")
    return EXIT_OK


def _render(pages: list[Page], env: Environment) -> dict[str, str]:
    """Every page's text by its path, before anything is written, so that a template that
    fails leaves no half site; a progress bar on a terminal's stderr for a large site."""
    from rich.console import Console
    from rich.progress import track

    from journeyctl.render import render_page

    console = Console(stderr=True)
    shown = console.is_terminal and len(pages) >= PROGRESS_FROM
    steps = (
        track(pages, description="rendering", console=console, transient=True) if shown else pages
    )
    return {page.path: render_page(env, page) for page in steps}


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


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"'{text}' is not a date; write YYYY-MM-DD", parameter="today") from None
