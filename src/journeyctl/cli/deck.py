"""`journeyctl deck --out FILE.pptx`: the steering deck, an editable PowerPoint file with
native tables and charts, in the framework's language."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyctl.cli import _options as shared
from journeyctl.cli._common import checked_input, note_warnings, output
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK

# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl deck --out stuurgroep.pptx",
    "journeyctl deck --out steering.pptx --since HEAD~1 --top 5 --lang en",
)

SUFFIX = ".pptx"


def deck(
    out: Annotated[
        Path, typer.Option("--out", metavar="FILE", help="The deck to write (a .pptx file).")
    ],
    template: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="A .pptx whose fonts, colours and slide size the deck takes; it must have the "
            "layouts 'Title Slide' and 'Title Only'.",
        ),
    ] = None,
    root: shared.RootOption = shared.DEFAULT_ROOT,
    no_cache: shared.NoCacheOption = False,
    period: shared.PeriodOption = None,
    top: Annotated[
        int | None,
        shared.count_option("The first N journeys of the ranking, a slide each; default 10."),
    ] = None,
    compare: shared.CompareOption = None,
    lang: shared.LangOption = None,
    since: shared.SinceOption = None,
    today: shared.TodayOption = None,
) -> int:
    """Write the steering deck: ranking, changes, alerts, KPIs, improvements, top journeys."""
    from journeyctl.diff import diff, head_commit
    from journeyctl.formats._safe import one_line
    from journeyctl.formats.deck import Template, deck_bytes
    from journeyctl.views.deck import deck_view
    from journeyctl.write import refuse_in_tree, write_bytes

    _check_out(out)
    shared.refuse_same_periods(period, compare)
    chosen = None if template is None else Template(_existing(template))
    found = checked_input(root, "no deck is made", period, compare, today, no_cache)
    if found is None:
        return EXIT_FINDINGS
    checked, report_input = found
    refuse_in_tree(out, checked.tree.root)
    changes = None if since is None else diff(root, _revision(since))
    view = deck_view(report_input, top=top, commit=head_commit(root), diff=changes, lang=lang)
    made = deck_bytes(view, chosen)
    write_bytes(out, made.data)
    note_warnings(checked)
    output(
        f"Wrote {len(made.titles)} slides (period {view.ranking.period or '-'}) to "
        f"{one_line(str(out))}\n"
    )
    return EXIT_OK


def _check_out(out: Path) -> None:
    """A .pptx in a folder that exists, and a path a file may be written to; checked before
    any work, so that nothing is made for a deck that cannot be written."""
    from journeyctl.errors import UsageError
    from journeyctl.write import WriteError, check_target

    if out.suffix.lower() != SUFFIX:
        shown = f"ends in {out.suffix}" if out.suffix else "has no suffix"
        raise UsageError(
            f"'{out.name}' {shown}; the deck is a PowerPoint file: name it *{SUFFIX}",
            parameter="out",
        )
    check_target(out, parameter="out")
    if not out.parent.is_dir():
        raise WriteError(
            f"cannot write '{out}': the folder '{out.parent}' does not exist; create it or "
            "write elsewhere",
            parameter="out",
        )


def _existing(template: Path) -> Path:
    """A regular file (through a symbolic link too): a pipe or a device is said as what it
    is and never opened, since reading one may wait forever (a FIFO) or never end."""
    import errno
    import stat

    from journeyctl.errors import UsageError
    from journeyctl.paths import kind

    try:
        mode = template.stat().st_mode
    except OSError as error:
        missing = error.errno in (errno.ENOENT, errno.ENOTDIR)
        what = "does not exist" if missing else f"cannot be read ({error.strerror})"
    else:
        if stat.S_ISREG(mode):
            return template
        what = f"is {kind(mode)}" + ("" if stat.S_ISDIR(mode) else ", not a file")
    raise UsageError(f"'{template}' {what}; give a .pptx file", parameter="template")


def _revision(since: str) -> str:
    """A revision git may be asked about: not empty, and not an option in disguise."""
    from journeyctl.errors import UsageError

    if not since.strip() or since.startswith("-"):
        raise UsageError(
            f"'{since}' is not a git revision; name a commit, branch or tag", parameter="since"
        )
    return since
