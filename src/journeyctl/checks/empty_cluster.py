"""Every cluster has at least one journey (warning).

A cluster without journeys is a gap in the framework's table of contents: either the
journeys are still to be listed, or the cluster can go.

Fails: a cluster `opzeggen` in `framework.yaml` that no journey names.
Passes: at least one journey with `cluster: opzeggen`.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC301", "empty-cluster", Severity.WARNING, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    framework = context.framework_document
    if framework is None or not context.complete:
        return
    used = {journey.model.cluster for journey in context.journeys}
    for index, cluster in enumerate(framework.model.clusters):
        if cluster.id not in used:
            yield framework.finding(
                RULE,
                f"cluster '{cluster.id}' has no journeys; add one (phase: {cluster.phase}, "
                f"cluster: {cluster.id}) or remove the cluster",
                ("clusters", index, "id"),
            )
