"""The one place that decides what kind a file under the root is, from its root-relative path.

- `framework.yaml` directly under the root is the framework;
- a `.yaml` file with a folder named `improvements` anywhere above it is an improvement
  (`improvements/x.yaml`, `improvements/2025/x.yaml`, `klant-zijn/improvements/x.yaml`):
  a team may keep the improvements of its own journeys beside them;
- every other `.yaml` file is a journey;
- a `.yml` file is not read but named (JC008), so that it is never left out silently;
- anything else (a README, a picture) is not part of the tree.

A folder whose name is one of these (`x.yaml/`, `x.yml/`) stands where a file of the tree
is expected: the sources name it (JC004), and read the files inside it as any others.

Suffixes are matched without regard to case (`X.YAML` is read), as they would be on the
file systems of Windows and macOS.
"""

from __future__ import annotations

from enum import Enum

FRAMEWORK_FILE = "framework.yaml"
IMPROVEMENTS_FOLDER = "improvements"
YAML_SUFFIX = ".yaml"
YML_SUFFIX = ".yml"


class Kind(Enum):
    FRAMEWORK = "framework"
    JOURNEY = "journey"
    IMPROVEMENT = "improvement"
    MISNAMED = "misnamed"  # a .yml file: named by a warning, not read
    OTHER = "other"  # not part of the tree

    @property
    def is_read(self) -> bool:
        return self in (Kind.FRAMEWORK, Kind.JOURNEY, Kind.IMPROVEMENT)

    @property
    def is_named(self) -> bool:
        """A file of the tree, read or only named: a folder of this name is in its place."""
        return self is not Kind.OTHER


def kind_of(path: str) -> Kind:
    """The kind of the file at `path`: root-relative, with `/` between folders."""
    *folders, name = path.split("/")
    lowered = name.lower()
    if lowered.endswith(YML_SUFFIX):
        return Kind.MISNAMED
    if not lowered.endswith(YAML_SUFFIX):
        return Kind.OTHER
    if not folders and lowered == FRAMEWORK_FILE:
        return Kind.FRAMEWORK
    if IMPROVEMENTS_FOLDER in folders:
        return Kind.IMPROVEMENT
    return Kind.JOURNEY


def stem(path: str) -> str:
    """The file name without its `.yaml` suffix (whatever its case): what the id must equal."""
    name = path.rsplit("/", 1)[-1]
    return name[: -len(YAML_SUFFIX)] if name.lower().endswith(YAML_SUFFIX) else name


def is_hidden(name: str) -> bool:
    """Hidden folders (`.git`, `.journeyctl-cache`) are not part of the tree."""
    return name.startswith(".")
