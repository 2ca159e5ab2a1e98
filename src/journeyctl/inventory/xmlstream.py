"""A workbook part's XML read as a stream within a `Budget`: memory for one row at a time.

ElementTree keeps every element it has parsed under its parent until the document ends, so
a sheet of a million rows costs a million elements even when each row is cleared. `walk`
lets go of every element as it ends, except inside the element the caller wants whole (a
row, a shared string), and counts as it goes: each element against the file's budget, and
the bytes read within one whole element, or since the last element ended elsewhere,
against `MAX_STRETCH_BYTES` (a text of 200 MB is refused before it is held). XML is parsed
through openpyxl's parser, defusedxml's (`workbook` refuses to read without it): a document
that declares entities is refused, never expanded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Any

from journeyctl.inventory import limits
from journeyctl.inventory.limits import Budget
from journeyctl.inventory.words import Message

Element = Any  # xml.etree.ElementTree.Element; the parts of openpyxl that take it are untyped


class Metered:
    """The bytes of a part as the XML parser reads them, refused past `MAX_STRETCH_BYTES`
    read since the position `marked`."""

    def __init__(self, source: IO[bytes], budget: Budget, where: Message) -> None:
        self.source = source
        self.budget = budget
        self.where = where
        self.position = 0
        self.marked = 0

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.position += len(data)
        if self.position - self.marked > limits.MAX_STRETCH_BYTES:
            raise self.budget.too_long(self.where)
        return data


def walk(
    source: IO[bytes],
    budget: Budget,
    where: Message,
    whole: frozenset[str],
    inside: Callable[[Element, Element], None] | None = None,
) -> Iterator[tuple[Element, str | None]]:
    """Each element whose tag is in `whole`, with everything in it, as it ends, and the tag
    of the element around it. `inside` sees each element that ends within a whole one, and
    the whole one (a cell and its row), to count it before the whole one ends."""
    from journeyctl.inventory.openpyxl_private import iterparse

    stream = Metered(source, budget, where)
    open_elements: list[Element] = []  # started and not yet ended, outermost first
    depth = 0  # of the whole element being read (its place in open_elements + 1), or 0
    for event, element in iterparse(stream, events=("start", "end")):
        if event == "start":
            open_elements.append(element)
            if not depth and element.tag in whole:
                depth = len(open_elements)
                stream.marked = stream.position
            continue
        open_elements.pop()
        budget.elements += 1  # counted here, not in a method: this runs for every element
        if budget.elements > limits.MAX_XML_ELEMENTS:
            raise budget.too_many_elements(where)
        if len(open_elements) >= depth > 0:  # within the whole element, kept for it
            if inside is not None:
                inside(element, open_elements[depth - 1])
            continue
        parent = open_elements[-1] if open_elements else None
        if depth:
            depth = 0
            yield element, None if parent is None else parent.tag
        if parent is not None:
            parent.remove(element)
        stream.marked = stream.position
