"""How to write one scalar so that journeyctl's own loader reads back exactly that value.

The loader reads YAML 1.1 (libyaml through PyYAML), where a bare `no` is a boolean, `010`
is eight and `1:30` is ninety; ruamel.yaml, which writes, thinks in YAML 1.2. So the
question "may this text stand bare?" is put to the loader's own resolver, never to ruamel's.
"""

from __future__ import annotations

import math
import re

import yaml

from journeyctl.write.targets import WriteError

_STR_TAG = "tag:yaml.org,2002:str"
# The loader's resolver: the same implicit rules (bool, int, float, null, timestamp,
# merge, value) that its C loader applies to a bare scalar.
_RESOLVER = yaml.resolver.Resolver()

# Printable characters that a plain or single-quoted scalar can carry as they are. Anything
# else (control characters, tab, line breaks including U+0085/U+2028/U+2029, the BOM,
# DEL and the C1 range, surrogates) is written double-quoted, where it becomes an escape.
_NEEDS_ESCAPE = re.compile(
    "[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def string_style(value: str) -> str | None:
    """The quoting a string needs: '"' (escapes), "'" (quotes), or None (bare if YAML allows).

    None leaves the choice to the emitter, which still quotes what YAML's syntax forbids
    bare (a leading `- `, `: ` or ` #` inside, a leading or trailing space, ...).
    """
    if _NEEDS_ESCAPE.search(value):
        return '"'
    if _bare_tag(value) != _STR_TAG:
        return "'"  # the loader would read it bare as a bool, number, date or null
    return None


def _bare_tag(value: str) -> str:
    """The tag the loader gives `value` written bare (its resolver is untyped in PyYAML)."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return tag


def float_text(value: float) -> str:
    """A finite float as YAML 1.1 reads it back (with a dot: a bare `1e+16` is text there)."""
    if not math.isfinite(value):
        raise WriteError(
            f"cannot write the number {value}: journey files hold finite numbers only; "
            "write a real value or leave the field out"
        )
    text = repr(value)
    if "." not in text:
        mantissa, _, exponent = text.partition("e")
        text = f"{mantissa}.0" + (f"e{exponent}" if exponent else "")
    return text
