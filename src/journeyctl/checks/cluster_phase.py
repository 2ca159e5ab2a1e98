"""A journey's cluster belongs to the journey's phase.

The framework places every cluster in one life-cycle phase. A journey that names a
cluster of another phase would appear in two places in the framework. Fix the
journey's `phase` or `cluster`.

Fails: `phase: klant-worden` with `cluster: facturatie` where that cluster sits in `klant-zijn`.
Passes: `phase: klant-zijn` with `cluster: facturatie`.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC204", "cluster-phase-mismatch", Severity.ERROR, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    phases = context.ids.get("phase", set())
    for journey in context.journeys:
        cluster_phase = context.cluster_phase.get(journey.model.cluster)
        # An unknown phase is JC203's to report; saying the cluster is elsewhere adds noise.
        if journey.model.phase not in phases:
            continue
        if cluster_phase is not None and cluster_phase != journey.model.phase:
            yield journey.finding(
                RULE,
                f"cluster '{journey.model.cluster}' belongs to phase '{cluster_phase}', "
                f"not '{journey.model.phase}'; set phase: {cluster_phase} or pick a cluster "
                f"of phase '{journey.model.phase}'",
                ("cluster",),
            )
