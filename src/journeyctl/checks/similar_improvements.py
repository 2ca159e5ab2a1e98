"""No two improvements have near-identical titles (warning).

The framework exists so that improvements are not done twice. Two improvements whose
titles differ by a few letters are probably one: merge them and link the merged one to
every journey it touches.

Fails: "Digitale meterstand doorgeven" and "Digitaal meterstand doorgeven".
Passes: "Digitale meterstand doorgeven" and "Terugbelverzoek in de app".
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from journeyctl.checks._context import Context
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC307", "similar-improvements", Severity.WARNING, __doc__ or "")

SIMILARITY = 0.9


def check(context: Context) -> Iterator[Finding]:
    improvements = context.improvements
    titles = [document.model.title.casefold().strip() for document in improvements]
    for later in range(len(improvements)):
        for earlier in range(later):
            matcher = difflib.SequenceMatcher(None, titles[earlier], titles[later])
            if matcher.quick_ratio() >= SIMILARITY and matcher.ratio() >= SIMILARITY:
                yield improvements[later].finding(
                    RULE,
                    f"title is nearly the same as improvement '{improvements[earlier].model.id}' "
                    f"({improvements[earlier].display}); merge them if they are one improvement",
                    ("title",),
                )
