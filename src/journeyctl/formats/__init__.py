"""Output formats: one reporter per format behind one interface, chosen by name.

A findings reporter takes a `Validation` and whether colour is wanted, and returns the
whole output as text. To add a format, write a module with a `report` function and add
it to `REPORTERS`.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from journeyctl.checks import Validation
from journeyctl.formats import github, gitlab, json, sarif, text

Reporter = Callable[[Validation, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "json": json.report,
    "github": github.report,
    "gitlab": gitlab.report,
    "sarif": sarif.report,
}


def resolve_format(name: str) -> str:
    """`auto` is `github` under GitHub Actions (annotations on the pull request), else `text`."""
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name
