"""YAML (and JSON) documents: new ones in the house style, and round-trip edits of existing ones.

ruamel.yaml keeps what it loads (comments, key order, quoting, blank lines, the modeline on
the first line), so an edit changes only what the edit touched. It is set up to write what
the example tree looks like: sequences indented under their key, lines never re-wrapped.
A new document of plain data is written by a small writer of that style instead
(`journeyctl.write.housestyle`), which gives ruamel's bytes many times faster.
Every scalar journeyctl adds is quoted exactly when its own loader would otherwise read it
as something else (`journeyctl.write.roundtrip`); a new document is read back with that loader
before it is handed out, so a writer bug ends in an error, never in a file that lies.
"""

from __future__ import annotations

import datetime
import io
import itertools
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from journeyctl.load.yamlfile import Parsed, parse
from journeyctl.write.edit import editing
from journeyctl.write.housestyle import house_style
from journeyctl.write.roundtrip import round_trip_yaml
from journeyctl.write.same import same_data
from journeyctl.write.targets import WriteError


def new_yaml(
    data: Mapping[str, Any], *, header_comment: str | None = None, read_back: bool = True
) -> str:
    """A new YAML document holding `data`, keys in the given order, each line of
    `header_comment` (such as a `yaml-language-server: $schema=...` modeline) as a comment
    above it. Values: str, int, finite float, bool, None, datetime.date, and lists and
    mappings of them; anything else is a WriteError.

    `read_back=False` leaves reading it back to a caller that reads the text with the loader
    anyway (import checks the tree its plan would leave), which must then compare the data
    it reads with `data`, or call `check_reads_back`, before the text is written."""
    text = house_style(data)
    if text is None:  # data the small writer is not sure of, or must refuse
        text = emitted_by_ruamel(data)
    if header_comment is not None:
        text = "".join(f"# {line}".rstrip() + "\n" for line in header_comment.split("\n")) + text
    if read_back:
        check_reads_back(text, data)
    return text


def emitted_by_ruamel(data: Mapping[str, Any]) -> str:
    """`data` as ruamel.yaml writes a new document (what `house_style` writes faster)."""
    return _dump(_commented(data))


def one_line(values: list[Any]) -> CommentedSeq:
    """A short list that a new document or an edit writes on one line: `[customers]`."""
    items = CommentedSeq(values)
    items.fa.set_flow_style()
    return items


def new_json(data: Any) -> str:
    """`data` as the JSON files journeyctl writes (schemas): indented, UTF-8 as is, a final newline."""
    try:
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    except ValueError as error:
        raise WriteError(
            f"cannot write this data as JSON: {error}; leave out what JSON cannot hold"
        ) from None


def edit_yaml(text: str, edit: Callable[[CommentedMap], None]) -> str:
    """`text` after `edit` changed its top-level mapping in place; all else byte-identical.

    The edit receives ruamel's mapping (see `journeyctl.write.edit` for helpers); values it
    adds are plain Python values. Windows line ends stay Windows line ends. The file's
    indentation is kept where it is the same throughout (ruamel writes one for a file).
    """
    windows = "\r\n" in text
    if windows:  # ruamel would keep the \r in comments and double it on the way out
        text = text.replace("\r\n", "\n")
    try:
        yaml = round_trip_yaml(*_indentation(text))
        document = yaml.load(text)
    except YAMLError as error:
        raise WriteError(
            f"cannot edit a file that is not valid YAML ({' '.join(str(error).split())}); "
            "run journeyctl validate and fix it first; nothing was changed"
        ) from None
    if not isinstance(document, CommentedMap):
        raise WriteError(
            "cannot edit a file whose top level is not a mapping of keys to values; "
            "run journeyctl validate and fix it first; nothing was changed"
        )
    with editing(document):
        edit(document)
    edited = _dump(document, yaml)
    if text and not text.endswith("\n") and edited.endswith("\n"):
        edited = edited[:-1]  # a file without a last line end stays without one
    return edited.replace("\n", "\r\n") if windows else edited


def _dump(document: Any, yaml: YAML | None = None) -> str:
    stream = io.StringIO()
    (yaml or round_trip_yaml()).dump(document, stream)
    return stream.getvalue()


_OPENS_BLOCK = re.compile(r"^( *)[^\s#-][^#]*:[ \t]*(?:#.*)?$")
_INDENTED = re.compile(r"^( *)(- )?\S")
_BLOCK_SCALAR = re.compile(r"(?:^|[:-] )[|>][-+0-9]*[ \t]*(?:#.*)?$")


def _indentation(text: str) -> tuple[int, int]:
    """How far `text` indents a mapping under its key, and a list's dashes under theirs.

    ruamel writes one indentation for a whole file, so it takes the file's own, as the first
    key that opens a block shows it; the house style (2 and 2) where the file shows none.
    """
    found: dict[bool, int] = {}
    lines = _structure_lines(text)
    for line, following in itertools.pairwise(lines):
        opener, child = _OPENS_BLOCK.match(line), _INDENTED.match(following)
        if opener and child:
            step = len(child.group(1)) - len(opener.group(1))
            is_list = child.group(2) is not None
            if (step > 0 or (is_list and step == 0)) and is_list not in found:
                found[is_list] = step
    return found.get(False, 2), found.get(True, 2)


def _structure_lines(text: str) -> list[str]:
    """The lines that hold keys and dashes: no blank lines, comments or block scalars' text."""
    lines: list[str] = []
    block_scalar_at: int | None = None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if block_scalar_at is not None and indent > block_scalar_at:
            continue
        block_scalar_at = indent if _BLOCK_SCALAR.search(line) else None
        lines.append(line)
    return lines


def _commented(value: Any) -> Any:
    """`value` as ruamel's own containers, refusing what journeyctl's loader could not return."""
    if isinstance(value, Mapping):
        return CommentedMap((_scalar(key), _commented(item)) for key, item in value.items())
    if isinstance(value, list | tuple):
        items = CommentedSeq(_commented(item) for item in value)
        if isinstance(value, CommentedSeq) and value.fa.flow_style():
            items.fa.set_flow_style()
        return items
    return _scalar(value)


def _scalar(value: Any) -> Any:
    if isinstance(value, str):
        return _unicode_text(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _LARGE:
        return _readable_int(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    raise WriteError(
        f"cannot write a value of type {type(value).__name__} ({value!r}) to YAML; "
        "give text, a number, a date, true/false, or lists and mappings of them"
    )


_LARGE = 10**15  # far below the loader's limit; only numbers past it are put to the loader


def _readable_int(value: int) -> int:
    parsed = parse(f"x: {value}\n")
    if not (isinstance(parsed, Parsed) and same_data(parsed.data, {"x": value})):
        raise WriteError(
            f"cannot write the number {value}: it is larger than journeyctl reads in a file; "
            "write a smaller number or leave the field out"
        )
    return value


def _unicode_text(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise WriteError(
            f"cannot write the text {value!r}: it holds a lone surrogate "
            f"(position {error.start}), which is not a character; remove it"
        ) from None
    return value


def check_reads_back(text: str, data: Mapping[str, Any]) -> None:
    """A WriteError unless the loader reads `text` as `data` (`same_data`)."""
    parsed = parse(text)
    if not (isinstance(parsed, Parsed) and same_data(parsed.data, data)):
        raise WriteError(
            "journeyctl could not write this data so that it reads back the same; "
            "nothing was written; please report this as a bug with the data you gave"
        )
