"""The full reader: any file, composed by libyaml and built into plain data.

It sees every repeated key with its position (PyYAML's constructor silently overwrites
them), refuses tags and YAML 1.1 numbers with their place and key path, expands merge keys
and measures aliases; what it cannot read, it says where. As it builds the data it records
where every key and value is written (`journeyctl.load.positions`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from journeyctl.finding import Rule
from journeyctl.load import rules, scalars
from journeyctl.load.limits import (
    MAX_EXPANDED_VALUES,
    check_depth,
    could_be_deep,
    expanded_size,
)
from journeyctl.load.parsed import Parsed
from journeyctl.load.positions import IndexRecorder, keys_table
from journeyctl.load.problems import FileProblem, dotted, shorten, written_key
from journeyctl.load.scalars import NOT_READ, RefusedValue, Unreadable, scalar_value, tag_message
from journeyctl.load.syntax import character_problem, compose, syntax_problem
from journeyctl.load.tags import MAP_TAG, MERGE_TAG, SEQ_TAG, STR_TAG, may_merge


def read_full(text: str) -> Parsed | FileProblem:
    if could_be_deep(text):
        problem = check_depth(text)
        if problem is not None:
            return problem
    try:
        node = compose(text)
        builder = _Builder(shares_nodes="*" in text, may_merge=may_merge(text))
        data = builder.build(node) if node is not None else None
        positions = builder.positions.finish(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        return syntax_problem(error, text)
    except yaml.reader.ReaderError as error:
        return character_problem(text, error)
    except yaml.YAMLError as error:
        return FileProblem(rules.YAML_SYNTAX, str(error).replace("\n", " "))
    except RecursionError:
        return FileProblem(rules.TOO_COMPLEX, "nested too deeply to read; flatten the structure")
    if node is None or data is None or positions is None:
        return FileProblem(rules.EMPTY_FILE, "the file is empty; fill it in or delete it", 1, 1)
    if "*" in text and expanded_size(data) > MAX_EXPANDED_VALUES:
        return FileProblem(
            rules.TOO_COMPLEX,
            f"YAML aliases expand this file to more than {MAX_EXPANDED_VALUES:,} values "
            "(an alias bomb?); write the values out instead of repeating aliases",
            1,
            1,
        )
    return Parsed(text, data, builder.problems(node), positions, node)


_IN_PROGRESS = object()
_SCALAR = yaml.ScalarNode


class _Builder:
    """Plain data from a composed node tree, reading scalars as `scalar_value` does, and
    where each of its keys and values is written.

    This is the loader's hot loop (a million nodes at 2,000 journeys): text scalars are
    taken inline instead of through a call each, plain non-text scalars are read once per
    distinct value, and a mapping pays for merge keys only in a file that may have them.
    """

    def __init__(self, *, shares_nodes: bool, may_merge: bool = True) -> None:
        self.positions = IndexRecorder()
        # Problems, and refusals whose key path is said once the whole tree is built.
        self._problems: list[FileProblem | _Refusal] = []
        self._flattener = SafeConstructor()
        self._may_merge = may_merge
        # Aliases make one node appear in several places; build it once, as PyYAML does,
        # so that an alias bomb stays small until it is measured.
        self._built: dict[int, Any] | None = {} if shares_nodes else None

    def problems(self, root: yaml.Node) -> list[FileProblem]:
        """Every problem met, a refused value's with its key path (`volumes[1].contacts: ...`)."""
        refused = any(isinstance(problem, _Refusal) for problem in self._problems)
        places = _key_paths(root) if refused else {}
        said = [
            _said(problem, places) if isinstance(problem, _Refusal) else problem
            for problem in self._problems
        ]
        # An alias to a refused scalar reports the same place once, not once per alias.
        return list(dict.fromkeys(said))

    def build(self, node: yaml.Node) -> Any:
        if node.tag == STR_TAG:
            return node.value
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if node.tag not in (MAP_TAG, SEQ_TAG):
            return self._refuse(node, rules.YAML_SYNTAX, tag_message(node.tag))
        if self._built is None:
            return self._collection(node)
        if id(node) in self._built:
            built = self._built[id(node)]
            if built is _IN_PROGRESS:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    "an alias refers to the list or mapping it stands in",
                    node.start_mark,
                )
            return built
        self._built[id(node)] = _IN_PROGRESS
        value = self._built[id(node)] = self._collection(node)
        return value

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.style:  # quoted or block with a tag: never shared, always refused or text
            value = scalar_value(node)
        else:
            # A plain scalar's value depends on its tag and text only: `1`, `yes` and
            # `2025-01-31` are read once per load, and the (immutable) values shared.
            memo_key = (node.tag, node.value)
            value = scalars.PLAIN_VALUES.get(memo_key, NOT_READ)
            if value is NOT_READ:
                value = scalar_value(node)
                if len(scalars.PLAIN_VALUES) < scalars.PLAIN_VALUES_KEPT:
                    scalars.PLAIN_VALUES[memo_key] = value
        if isinstance(value, Unreadable):
            return self._refuse(node, value.rule, value.message)
        return value

    def _refuse(self, node: yaml.Node, rule: Rule, message: str) -> RefusedValue:
        self._problems.append(_Refusal(node, rule, message))
        return RefusedValue()

    def _collection(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node)
        assert isinstance(node, yaml.MappingNode)  # the composer makes no other collection
        if self._may_merge and any(key.tag == MERGE_TAG for key, _ in node.value):
            return self._merged_mapping(node)
        return self._mapping(node)

    def _sequence(self, node: yaml.SequenceNode) -> list[Any]:
        items = []
        places: list[int] = []  # the items' entries, recorded here in one loop for speed
        build, scalar, container_of = self.build, self._scalar, self.positions.container_of
        for item in node.value:
            mark = item.start_mark
            line, column = mark.line, mark.column
            if type(item) is _SCALAR:
                items.append(item.value if item.tag == STR_TAG else scalar(item))
                places += (line, column, line, column, -1)
            else:
                items.append(build(item))
                places += (line, column, line, column, container_of.get(id(item), -1))
        self.positions.add(node, places, len(items))
        return items

    def _mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        """A mapping without merge keys: every pair is its own."""
        mapping: dict[Any, Any] = {}
        keys: list[Any] = []
        places: list[int] = []  # the pairs' entries, recorded here in one loop for speed
        build, scalar, container_of = self.build, self._scalar, self.positions.container_of
        for key_node, value_node in node.value:
            if type(key_node) is _SCALAR:
                key = key_node.value if key_node.tag == STR_TAG else scalar(key_node)
            else:
                key = build(key_node)
            try:
                if key in mapping:
                    self._note_duplicate(key_node, node.value[_last_index(keys, key)][0])
            except TypeError:
                raise _not_a_plain_key(key_node) from None
            if type(value_node) is _SCALAR:
                mapping[key] = value_node.value if value_node.tag == STR_TAG else scalar(value_node)
                child = -1
            else:
                mapping[key] = build(value_node)
                child = container_of.get(id(value_node), -1)
            keys.append(key)
            at, value_at = key_node.start_mark, value_node.start_mark
            places += (at.line, at.column, value_at.line, value_at.column, child)
        self.positions.add(node, places, keys_table(tuple(keys)))
        return mapping

    def _merged_mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        """A mapping with merge keys (`<<: *defaults`): merged pairs first, then its own."""
        own_pairs = sum(1 for key, _ in node.value if key.tag != MERGE_TAG)
        self._flattener.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        first_seen: dict[Any, yaml.Node] = {}
        keys: list[Any] = []
        places: list[int] = []
        build, container_of = self.build, self.positions.container_of
        first_own = len(node.value) - own_pairs
        for index, (key_node, value_node) in enumerate(node.value):
            key = build(key_node)
            try:
                own = index >= first_own
                if own and key in first_seen:
                    self._note_duplicate(key_node, first_seen[key])
                if own:
                    first_seen[key] = key_node
                mapping[key] = build(value_node)
            except TypeError:
                raise _not_a_plain_key(key_node) from None
            keys.append(key)
            at, value_at = key_node.start_mark, value_node.start_mark
            child = -1 if type(value_node) is _SCALAR else container_of.get(id(value_node), -1)
            places += (at.line, at.column, value_at.line, value_at.column, child)
        self.positions.add(node, places, keys_table(tuple(keys)))
        return mapping

    def _note_duplicate(self, key_node: yaml.Node, first: yaml.Node) -> None:
        mark = key_node.start_mark
        written, first_written = written_key(key_node), written_key(first)
        as_written = f", written {first_written}" if first_written != written else ""
        message = (
            f"key {written} appears twice in this mapping "
            f"(first at line {first.start_mark.line + 1}{as_written}); keep one"
        )
        self._problems.append(
            FileProblem(rules.DUPLICATE_KEY, message, mark.line + 1, mark.column + 1)
        )


