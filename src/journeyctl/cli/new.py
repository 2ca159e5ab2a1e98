"""`journeyctl new`: a new journey file at `<phase>/<cluster>/<id>.yaml`, from the template."""

from __future__ import annotations

from typing import Annotated

import typer

from journeyctl.cli._common import DEFAULT_ROOT, RootOption, error_line, output
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK, UsageError

# The most similar journeys named after a new one; more would bury the warning.
SHOWN_SIMILAR = 3


# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    'journeyctl new "Ik krijg bericht over een storing" --phase klant-zijn --cluster storing-en-klacht',
    'journeyctl new "Ik vraag een offerte aan" --phase "Klant worden" --cluster aanmelden --owner eva-de-boer',
)


def new(
    name: Annotated[str, typer.Argument(help="The journey's name, e.g. 'Ik verhuis'.")],
    phase: Annotated[str, typer.Option(help="The life-cycle phase: its id or its name.")],
    cluster: Annotated[str, typer.Option(help="The cluster (of that phase): its id or name.")],
    owner: Annotated[str | None, typer.Option(help="The journey owner: id or name.")] = None,
    root: RootOption = DEFAULT_ROOT,
) -> int:
    """Add a journey: a new file from the template, placed by the convention; never overwrites."""
    from journeyctl.checks import display_path
    from journeyctl.checks.variant_name import RULE as VARIANT_RULE
    from journeyctl.checks.variant_name import variant_word
    from journeyctl.framework import check
    from journeyctl.model.common import slugify
    from journeyctl.rank import RankOptions
    from journeyctl.rank.choices import resolve_filters
    from journeyctl.write.scaffold import (
        SCHEMAS_FOLDER,
        check_cluster_in_phase,
        check_id_free,
        create_file,
        journey_file,
        journey_text,
        modeline,
        similar_names,
    )

    checked = check(root)
    if not checked.framework_usable:
        error_line(
            "error: framework.yaml has errors, so a journey cannot be placed in it; "
            "run journeyctl validate and fix them first"
        )
        return EXIT_FINDINGS
    framework = checked.framework
    try:
        ids = resolve_filters(framework, RankOptions(phase=phase, cluster=cluster, owner=owner))
    except UsageError as unknown:
        # A new journey may need a new phase, cluster or owner: say where that goes.
        raise UsageError(
            f"{unknown}; a new one is added to framework.yaml first", parameter=unknown.parameter
        ) from None
    assert ids.phase is not None and ids.cluster is not None
    check_cluster_in_phase(framework, ids.cluster, ids.phase)
    id_ = slugify(name)
    check_id_free(checked.tree, id_, name)
    base = checked.tree.root
    relative = journey_file(ids.phase, ids.cluster, id_)
    header = modeline("journey", base / relative, base.parent / SCHEMAS_FOLDER)
    path = create_file(
        base, relative, journey_text(id_, name, ids.phase, ids.cluster, ids.owner, header)
    )
    word = variant_word(name)
    if word is not None:
        error_line(
            f"warning {VARIANT_RULE.id}: '{name}' looks like a scenario or channel variant "
            f"('{word}'); a journey is the essence, variants belong in its steps and touchpoints"
        )
    existing = {j.model.id: j.model.name for j in checked.tree.journeys if j.model.id != id_}
    for similar in similar_names(name, existing)[:SHOWN_SIMILAR]:
        error_line(
            f"warning: '{name}' is much like journey '{existing[similar]}' "
            f"({similar}); if they are one journey, remove the new file and extend that one"
        )
    output(f"{display_path(base, path.relative_to(base).as_posix())}\n")
    return EXIT_OK
