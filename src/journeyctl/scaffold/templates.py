"""The files under templates/, shipped with the package: what `init` makes, as files.

`example/<language>/` holds the example files at the paths `init` writes them to, copied as
they are (each one as `new_yaml` writes it, so that it reads back as written). Every other file
is a `string.Template`: `$name` is filled in, `$$` stands for one `$` (the shell variables and
`${{ }}` expressions of the CI configurations), and a `$name` without a value is an error, never
a gap in a file.
"""

from __future__ import annotations

from importlib.resources import files
from string import Template
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def template(name: str, **values: str) -> str:
    """The template `name` (a path under templates/, `/` between folders), filled in."""
    return Template(_read(_templates(*name.split("/")))).substitute(values)


def example(language: str) -> dict[str, str]:
    """The example files of `language` by path: framework.yaml first, then the example
    journey beside the tree."""
    found: dict[str, str] = {}

    def walk(folder: Traversable, prefix: str) -> None:
        for item in folder.iterdir():
            if item.is_dir():
                walk(item, f"{prefix}{item.name}/")
            else:
                found[f"{prefix}{item.name}"] = _read(item)

    walk(_templates("example", language), "")
    first = "journeys/framework.yaml"
    return {path: found[path] for path in sorted(found, key=lambda p: (p != first, p))}


def _templates(*parts: str) -> Traversable:
    place = files("journeyctl.scaffold") / "templates"
    for part in parts:
        place = place / part
    return place


def _read(file: Traversable) -> str:
    # Bytes decoded, not read_text: the files are written byte for byte as they are here.
    return file.read_bytes().decode("utf-8")
