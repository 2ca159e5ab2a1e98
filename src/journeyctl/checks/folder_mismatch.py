"""A journey file sits in the folder of its phase and cluster (warning).

The convention is `<phase>/<cluster>/<id>.yaml` under the root, so that the tree reads
like the framework. The fields in the file are what count; a file in another folder
is probably left behind after a move. Files directly under the root, or in folders
that name no phase, are not judged.

Fails: `klant-worden/facturatie/ik-verhuis.yaml` with `phase: klant-zijn`.
Passes: `klant-zijn/verhuizen/ik-verhuis.yaml` with `phase: klant-zijn, cluster: verhuizen`.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC308", "folder-mismatch", Severity.WARNING, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    phases = context.ids.get("phase", set())
    for journey in context.journeys:
        folders = journey.path.parent.relative_to(context.tree.root).parts
        if not folders or folders[0] not in phases:
            continue
        if context.cluster_phase.get(journey.model.cluster) != journey.model.phase:
            continue  # unknown or inconsistent placement: JC203 or JC204 says so
        expected = (journey.model.phase, journey.model.cluster)
        if tuple(folders[:2]) != expected:
            yield journey.finding(
                RULE,
                f"file is in '{'/'.join(folders)}/' but the journey's phase/cluster is "
                f"'{'/'.join(expected)}'; move it to {'/'.join(expected)}/{journey.path.name}",
                ("cluster",),
            )
