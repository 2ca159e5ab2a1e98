"""Output formats: writers behind one interface, chosen by name.

A writer takes the data and one `Settings` and returns the whole output as text (see
`formats/base.py`); it never prints and never writes a file. Each kind of output has one
registry from name to writer: the findings' is `FINDINGS_FORMATS` here, one module per
format with a `report` writer; the ranking's, the reports' and the diff's are
`RANK_FORMATS`, `REPORT_FORMATS` and `DIFF_FORMATS` in their modules (imported apart, so
that `validate` does not load what ranking needs). A findings writer's module is imported
when its writer is first asked for: `validate --format json` loads no terminal library, and
`formats._safe` (which any line of output may need) costs no writer at all.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING

from journeyctl.formats.base import Settings, Writer

if TYPE_CHECKING:
    from journeyctl.checks import Validation

__all__ = ["FINDINGS_FORMATS", "Settings", "Writer", "resolve_format"]


class _Writers(Mapping[str, "Writer[Validation]"]):
    """Writers by name: each the `report` of its module, imported when first asked for."""

    def __init__(self, modules: tuple[str, ...]) -> None:
        self._modules = modules

    def __getitem__(self, name: str) -> Writer[Validation]:
        if name not in self._modules:
            raise KeyError(name)
        writer: Writer[Validation] = import_module(f"{__name__}.{name}").report
        return writer

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


FINDINGS_FORMATS: Mapping[str, Writer[Validation]] = _Writers(
    ("text", "json", "github", "gitlab", "sarif")
)


def resolve_format(name: str) -> str:
    """`auto` is `github` under GitHub Actions (annotations on the pull request), else `text`."""
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name
