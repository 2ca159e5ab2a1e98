"""Reading one YAML file safely and fast: `parse`, from text to `Parsed` or a `FileProblem`.

Two readers, on libyaml (PyYAML's C parser). The plain reader (`plain_reader.py`) builds
the data straight from the parser's events, for a file of plain YAML that reads without a
problem, which is almost every file. The full reader (`full_reader.py`) reads anything:
libyaml composes the node tree and a small builder turns it into plain data; it sees every
repeated key with its position (PyYAML's constructor silently overwrites them), refuses
tags and YAML 1.1 numbers with their place (`scalars.py`), expands merge keys and measures
aliases (`limits.py`). Both are faster than PyYAML's generic constructor, and both record
where every key and value is written (`positions.py`), so that findings get their
positions without a second parse and without keeping a node tree.
"""

from __future__ import annotations

from journeyctl.load.full_reader import read_full
from journeyctl.load.limits import FEWER_VALUES_THAN_CHARACTERS, check_size
from journeyctl.load.parsed import Parsed
from journeyctl.load.plain_reader import read_plain
from journeyctl.load.problems import FileProblem

__all__ = ["Parsed", "parse"]


def parse(text: str) -> Parsed | FileProblem:
    """The document in `text` as plain Python data, or the reason it cannot be had.

    The plain reader (`read_plain`) reads what almost every file is; anything else, and
    any file it finds a problem in, is read by the full reader, which says what and where.
    """
    if len(text) >= FEWER_VALUES_THAN_CHARACTERS:
        problem = check_size(text)
        if problem is not None:
            return problem
    return read_plain(text) or read_full(text)
