"""A tree of files as models: read from a source, parsed once, validated against the schemas.

Findings name files by their path relative to the root (`klant-zijn/factuur/x.yaml`,
`framework.yaml`); the command line turns them into paths for display. Each file is
parsed once: the positions that reading recorded stay with the document (a few flat
arrays, not the node tree), so that a check that reports on it finds them without reading
or parsing the file again.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from journeyctl.finding import Finding, Rule, Severity
from journeyctl.load import rules
from journeyctl.load.cache import (
    FileCache,
    Record,
    decode_dated,
    decode_problems,
    decode_value,
    encode_dated,
    encode_problems,
    encode_value,
    is_plain_index,
)
from journeyctl.load.decode import decode
from journeyctl.load.kinds import FRAMEWORK_FILE, YAML_SUFFIX, YML_SUFFIX, Kind, kind_of, stem
from journeyctl.load.positions import PositionIndex
from journeyctl.load.problems import FileProblem
from journeyctl.load.runs import TreeDigest, file_hash
from journeyctl.load.schema_errors import describe_all
from journeyctl.load.source_map import PathPart, SourceMap
from journeyctl.load.sources import Entry, FileSystemSource, Source
from journeyctl.load.yamlfile import parse
from journeyctl.model import Framework, Improvement, Journey

# More findings than this in one file are counted, not listed: past a few dozen, a
# person fixes the first ones and runs again, and a hostile file must not make
# hundreds of thousands of them.
FINDINGS_PER_FILE = 50
# A framework.yaml misnamed, in the root: not read (JC008), but named where it is missing.
FRAMEWORK_YML = FRAMEWORK_FILE.removesuffix(YAML_SUFFIX) + YML_SUFFIX

M = TypeVar("M", bound=BaseModel)


@dataclass(slots=True)
class Document(Generic[M]):
    """A file that loaded: its model, and where its keys and values stand."""

    file: str  # relative to the root, `/` between folders
    model: M
    source: PositionIndex | None
    root: Path  # the tree's, one object for all its documents
    display: str  # the file as its findings name it

    @property
    def path(self) -> Path:
        """The root joined with `file`; prefer `file`, which every source has. Made when
        asked: a path kept per document was a kilobyte each."""
        return self.root / self.file

    @property
    def stem(self) -> str:
        """The file name without `.yaml`: what the id must equal."""
        return stem(self.file)

    def locate(self, loc: tuple[PathPart, ...], *, key: bool = False) -> tuple[int, int] | None:
        return self.source.locate(loc, key=key) if self.source is not None else None

    def finding(
        self, rule: Rule, message: str, loc: tuple[PathPart, ...] = (), *, key: bool = False
    ) -> Finding:
        position = self.locate(loc, key=key) if loc else (1, 1)
        line, column = position if position is not None else (None, None)
        return rule.finding(self.display, message, line, column)


@dataclass
class Tree:
    root: Path  # absolute: where the files' paths start, to show them relative to the cwd
    framework: Document[Framework] | None
    journeys: list[Document[Journey]] = field(default_factory=list)
    improvements: list[Document[Improvement]] = field(default_factory=list)
    journey_files: int = 0
    findings: list[Finding] = field(default_factory=list)
    # Journey files that exist but did not load (their names, without .yaml): references
    # to them are not "unknown", and coverage cannot be judged while they are missing.
    unloaded_journeys: set[str] = field(default_factory=set)
    # Per file, the findings of loading beyond FINDINGS_PER_FILE: counted, not kept.
    not_shown: dict[str, Counter[Severity]] = field(default_factory=dict)
    # Of a tree loaded with a cache: every file's path and content in one digest (what a
    # run's stored result is filed under, `journeyctl.load.runs`); None when a file could
    # not be read.
    digest: bytes | None = None
    # And each file's path and content hash, in the same order.
    files: list[tuple[str, bytes]] = field(default_factory=list)


def load_tree(root: Path | str) -> Tree:
    """Every file under the folder `root` as a model, or a finding that says why it is not one.

    Findings name files relative to the working directory, as the command line shows
    them (see `load_source` for root-relative names).
    """
    source = FileSystemSource(root)
    return load_source(source, name=lambda file: _relative_to_cwd(source.root / file))


def _relative_to_cwd(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


# What reading a file gave, by its kind and content (`FileCache.filed`): the model (or None)
# and positions, and the problems. One memo for two trees (the revisions `diff` compares)
# reads each content once: a file the two share is one document's model in both.
Memo = dict[bytes, tuple[BaseModel | None, PositionIndex | None, list[FileProblem]]]


def load_source(
    source: Source,
    *,
    name: Callable[[str], str] = str,
    cache: FileCache | None = None,
    memo: Memo | None = None,
) -> Tree:
    """Every file of `source` as a model, or a finding that says why it is not one.

    Findings name files by `name(path)`, of the path relative to the root: by default
    that path itself. With a `cache`, files whose content it holds are not parsed again,
    and what was read is saved to it at the end; with a `memo`, a content read before (by
    this memo) is not even taken from the cache again.
    """
    # Loading makes millions of small objects that all live on and hold no cycles; the
    # cyclic collector would scan them again and again for nothing (it doubled the time
    # of a 2,000-journey tree), so it pauses while the tree loads, and afterwards leaves
    # them out of its scans for good (gc.freeze) instead of walking them on every
    # collection that validation and ranking trigger.
    collector_was_on = gc.isenabled()
    gc.disable()
    try:
        tree = _Loader(source, name, cache, memo).load()
        if cache is not None:
            cache.save()
        return tree
    finally:
        gc.freeze()
        if collector_was_on:
            gc.enable()


class _Loader:
    def __init__(
        self,
        source: Source,
        name: Callable[[str], str],
        cache: FileCache | None,
        memo: Memo | None,
    ) -> None:
        self.source = source
        self.name = name
        self.cache = cache
        self.memo = memo
        self.tree = Tree(source.root.absolute(), None)
        hashed = cache is not None or memo is not None
        self.digest = TreeDigest() if hashed else None
        # A `framework.yml` in the root: what the missing framework.yaml's finding names.
        self.misnamed_framework: str | None = None

    def load(self) -> Tree:
        for entry in self.source.entries():
            self._add(entry)
        if self.digest is not None:
            self.tree.digest = self.digest.value()
            self.tree.files = self.digest.files
        framework_name = self.name(FRAMEWORK_FILE)
        if self.tree.framework is None and not self._has_finding_on(framework_name):
            # Without a framework.yaml the folder is no framework (often a project folder
            # given as the root): its other YAML files are not judged, or a pre-commit or CI
            # configuration would bury the one finding that matters under its "unknown keys".
            if self.misnamed_framework is not None:
                message = (
                    f"no {FRAMEWORK_FILE} in the root, only {self.misnamed_framework}, which is "
                    f"not read (only .yaml files are); rename it to {FRAMEWORK_FILE}"
                )
            else:
                message = (
                    f"no {FRAMEWORK_FILE} in the root; create one with at least name and "
                    "phases (`journeyctl schema` lists every field), or pass the folder that "
                    "holds it as --root"
                )
            finding = rules.MISSING_FRAMEWORK.finding(framework_name, message)
            return Tree(self.tree.root, None, journey_files=0, findings=[finding])
        return self.tree

    def _has_finding_on(self, file: str) -> bool:
        return any(finding.file == file for finding in self.tree.findings)

    def _add(self, entry: Entry) -> None:
        content_hash = None
        if self.digest is not None:
            if isinstance(entry.content, bytes):
                content_hash = file_hash(entry.content)
                self.digest.add(entry.path, content_hash)
            else:
                self.digest.spoil()
        kind = kind_of(entry.path)
        if kind is Kind.FRAMEWORK:
            self.tree.framework = self._document(entry, Framework, content_hash)
        elif kind is Kind.IMPROVEMENT:
            improvement = self._document(entry, Improvement, content_hash)
            if improvement is not None:
                self.tree.improvements.append(improvement)
        elif kind is Kind.JOURNEY:
            self.tree.journey_files += 1
            journey = self._document(entry, Journey, content_hash)
            if journey is not None:
                self.tree.journeys.append(journey)
            else:
                self.tree.unloaded_journeys.add(stem(entry.path))
        else:  # not read: the entry says why (a .yml file, an unreadable folder)
            if kind is Kind.MISNAMED and entry.path.lower() == FRAMEWORK_YML:
                self.misnamed_framework = entry.path
            self._report(
                entry.path, [entry.content] if isinstance(entry.content, FileProblem) else []
            )

    def _document(
        self, entry: Entry, model: type[M], content_hash: bytes | None
    ) -> Document[M] | None:
        display = self.name(entry.path)
        key = None if content_hash is None else FileCache.filed(model.__name__, content_hash)
        remembered = None if self.memo is None or key is None else self.memo.get(key)
        if remembered is not None:
            instance, positions, problems = remembered
            root = self.tree.root
            document = (
                None
                if instance is None
                else Document(entry.path, instance, positions, root, display)
            )
        elif self.cache is None or content_hash is None:
            document, read, _ = _read(entry, model, self.tree.root, display)
            problems = list(read)
        else:
            document, read = _read_through(
                self.cache, entry, model, self.tree.root, display, content_hash
            )
            problems = list(read)
        if self.memo is not None and key is not None and remembered is None:
            self.memo[key] = (
                None if document is None else document.model,
                None if document is None else document.source,
                problems,
            )
        self._report(entry.path, problems)
        return document  # type: ignore[return-value]

    def _report(self, path: str, problems: Iterable[FileProblem]) -> None:
        """The file's problems as findings, the first FINDINGS_PER_FILE of them; the rest counted."""
        file = self.name(path)
        iterator = iter(problems)
        self.tree.findings.extend(
            p.rule.finding(file, p.message, p.line, p.column)
            for p in islice(iterator, FINDINGS_PER_FILE)
        )
        rest = Counter(problem.rule.severity for problem in iterator)
        if rest:
            self.tree.not_shown[file] = rest


