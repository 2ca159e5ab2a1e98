"""The tree on disk as models: discovery, parsing, schema validation; findings for what failed."""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from journeyctl.errors import UsageError
from journeyctl.finding import Finding, Rule
from journeyctl.load import rules
from journeyctl.load.schema_errors import describe_all
from journeyctl.load.source import PathPart, SourceMap
from journeyctl.load.yamlfile import Parsed, Problem, parse, read_text
from journeyctl.model import Framework, Improvement, Journey

FRAMEWORK_FILE = "framework.yaml"
IMPROVEMENTS_DIR = "improvements"

M = TypeVar("M", bound=BaseModel)


def display_path(path: Path) -> str:
    """The path as users see it in output: relative to the working directory where possible."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass
class Document(Generic[M]):
    """A file that loaded: its model, and its text for finding positions when needed."""

    path: Path
    model: M
    text: str

    @property
    def display(self) -> str:
        return display_path(self.path)

    @cached_property
    def source(self) -> SourceMap | None:
        return SourceMap.from_text(self.text)

    def locate(self, loc: tuple[PathPart, ...], *, key: bool = False) -> tuple[int, int] | None:
        return self.source.locate(loc, key=key) if self.source is not None else None

    def finding(
        self, rule: Rule, message: str, loc: tuple[PathPart, ...] = (), *, key: bool = False
    ) -> Finding:
        position = self.locate(loc, key=key) if loc else (1, 1)
        line, column = position if position is not None else (None, None)
        return Finding(self.display, line, column, rule.id, rule.severity, message)


@dataclass
class Tree:
    root: Path
    framework: Document[Framework] | None
    journeys: list[Document[Journey]] = field(default_factory=list)
    improvements: list[Document[Improvement]] = field(default_factory=list)
    journey_files: int = 0
    findings: list[Finding] = field(default_factory=list)
    # Journey files that exist but did not load (their names, without .yaml): references
    # to them are not "unknown", and coverage cannot be judged while they are missing.
    unloaded_journeys: set[str] = field(default_factory=set)


def load_tree(root: Path) -> Tree:
    """Every file under `root` as a model, or a finding that says why it is not one."""
    # Loading makes millions of small objects that all live on and hold no cycles; the
    # cyclic collector would scan them again and again for nothing (it doubled the time
    # of a 2,000-journey tree), so it pauses while the tree loads.
    collector_was_on = gc.isenabled()
    gc.disable()
    try:
        return _load_tree(root)
    finally:
        if collector_was_on:
            gc.enable()


def _load_tree(root: Path) -> Tree:
    if root.exists() and not root.is_dir():
        raise UsageError(
            f"root '{root}' is a file, not a folder; pass --root with the folder that holds framework.yaml"
        )
    if not root.is_dir():
        raise UsageError(
            f"root folder '{root}' not found; pass --root PATH or set JOURNEYCTL_ROOT, "
            "or create a framework with `journeyctl init`"
        )
    root = root.resolve()
    findings: list[Finding] = []
    framework_path = root / FRAMEWORK_FILE
    framework: Document[Framework] | None = None
    if framework_path.is_file():
        framework = _load(framework_path, Framework, findings)
    else:
        findings.append(
            Finding(
                display_path(framework_path),
                None,
                None,
                rules.MISSING_FRAMEWORK.id,
                rules.MISSING_FRAMEWORK.severity,
                f"no {FRAMEWORK_FILE} in the root; create one (see `journeyctl init`)",
            )
        )
    tree = Tree(root, framework, findings=findings)
    for path in _yaml_files(root):
        if path == framework_path:
            continue
        if path.parent == root / IMPROVEMENTS_DIR:
            improvement = _load(path, Improvement, findings)
            if improvement is not None:
                tree.improvements.append(improvement)
        else:
            tree.journey_files += 1
            journey = _load(path, Journey, findings)
            if journey is not None:
                tree.journeys.append(journey)
            else:
                tree.unloaded_journeys.add(path.name.removesuffix(".yaml"))
    return tree


def _yaml_files(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found.extend(Path(folder) / name for name in sorted(files) if name.endswith(".yaml"))
    return found


def _load(path: Path, model: type[M], findings: list[Finding]) -> Document[M] | None:
    text = read_text(path)
    if isinstance(text, Problem):
        findings.append(_problem_finding(path, text))
        return None
    parsed = parse(text)
    if isinstance(parsed, Problem):
        findings.append(_problem_finding(path, parsed))
        return None
    document, found = _validate(path, parsed, model)
    findings.extend(found)
    return document


def _validate(
    path: Path, parsed: Parsed, model: type[M]
) -> tuple[Document[M] | None, list[Finding]]:
    found: list[Finding] = []
    display = display_path(path)
    found.extend(
        Finding(
            display,
            duplicate.line,
            duplicate.column,
            rules.DUPLICATE_KEY.id,
            rules.DUPLICATE_KEY.severity,
            f"key '{duplicate.key}' appears twice in this mapping (first at line "
            f"{duplicate.first_line}); keep one",
        )
        for duplicate in parsed.duplicate_keys
    )
    if not isinstance(parsed.data, dict):
        kind = "a list" if isinstance(parsed.data, list) else "a single value"
        found.append(
            Finding(
                display,
                1,
                1,
                rules.NOT_A_MAPPING.id,
                rules.NOT_A_MAPPING.severity,
                f"the file holds {kind}; it must be a mapping of keys to values "
                f"(see `journeyctl schema`)",
            )
        )
        return None, found
    try:
        instance = model.model_validate(parsed.data)
    except ValidationError as error:
        source = SourceMap.from_text(parsed.text)
        for rule, message, position in describe_all(error.errors(include_url=False), model, source):
            line, column = position if position is not None else (None, None)
            found.append(Finding(display, line, column, rule.id, rule.severity, message))
        return None, found
    return Document(path, instance, parsed.text), found


def _problem_finding(path: Path, problem: Problem) -> Finding:
    return Finding(
        display_path(path),
        problem.line,
        problem.column,
        problem.rule.id,
        problem.rule.severity,
        problem.message,
    )
