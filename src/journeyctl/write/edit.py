"""Small edits inside a round-trip document, for the `edit` of `edit_yaml`.

They change only what they must: a value equal to the one there is left alone (with its
spelling), a changed text keeps its quotes, and an added key or list item goes after the
last one without carrying off the blank lines and comments that followed it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any, Literal

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from journeyctl.write.roundtrip import NewText
from journeyctl.write.same import same_data
from journeyctl.write.targets import WriteError

Change = Literal["added", "updated", "unchanged"]

# The document being edited: an empty list keeps the comments after it on its parent's key.
_DOCUMENT: ContextVar[CommentedMap | None] = ContextVar("document", default=None)


@contextmanager
def editing(document: CommentedMap) -> Iterator[None]:
    """Let the helpers find what holds an empty list or mapping while `document` is edited."""
    token = _DOCUMENT.set(document)
    try:
        yield
    finally:
        _DOCUMENT.reset(token)


def set_value(mapping: CommentedMap, key: str, value: Any, *, before: str | None = None) -> Change:
    """Set `mapping[key]`; a new key goes last, or before the key `before` where the mapping
    has it (in the order the model lists them). Unchanged when the value is already there."""
    if key in mapping:
        old = mapping[key]
        if same_data(old, value):
            return "unchanged"
        mapping[key] = _in_style_of(old, value)
        return "updated"
    if before is not None and before in mapping:
        mapping.insert(list(mapping).index(before), key, _commented(value))
        return "added"
    _append(mapping, lambda: mapping.__setitem__(key, _commented(value)))
    return "added"


def child_map(mapping: CommentedMap, key: str) -> CommentedMap:
    """The mapping under `key`, added (last, empty) if the key is missing."""
    child: CommentedMap = _child(mapping, key, CommentedMap)
    return child


def child_list(mapping: CommentedMap, key: str) -> CommentedSeq:
    """The list under `key`, added (last, empty) if the key is missing."""
    child: CommentedSeq = _child(mapping, key, CommentedSeq)
    return child


def append_item(items: CommentedSeq, value: Any) -> None:
    """`value` as the last item of `items` (a name added to `aliases`), the blank lines and
    comments after the list staying below it."""
    _append(items, lambda: items.append(_commented(value)))


def upsert_item(
    items: CommentedSeq,
    match: Mapping[str, Any],
    values: Mapping[str, Any],
    *,
    drop: Collection[str] = (),
    ordered_by: str | None = None,
) -> Change:
    """Update the first mapping in `items` whose fields equal `match`, or add a new one.

    Matching counts `2025-01-01` and `'2025-01-01'` (a date and a text) as equal, so that an
    item is updated, never doubled, whichever way the file wrote it. `drop` names fields
    to remove from an existing item (such as `estimated` once a number was counted). A new
    item goes last, or, with `ordered_by` (a field such as `date`), where it belongs in the
    order the list keeps by that field, rising or falling (last if the list keeps none).
    A new item is written on one line (`{...}`) when every item of the list is.
    """
    for item in items:
        if isinstance(item, CommentedMap) and all(
            key in item and _same_key(item[key], wanted) for key, wanted in match.items()
        ):
            changes = [set_value(item, key, value) for key, value in values.items()]
            dropped = [item.pop(key) for key in drop if key in item]
            return "updated" if dropped or set(changes) != {"unchanged"} else "unchanged"
    new_item = _commented({**match, **values})
    if items and all(isinstance(item, CommentedMap) and item.fa.flow_style() for item in items):
        new_item.fa.set_flow_style()  # one line like its neighbours: `- {period: ...}`
    index = len(items) if ordered_by is None else _place(items, ordered_by, new_item)
    if index == len(items):
        _append(items, lambda: items.append(new_item))
    else:
        _insert(items, index, new_item)
    return "added"


def _place(items: CommentedSeq, field: str, new_item: CommentedMap) -> int:
    """Where `new_item` goes in the order `items` keeps by `field` (compared as written:
    ISO dates and periods sort as text); the end when they keep none."""
    if not all(isinstance(item, CommentedMap) and field in item for item in items):
        return len(items)
    keys = [str(item[field]) for item in items]
    wanted = str(new_item[field])
    if keys == sorted(keys):
        return next((i for i, key in enumerate(keys) if key > wanted), len(keys))
    if keys == sorted(keys, reverse=True):
        return next((i for i, key in enumerate(keys) if key < wanted), len(keys))
    return len(items)


def _insert(items: CommentedSeq, index: int, new_item: Any) -> None:
    """Insert before `items[index]`; the comment lines above that item stay above it."""
    above = [(items.ca.items.setdefault(index - 1, [None, None]), 0)] if index else []
    above += _last_line_slots(items[index - 1]) if index else []
    trailing = "".join(_detach_trailing(slot) for slot in reversed(above))
    items.insert(index, new_item)
    if trailing:
        slots = [(items.ca.items.setdefault(index, [None, None]), 0), *_last_line_slots(new_item)]
        comments, position = slots[-1]
        comments[position] = CommentToken("\n" + trailing, CommentMark(0), None)


def _child(mapping: CommentedMap, key: str, kind: type[Any]) -> Any:
    if key not in mapping or mapping[key] is None:
        set_value(mapping, key, kind())
    child = mapping[key]
    if not isinstance(child, kind):
        raise WriteError(
            f"cannot add to '{key}': it holds {type(child).__name__}, not a "
            f"{'mapping' if kind is CommentedMap else 'list'}; "
            "run journeyctl validate and fix the file first; nothing was changed"
        )
    return child


def _commented(value: Any) -> Any:
    if isinstance(value, Mapping) and not isinstance(value, CommentedMap):
        return CommentedMap((key, _commented(item)) for key, item in value.items())
    if isinstance(value, list | tuple) and not isinstance(value, CommentedSeq):
        return CommentedSeq(_commented(item) for item in value)
    if type(value) is str:  # quoted as the loader needs, whatever style the old value had
        return NewText(value)
    return value


def _same_key(found: Any, wanted: Any) -> bool:
    if isinstance(found, date | str) and isinstance(wanted, date | str):
        return str(found) == str(wanted)
    return same_data(found, wanted)


def _in_style_of(old: Any, new: Any) -> Any:
    """A new text keeps the quotes of the text it replaces (bare text is quoted as needed)."""
    if isinstance(new, str) and isinstance(
        old, SingleQuotedScalarString | DoubleQuotedScalarString
    ):
        return type(old)(new)
    return _commented(new)


def _append(container: CommentedMap | CommentedSeq, add: Any) -> None:
    """Run `add`, moving the blank lines and comments after the old last entry below the new one.

    ruamel keeps them on the last line of the last entry, so an appended entry would land
    after them: between a list and the comment that introduces the next key.
    """
    if container.fa.flow_style():  # `[a, b]` on one line: the comments after it stay put
        add()
        return
    slots = _last_line_slots(container) or _holding_slot(container)
    trailing = "".join(_detach_trailing(slot) for slot in reversed(slots))
    add()
    slots = _last_line_slots(container)
    if trailing and slots:
        comments, index = slots[-1]
        comments[index] = CommentToken("\n" + trailing, CommentMark(0), None)


def _detach_trailing(slot: tuple[list[Any], int]) -> str:
    """Cut what follows the line's own end (and its end-of-line comment) off the slot's comment."""
    comments, index = slot
    token = comments[index]
    if token is None:
        return ""
    line_end, newline, trailing = str(token.value).partition("\n")
    token.value = line_end + newline
    return trailing


def _last_line_slots(node: Any) -> list[tuple[list[Any], int]]:
    """Where ruamel keeps comments after the last entry, at each level down to the last line."""
    slots: list[tuple[list[Any], int]] = []
    while isinstance(node, CommentedMap | CommentedSeq) and node and not node.fa.flow_style():
        if isinstance(node, CommentedMap):
            last: Any = list(node)[-1]
            slots.append((node.ca.items.setdefault(last, [None, None, None, None]), 2))
        else:
            last = len(node) - 1
            slots.append((node.ca.items.setdefault(last, [None, None]), 0))
        node = node[last]
    return slots  # a one-line `{...}` or `[...]` keeps its comments at the level that holds it


def _holding_slot(empty: Any) -> list[tuple[list[Any], int]]:
    """The comment slot of the key or item that holds `empty` in the document being edited."""
    document = _DOCUMENT.get()
    stack: list[Any] = [] if document is None else [document]
    while stack:
        node = stack.pop()
        entries = node.items() if isinstance(node, CommentedMap) else enumerate(node)
        for key, value in entries:
            if value is empty:
                size, index = (4, 2) if isinstance(node, CommentedMap) else (2, 0)
                return [(node.ca.items.setdefault(key, [None] * size), index)]
            if isinstance(value, CommentedMap | CommentedSeq):
                stack.append(value)
    return []
