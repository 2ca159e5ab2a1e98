"""YAML (and JSON) documents: new ones in the house style, and round-trip edits of existing ones.

ruamel.yaml keeps what it loads (comments, key order, quoting, blank lines, the modeline on
the first line), so an edit changes only what the edit touched. It is set up to write what
the example tree looks like: sequences indented under their key, lines never re-wrapped.
Every scalar journeyctl adds is quoted exactly when its own loader would otherwise read it
as something else (`journeyctl.write.scalars`); a new document is read back with that loader
before it is handed out, so a writer bug ends in an error, never in a file that lies.
"""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Callable, Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import PlainScalarString

from journeyctl.load.yamlfile import Parsed, parse
from journeyctl.write.atomic import WriteError
from journeyctl.write.scalars import float_text, string_style

_STR_TAG = "tag:yaml.org,2002:str"


class _Constructor(RoundTripConstructor):
    """Marks every bare string it loads, so that it is written back bare as it was.

    ruamel reads YAML 1.2, in which a bare `on` is text; written back through the quoting
    rules for new text it would gain quotes, and an untouched line would change.
    """

    def construct_yaml_str(self, node: Any) -> Any:
        value = super().construct_yaml_str(node)
        if type(value) is str and not node.style:
            return PlainScalarString(value)
        return value


class _Representer(RoundTripRepresenter):
    """Writes new strings and floats so that journeyctl's YAML 1.1 loader reads them back."""

    def represent_new_str(self, data: str) -> Any:
        return self.represent_scalar(_STR_TAG, data, style=string_style(data))

    def represent_new_float(self, data: float) -> Any:
        return self.represent_scalar("tag:yaml.org,2002:float", float_text(data))


_Constructor.add_constructor(_STR_TAG, _Constructor.construct_yaml_str)
_Representer.add_representer(str, _Representer.represent_new_str)
_Representer.add_representer(float, _Representer.represent_new_float)


def _yaml() -> YAML:
    yaml = YAML()  # round-trip mode
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)  # "  - id: x" under its key
    yaml.width = 1_000_000_000  # never re-wrap a long line
    yaml.allow_unicode = True
    return yaml


def new_yaml(data: Mapping[str, Any], *, header_comment: str | None = None) -> str:
    """A new YAML document holding `data`, keys in the given order, each line of
    `header_comment` (such as a `yaml-language-server: $schema=...` modeline) as a comment
    above it. Values: str, int, finite float, bool, None, datetime.date, and lists and
    mappings of them; anything else is a WriteError."""
    text = _dump(_commented(data))
    if header_comment is not None:
        text = "".join(f"# {line}".rstrip() + "\n" for line in header_comment.split("\n")) + text
    _check_reads_back(text, data)
    return text


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
    adds are plain Python values. Windows line ends stay Windows line ends.
    """
    try:
        document = _yaml().load(text)
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
    edit(document)
    edited = _dump(document)
    return edited.replace("\n", "\r\n") if "\r\n" in text else edited


def _dump(document: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(document, stream)
    return stream.getvalue()


def _commented(value: Any) -> Any:
    """`value` as ruamel's own containers, refusing what journeyctl's loader could not return."""
    if isinstance(value, Mapping):
        return CommentedMap((_scalar(key), _commented(item)) for key, item in value.items())
    if isinstance(value, list | tuple):
        return CommentedSeq(_commented(item) for item in value)
    return _scalar(value)


def _scalar(value: Any) -> Any:
    if isinstance(value, str):
        return _unicode_text(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    raise WriteError(
        f"cannot write a value of type {type(value).__name__} ({value!r}) to YAML; "
        "give text, a number, a date, true/false, or lists and mappings of them"
    )


def _unicode_text(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise WriteError(
            f"cannot write the text {value!r}: it holds a lone surrogate "
            f"(position {error.start}), which is not a character; remove it"
        ) from None
    return value


def _check_reads_back(text: str, data: Mapping[str, Any]) -> None:
    parsed = parse(text)
    if not (isinstance(parsed, Parsed) and same_data(parsed.data, data)):
        raise WriteError(
            "journeyctl could not write this data so that it reads back the same; "
            "nothing was written; please report this as a bug with the data you gave"
        )


def same_data(left: Any, right: Any) -> bool:
    """Equal, and of the same kinds all the way down (`1`, `1.0` and `true` differ here)."""
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        return same_data(list(left), list(right)) and all(
            same_data(left[k], right[k]) for k in left
        )
    if isinstance(left, list | tuple) and isinstance(right, list | tuple):
        return len(left) == len(right) and all(map(same_data, left, right))
    return _kind(left) is _kind(right) and left == right


def _kind(value: Any) -> type:
    for kind in (bool, int, float, str, datetime.datetime, datetime.date):
        if isinstance(value, kind):
            return kind
    return type(value)
