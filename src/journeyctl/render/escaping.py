"""HTML escaping to plain text, for the markup journeyctl writes itself.

markupsafe's `escape` returns a `Markup`, a str subclass made by a constructor written in
Python, and a `Markup` turned back into text is copied once more. Where the escaped text is
only joined into a page (a filter's markup, what a shipped template prints), the plain text
does the same for a fraction of the time: a site of thousands of maps escapes millions of
values.
"""

from __future__ import annotations

from collections.abc import Callable

import markupsafe
from markupsafe import escape


def _text_escaper() -> Callable[[str], str]:
    """markupsafe's escaping of a str to a str, the one `escape` uses (MarkupSafe 3 names it
    `_escape_inner`); else `escape` made plain text again (MarkupSafe 2)."""
    inner = getattr(markupsafe, "_escape_inner", None)
    if callable(inner):
        return inner  # type: ignore[no-any-return]
    return lambda text: str(escape(text))


escape_text = _text_escaper()


def escaped(value: object) -> str:
    """`value` escaped, as plain text: the characters of `escape(value)`."""
    if type(value) is str:
        return escape_text(value)
    return str(escape(value))
