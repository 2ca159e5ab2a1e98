"""Files to models, with positions: sources, reading, parsing, schema validation."""

from journeyctl.load.cache import FileCache
from journeyctl.load.kinds import Kind, kind_of
from journeyctl.load.sources import Entry, FileSystemSource, GitRevisionSource, Source
from journeyctl.load.tree import FINDINGS_PER_FILE, Document, Tree, load_source, load_tree

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
