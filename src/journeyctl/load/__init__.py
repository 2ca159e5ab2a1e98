"""Files to models, with positions: sources, reading, parsing, schema validation.

The names below are imported when first used, so that a module of this package that needs
little (`journeyctl.load.rules`, for `journeyctl rules`) does not import PyYAML and Pydantic.
"""

from __future__ import annotations

from importlib import import_module

# Not `typing.TYPE_CHECKING`: importing `typing` would cost the console script's stored
# answer of `validate` (`journeyctl.load.runs`) a tenth of its time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from journeyctl.load.cache import FileCache
    from journeyctl.load.kinds import Kind, kind_of
    from journeyctl.load.sources import Entry, FileSystemSource, GitRevisionSource, Source
    from journeyctl.load.tree import FINDINGS_PER_FILE, Document, Tree, load_source, load_tree

_MODULES = {
    "FileCache": "cache",
    "Kind": "kinds",
    "kind_of": "kinds",
    "Entry": "sources",
    "FileSystemSource": "sources",
    "GitRevisionSource": "sources",
    "Source": "sources",
    "FINDINGS_PER_FILE": "tree",
    "Document": "tree",
    "Tree": "tree",
    "load_source": "tree",
    "load_tree": "tree",
}

__all__ = [
    "FINDINGS_PER_FILE",
    "Document",
    "Entry",
    "FileCache",
    "FileSystemSource",
    "GitRevisionSource",
    "Kind",
    "Source",
    "Tree",
    "kind_of",
    "load_source",
    "load_tree",
]


def __getattr__(name: str) -> object:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
    globals()[name] = value
    return value
