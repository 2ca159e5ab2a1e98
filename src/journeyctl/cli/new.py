"""`journeyctl new`: a new journey file at `<phase>/<cluster>/<id>.yaml`, from the template."""

from __future__ import annotations

from typing import Annotated

import typer

from journeyctl.cli import _options as shared
from journeyctl.cli._common import error_line, output
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK

# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    'journeyctl new "Ik krijg bericht over een storing" --phase klant-zijn --cluster storing-en-klacht',
    'journeyctl new "Ik meld een laadpaal aan" --phase "Klant worden" --cluster aanmelden --owner eva-de-boer',
)


def new(
    name: Annotated[str, typer.Argument(help="The journey's name, e.g. 'Ik verhuis'.")],
    phase: Annotated[str, typer.Option(help="The life-cycle phase: its id or its name.")],
    cluster: Annotated[str, typer.Option(help="The cluster (of that phase): its id or name.")],
    owner: Annotated[str | None, typer.Option(help="The journey owner: id or name.")] = None,
    root: shared.RootOption = shared.DEFAULT_ROOT,
) -> int:
    """Add a journey: a new file from the template, placed by the convention; never overwrites."""
    from journeyctl.checks import display_path
    from journeyctl.scaffold import FrameworkHasErrors, new_journey

    try:
        made = new_journey(root, name, phase=phase, cluster=cluster, owner=owner)
    except FrameworkHasErrors as refused:
        error_line(f"error: {refused}")
        return EXIT_FINDINGS
    for warning in made.warnings:
        error_line(warning)
    output(f"{display_path(made.base, made.path.relative_to(made.base).as_posix())}\n")
    return EXIT_OK
