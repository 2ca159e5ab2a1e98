"""The one value type for everything journeyctl reports about a tree."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """A problem at a place: 1-based line and column, or None where there is no place."""

    file: str
    line: int | None
    column: int | None
    rule: str
    severity: Severity
    message: str

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line or 0, self.column or 0, self.rule, self.message)

    def to_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity.value,
            "rule": self.rule,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
        }


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(set(findings), key=Finding.sort_key)


@dataclass(frozen=True)
class Rule:
    """A rule's identity and documentation; every finding names one."""

    id: str
    name: str
    severity: Severity
    doc: str

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]

    def finding(
        self, file: str, message: str, line: int | None = None, column: int | None = None
    ) -> Finding:
        return Finding(file, line, column, self.id, self.severity, message)