def _read_through(
    cache: FileCache, entry: Entry, model: type[M], root: Path, display: str, content_hash: bytes
) -> tuple[Document[M] | None, Iterable[FileProblem]]:
    """`_read`, or what the cache holds for the same content and kind of file."""
    key = FileCache.filed(model.__name__, content_hash)
    record = cache.get(entry.path, key)
    if record is not None:
        restored = _restore(record, entry, model, root, display)
        if restored is not None:
            return restored
    document, problems, data = _read(entry, model, root, display)
    problems = list(problems)
    record = _record(document, problems, data)
    if record is not None:
        cache.put(entry.path, key, record)
    return document, problems


def _record(
    document: Document[M] | None, problems: list[FileProblem], data: object
) -> Record | None:
    """What reading the file gave, as plain values; None where that cannot be had."""
    plain_problems = encode_problems(problems)
    if plain_problems is None:
        return None
    if document is None:
        return (False, plain_problems)
    if document.source is None:
        return None
    plain_data, dated = encode_dated(data)
    plain_index = document.source.to_plain(encode_value)
    return (True, plain_data, plain_problems, plain_index, dated)


def _restore(
    record: Record, entry: Entry, model: type[M], root: Path, display: str
) -> tuple[Document[M] | None, list[FileProblem]] | None:
    """The document and problems a record stands for, or None if it does not hold them.

    The data is validated against the model again, so a record can skip parsing but can
    never make a file pass that would not.
    """
    try:
        if record[0] is False:
            problems = decode_problems(record[1])
            # A file that did not load always has a problem that says why.
            return (None, problems) if problems else None
        _, plain_data, plain_problems, plain_index, dated = record
        if not is_plain_index(plain_index):
            return None
        problems = decode_problems(plain_problems)
        instance = model.model_validate(decode_dated(plain_data, dated))
    except Exception:  # a record that does not read back is not trusted, whatever it holds
        return None
    positions = PositionIndex.from_plain(plain_index, decode_value)
    return Document(entry.path, instance, positions, root, display), problems


