"""Files to models, with positions: reading, parsing, schema validation."""

from journeyctl.load.tree import Document, Tree, display_path, load_tree

__all__ = ["Document", "Tree", "display_path", "load_tree"]
