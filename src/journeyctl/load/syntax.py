"""The YAML parser journeyctl reads with, and what it says about a file that does not parse.

PyYAML's safe loader on libyaml (the pure-Python parser where PyYAML was built without
it), resolving tags with `FastResolver`; `compose` gives the node tree with its marks
counted as editors count lines. A syntax error or a character that YAML does not allow is
a `FileProblem` at its place, with a hint when an invisible YAML line break stands before it;
a quote never closed is placed where it starts, and a tab where the parser stopped is named.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import yaml

from journeyctl.load import rules
from journeyctl.load.lines import YAML_ONLY_BREAK, Lines, recount_marks
from journeyctl.load.problems import FileProblem
from journeyctl.load.tags import FastResolver

# libyaml where PyYAML was built with it (the wheels are); the pure-Python parser otherwise.
_PARSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# libyaml's parser, without PyYAML's constructor and resolver; None without libyaml.
EVENT_PARSER: Any = getattr(getattr(yaml, "_yaml", None), "CParser", None)


class YAML_LOADER(FastResolver, _PARSER):  # type: ignore[misc]
    """PyYAML's safe loader, on libyaml where there is one, with `FastResolver`."""


# The kinds of events, bound once: the readers compare every event's type with them.
SCALAR_EVENT = yaml.ScalarEvent
MAPPING_START, MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent
SEQUENCE_START, SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
# The events that open and close a mapping or a list, for the loops that track the depth.
OPENS = frozenset({MAPPING_START, SEQUENCE_START})
CLOSES = frozenset({MAPPING_END, SEQUENCE_END})


def compose(text: str) -> yaml.Node | None:
    """The node tree of the one document in `text`, its marks counted as editors count lines.

    Raises what `yaml.compose` raises, with the marks of syntax errors left as the parser gave
    them (`syntax_problem` corrects those).
    """
    node = yaml.compose(text, Loader=YAML_LOADER)
    lines = Lines.of(text)
    if node is not None and lines is not None:
        recount_marks(node, lines)
    return node


def syntax_problem(error: yaml.MarkedYAMLError, text: str) -> FileProblem:
    unclosed = _unclosed_quote(error, text)
    if unclosed is not None:
        return unclosed
    tab = _tab(error, text)
    if tab is not None:
        return tab
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "invalid YAML"
    if error.context:
        started = error.context_mark
        where = f" that starts at line {mark_position(started, text)[0]}" if started else ""
        problem = f"{problem} ({error.context}{where})"
    if mark is None:
        return FileProblem(rules.YAML_SYNTAX, problem)
    problem += _hidden_break_hint(text, mark.index) + _quote_closed_late(text, mark)
    return FileProblem(rules.YAML_SYNTAX, problem, *mark_position(mark, text))


def _quote_closed_late(text: str, mark: Any) -> str:
    """A hint where the error comes right after a quoted text of several lines: most often a
    quote left open, which the next quote in the file (an apostrophe, a quoted value further
    down) closed, and the parser stumbles on what follows it."""
    if "'" not in text and '"' not in text:
        return ""
    before = None
    try:
        for token in yaml.scan(text, Loader=YAML_LOADER):
            if token.start_mark.index >= mark.index:
                break
            before = token
    except yaml.YAMLError:  # the scanner gave up too: the tokens before it are all there is
        pass
    if (
        not isinstance(before, yaml.ScalarToken)
        or before.style not in ("'", '"')
        or before.start_mark.line == before.end_mark.line
        or before.end_mark.line != mark.line
    ):
        return ""
    line, column = mark_position(before.start_mark, text)
    return (
        f"; the quoted text that starts at line {line}, column {column} ends just before "
        f"this: if its quote ({before.style}) was meant to close on line {line}, close it there"
    )


def _unclosed_quote(error: yaml.MarkedYAMLError, text: str) -> FileProblem | None:
    """A quote never closed, at the quote: the parser gives up where the text ends (or at a
    document marker), often hundreds of lines further on, far from what is to be fixed."""
    started, ended = error.context_mark, error.problem_mark
    if (
        error.context != "while scanning a quoted scalar"
        or started is None
        or ended is None
        or not (error.problem or "").startswith(
            ("found unexpected end of stream", "found unexpected document")
        )
    ):
        return None
    quote = text[started.index : started.index + 1]
    if error.problem == "found unexpected end of stream":
        runs_to = "the end of the file"
    else:  # `---` or `...` at the start of a line: YAML ends the document there
        marker = text[ended.index : ended.index + 3]
        runs_to = f"the '{marker}' on line {mark_position(ended, text)[0]}"
    return FileProblem(
        rules.YAML_SYNTAX,
        f"this quote ({quote}) is never closed, so the text runs on to {runs_to}; close the "
        "quote that starts here",
        *mark_position(started, text),
    )


def _tab(error: yaml.MarkedYAMLError, text: str) -> FileProblem | None:
    """A tab where the parser stopped, named as such: libyaml says "found character that
    cannot start any token" (or that the tab "violates indentation") and leaves the reader
    to guess at a character that most editors show as spaces."""
    mark = error.problem_mark
    if mark is None or text[mark.index : mark.index + 1] != "\t":
        return None
    before = text[: mark.index]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    if before[line_start:].strip(" \t"):  # after `-`, `?` or `:` on its line
        message = "a tab stands here; YAML separates with spaces only: replace the tab with a space"
    else:
        message = (
            "a tab indents this line; YAML indents with spaces only: replace the tab with spaces"
        )
    message += _hidden_break_hint(text, mark.index)
    return FileProblem(rules.YAML_SYNTAX, message, *mark_position(mark, text))


def mark_position(mark: Any, text: str) -> tuple[int, int]:
    """A parser mark's 1-based line and column, as editors count them."""
    return Lines(text).position(mark.index) if Lines.of(text) else (mark.line + 1, mark.column + 1)


def _hidden_break_hint(text: str, offset: int) -> str:
    # A line break to YAML 1.1 that editors do not show makes errors that cannot be seen.
    hidden = YAML_ONLY_BREAK.search(text, 0, offset + 1)
    if hidden is None:
        return ""
    line, column = Lines(text).position(hidden.start())
    name = unicodedata.name(hidden.group(), "NEXT LINE")
    return (
        f"; line {line}, column {column} holds U+{ord(hidden.group()):04X} {name}, "
        "which YAML reads as a line break: remove it"
    )


def character_problem(text: str, error: yaml.reader.ReaderError) -> FileProblem:
    offset = max(0, min(error.position, len(text)))
    character = error.character if isinstance(error.character, str) else chr(error.character)
    return FileProblem(
        rules.YAML_SYNTAX,
        f"character #x{ord(character):04x} is not allowed in YAML ({error.reason}); remove it",
        *Lines(text).position(offset),
    )