def _read(
    entry: Entry, model: type[M], root: Path, display: str
) -> tuple[Document[M] | None, Iterable[FileProblem], object]:
    """The file as a model, or None; every problem met on the way; and the data it held."""
    if isinstance(entry.content, FileProblem):
        return None, [entry.content], None
    text = decode(entry.content)
    if isinstance(text, FileProblem):
        return None, [text], None
    parsed = parse(text)
    if isinstance(parsed, FileProblem):
        if parsed.rule is rules.EMPTY_FILE and model is Framework:
            parsed = replace(parsed, message=_EMPTY_FRAMEWORK)
        return None, [parsed], None
    if not isinstance(parsed.data, dict):
        kind = "a list" if isinstance(parsed.data, list) else "a single value"
        message = (
            f"the file holds {kind}; it must be a mapping of keys to values "
            "(see `journeyctl schema`)"
        )
        return None, [*parsed.problems, FileProblem(rules.NOT_A_MAPPING, message, 1, 1)], None
    try:
        instance = model.model_validate(parsed.data)
    except ValidationError as error:
        source = SourceMap.of(parsed)
        # Only the first FINDINGS_PER_FILE are shown: the rest are counted, not described.
        limit = max(0, FINDINGS_PER_FILE - len(parsed.problems))
        described = describe_all(error.errors(include_url=False), model, source, limit=limit)
        return None, _chain(parsed.problems, described), None
    document = Document(entry.path, instance, parsed.positions, root, display)
    return document, parsed.problems, parsed.data


# An empty journey or improvement may be filled in or deleted; the framework only filled in.
_EMPTY_FRAMEWORK = (
    f"{FRAMEWORK_FILE} holds nothing (it is empty, or only comments), and every tree needs "
    "it: fill it in with at least name and phases (`journeyctl schema` lists every field)"
)


def _chain(first: list[FileProblem], then: Iterable[FileProblem]) -> Iterable[FileProblem]:
    yield from first
    yield from then
