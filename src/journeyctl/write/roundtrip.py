"""ruamel.yaml set up to keep what it reads and to quote what journeyctl adds.

ruamel reads YAML 1.2, journeyctl's loader YAML 1.1: a bare `on` is text to the one and
true to the other. So a bare string that was read stays bare exactly as it was (whatever it
means, the file meant it), while every string that journeyctl adds or changes is quoted by
the loader's rules (`journeyctl.write.scalars`), however it got into the document.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import PlainScalarString, ScalarString

from journeyctl.write.scalars import float_text, string_style

_STR_TAG = "tag:yaml.org,2002:str"
_FLOAT_TAG = "tag:yaml.org,2002:float"


class NewText(ScalarString):
    """Text that journeyctl writes: quoted exactly where the loader needs it."""

    __slots__ = ()


class _ReadBare(PlainScalarString):
    """A bare string as it was read. Any copy made from it is new text: ruamel turns a value
    assigned to an existing key into the type of the old one, and a bare `on` assigned over
    a bare `listed` must not stay bare."""

    __slots__ = ()

    def __new__(cls, *args: Any, read: bool = False, **kwargs: Any) -> Any:
        if not read:
            return NewText(*args, **kwargs)
        return super().__new__(cls, *args, **kwargs)


class _KeptFloat(float):
    """A float read with a spelling ruamel would not keep (`.inf`, `.NaN`): kept as read.
    journeyctl never writes one itself (`scalars.float_text` refuses them)."""

    spelling: str

    def __new__(cls, value: float, spelling: str) -> _KeptFloat:
        kept = super().__new__(cls, value)
        kept.spelling = spelling
        return kept


class _Constructor(RoundTripConstructor):
    def construct_yaml_str(self, node: Any) -> Any:
        value = super().construct_yaml_str(node)
        if type(value) in (str, PlainScalarString) and not node.style:
            bare = _ReadBare(value, read=True)
            if isinstance(value, PlainScalarString) and value.yaml_anchor() is not None:
                bare.yaml_set_anchor(value.yaml_anchor().value, always_dump=True)
            return bare
        return value

    def construct_yaml_float(self, node: Any) -> Any:
        value = super().construct_yaml_float(node)
        return _KeptFloat(value, node.value) if type(value) is float else value


class _Representer(RoundTripRepresenter):
    def represent_new_text(self, data: str) -> Any:
        anchor = data.yaml_anchor(any=True) if isinstance(data, ScalarString) else None
        return self.represent_scalar(_STR_TAG, data, style=string_style(data), anchor=anchor)

    def represent_new_float(self, data: float) -> Any:
        return self.represent_scalar(_FLOAT_TAG, float_text(data))

    def represent_kept_float(self, data: _KeptFloat) -> Any:
        return self.represent_scalar(_FLOAT_TAG, data.spelling)


_Constructor.add_constructor(_STR_TAG, _Constructor.construct_yaml_str)
_Constructor.add_constructor(_FLOAT_TAG, _Constructor.construct_yaml_float)
_Representer.add_representer(str, _Representer.represent_new_text)
_Representer.add_representer(NewText, _Representer.represent_new_text)
_Representer.add_representer(_ReadBare, _Representer.represent_plain_scalarstring)
_Representer.add_representer(float, _Representer.represent_new_float)
_Representer.add_representer(_KeptFloat, _Representer.represent_kept_float)


def round_trip_yaml(mapping_indent: int = 2, dash_offset: int = 2) -> YAML:
    """ruamel set up to write like the example tree, or with the indentation given."""
    yaml = YAML()  # round-trip mode
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    # The house style puts a list's dashes two spaces in: "  - id: x" under its key.
    yaml.indent(mapping=mapping_indent, sequence=dash_offset + 2, offset=dash_offset)
    yaml.width = 1_000_000_000  # never re-wrap a long line
    yaml.allow_unicode = True
    return yaml
