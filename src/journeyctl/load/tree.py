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
from journeyctl.load.yamlfile import Problem, parse, read_text
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
        return rule.finding(self.display, message, line, column)


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
            f"root folder '{root}' not found; run journeyctl from the folder that holds "
            "journeys/, or pass --root PATH (or set JOURNEYCTL_ROOT)"
        )
    root = root.resolve()
    findings: list[Finding] = []
    framework_path = root / FRAMEWORK_FILE
    framework: Document[Framework] | None = None
    if framework_path.is_file():
        framework = _load(framework_path, Framework, findings)
    else:
        message = (
            f"no {FRAMEWORK_FILE} in the root; create one with at least name and phases "
            "(`journeyctl schema` lists every field)"
        )
        findings.append(rules.MISSING_FRAMEWORK.finding(display_path(framework_path), message))
    tree = Tree(root, framework, findings=findings)
    yaml_files, yml_files = _yaml_files(root)
    for path in yml_files:
        message = f"not read: only .yaml files count; rename it to {path.stem}.yaml"
        findings.append(rules.IGNORED_FILE.finding(display_path(path), message))
    for path in yaml_files:
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


def _yaml_files(root: Path) -> tuple[list[Path], list[Path]]:
    """The `.yaml` files under root, and the `.yml` files that would be missed."""
    yaml_files: list[Path] = []
    yml_files: list[Path] = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".yaml"):
                yaml_files.append(Path(folder) / name)
            elif name.endswith(".yml"):
                yml_files.append(Path(folder) / name)
    return yaml_files, yml_files


def _load(path: Path, model: type[M], findings: list[Finding]) -> Document[M] | None:
    display = display_path(path)
    document, problems = _read(path, model)
    findings.extend(p.rule.finding(display, p.message, p.line, p.column) for p in problems)
    return document


def _read(path: Path, model: type[M]) -> tuple[Document[M] | None, list[Problem]]:
    """The file as a model, or None; and every problem met on the way."""
    text = read_text(path)
    if isinstance(text, Problem):
        return None, [text]
    parsed = parse(text)
    if isinstance(parsed, Problem):
        return None, [parsed]
    problems = list(parsed.problems)
    if not isinstance(parsed.data, dict):
        kind = "a list" if isinstance(parsed.data, list) else "a single value"
        message = (
            f"the file holds {kind}; it must be a mapping of keys to values "
            "(see `journeyctl schema`)"
        )
        return None, [*problems, Problem(rules.NOT_A_MAPPING, message, 1, 1)]
    try:
        instance = model.model_validate(parsed.data)
    except ValidationError as error:
        source = SourceMap(parsed.node)
        problems.extend(describe_all(error.errors(include_url=False), model, source))
        return None, problems
    return Document(path, instance, parsed.text), problems
