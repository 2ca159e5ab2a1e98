"""A journey's or improvement's id equals its file name without `.yaml`.

The file name is how people find a journey in the repository and in pull requests,
so the two must not drift apart. Rename the file or change the id.

Fails: `ik-verhuis.yaml` with `id: verhuizen`.
Passes: `ik-verhuis.yaml` with `id: ik-verhuis`.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC202", "id-file-mismatch", Severity.ERROR, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    for document in context.all_documents():
        stem = document.path.name.removesuffix(".yaml")
        if document.model.id != stem:
            yield document.finding(
                RULE,
                f"id '{document.model.id}' differs from the file name '{stem}.yaml'; "
                f"rename the file to '{document.model.id}.yaml' or set id: {stem}",
                ("id",),
            )
