"""Where templates come from: the project's folder first, then the shipped one, and nowhere else.

A template names another (`{% include %}`, `{% extends %}`, `{% import %}`) by its path inside
a templates folder. A name that is absolute (`/etc/passwd`), climbs out (`../x`), or leads out
through a symbolic link is refused as outside the templates folder; so is a file that is not
a regular file (a FIFO would hang the read), one past `MAX_TEMPLATE_BYTES`, or one that is
not UTF-8. A name found in neither folder is a missing template: of the project's, unless it
is one that journeyctl ships (then the installation is broken).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from jinja2 import BaseLoader, TemplateNotFound

if TYPE_CHECKING:
    from jinja2 import Environment

# The largest template file read: a page's template is a few kilobytes; a bigger file is a
# mistake, and Jinja's compiler takes time and memory in proportion to it.
MAX_TEMPLATE_BYTES = 1_000_000


class TemplateOutside(Exception):
    """A template name or file that the loader refuses; the message says why and what to do."""


class TemplateFolders(BaseLoader):
    """Templates by name from the project's folder (if any), then from the shipped folder."""

    def __init__(self, project: Path | None, shipped: Path) -> None:
        self.project = project
        self.shipped = shipped
        self.folders = [shipped] if project is None else [project, shipped]
        self.files: set[str] = set()  # every file read, to find them in a traceback

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        parts = self._parts(template)
        for folder in self.folders:
            path = folder.joinpath(*parts)
            if os.path.lexists(path):
                text = _read(folder, path, template)
                self.files.add(str(path))
                return text, str(path), lambda: True
        raise TemplateNotFound(template, self._missing(template))

    def is_project_file(self, filename: str) -> bool:
        """Whether `filename` (as `get_source` gave it) is one of the project's templates."""
        return self.project is not None and Path(filename).is_relative_to(self.project)

    def _parts(self, template: str) -> tuple[str, ...]:
        name = PurePosixPath(template)
        if name.is_absolute() or ".." in name.parts or "\\" in template:
            folder = self.project or self.shipped
            raise TemplateOutside(
                f"'{template}' was refused: it is outside the templates folder '{folder}'; "
                "name a template by its path inside that folder, such as '_macros.html.j2'"
            )
        return tuple(part for part in name.parts if part != ".")

    def _missing(self, template: str) -> str:
        if self.project is None or (self.shipped / template).exists():
            return (
                f"template '{template}' not found; it ships with journeyctl, so reinstall "
                "journeyctl or add the file to your templates folder"
            )
        return (
            f"template '{template}' not found in '{self.project}' nor among journeyctl's own "
            f"templates; add it to '{self.project}' or correct the name"
        )


def _read(folder: Path, path: Path, template: str) -> str:
    """The text of a template file that stays inside `folder` and is a regular UTF-8 file."""
    real = path.resolve()
    if not real.is_relative_to(folder.resolve()):
        raise TemplateOutside(
            f"'{template}' was refused: '{path}' leads outside the templates folder '{folder}' "
            "(a symbolic link); copy the template into the folder instead"
        )
    try:
        mode = real.stat().st_mode
        if not stat.S_ISREG(mode):
            raise TemplateOutside(
                f"'{template}' was refused: '{path}' is not a regular file; templates are "
                "plain text files"
            )
        with real.open("rb") as file:
            data = file.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as error:
        raise TemplateOutside(
            f"cannot read '{path}': {error.strerror or error}; check its permissions"
        ) from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateOutside(
            f"'{path}' is more than {MAX_TEMPLATE_BYTES:,} bytes, more than a template may be; "
            "split it into templates that include each other"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TemplateOutside(
            f"'{path}' is not UTF-8 text (byte {error.start + 1}); save it as UTF-8"
        ) from None