@dataclass(frozen=True)
class _Refusal:
    """A value or key refused while building: said with its key path once the tree is built."""

    node: yaml.Node
    rule: Rule
    message: str


# Where each node of a tree stands: its key path, and whether it is a key there (then the
# path is its mapping's).
_KeyPaths = dict[int, tuple[tuple[str | int, ...], bool]]


def _said(refusal: _Refusal, places: _KeyPaths) -> FileProblem:
    """The refusal as a problem at its node, its message after the key path it stands at."""
    path, is_key = places.get(id(refusal.node), ((), False))
    message = refusal.message
    node = refusal.node
    if is_key and isinstance(node, yaml.ScalarNode) and message.startswith(shorten(node.value)):
        message = f"key {message}"
    if path:
        message = f"{dotted(path)}: {message}"
    mark = node.start_mark
    return FileProblem(refusal.rule, message, mark.line + 1, mark.column + 1)


def _key_paths(root: yaml.Node) -> _KeyPaths:
    """The key path of every node, the first where an alias puts one in several places.

    Only a file with a refused value pays for it, once, each node visited once (an alias
    bomb stays small).
    """
    places: _KeyPaths = {}
    stack: list[tuple[yaml.Node, tuple[str | int, ...], bool]] = [(root, (), False)]
    while stack:
        node, path, is_key = stack.pop()
        if id(node) in places:
            continue
        places[id(node)] = (path, is_key)
        children: list[tuple[yaml.Node, tuple[str | int, ...], bool]] = []
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                part = shorten(str(key.value)) if isinstance(key, yaml.ScalarNode) else "?"
                children += ((key, path, True), (value, (*path, part), False))
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, (*path, index), False) for index, item in enumerate(node.value)]
        stack.extend(reversed(children))  # in the order they are written
    return places


def _last_index(keys: list[Any], key: object) -> int:
    """Where the mapping last had `key` before: what a repeated key's message names."""
    for index in range(len(keys) - 1, -1, -1):
        if keys[index] is key or keys[index] == key:
            return index
    raise ValueError(key)  # pragma: no cover - only called for a key the mapping has


def _not_a_plain_key(key_node: yaml.Node) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(
        None, None, "a key must be a plain value, not a list or mapping", key_node.start_mark
    )
