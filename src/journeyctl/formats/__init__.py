"""Output formats: writers behind one interface, chosen by name.

A writer takes the data and one `Settings` and returns the whole output as text (see
`formats/base.py`); it never prints and never writes a file. Each kind of output has one
registry from name to writer: the findings' is `FINDINGS_FORMATS` here, one module per
format with a `report` writer; the ranking's, the reports' and the diff's are
`RANK_FORMATS`, `REPORT_FORMATS` and `DIFF_FORMATS` in their modules (imported apart, so
that `validate` does not load what ranking needs).
"""

from __future__ import annotations

import os

from journeyctl.checks import Validation
from journeyctl.formats import github, gitlab, json, sarif, text
from journeyctl.formats.base import Settings, Writer

__all__ = ["FINDINGS_FORMATS", "Settings", "Writer", "resolve_format"]

FINDINGS_FORMATS: dict[str, Writer[Validation]] = {
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
