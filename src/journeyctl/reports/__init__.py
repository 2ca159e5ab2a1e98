"""The data behind each report page (kpis, improvements, coverage, owners, alerts), for
`journeyctl report` and `journeyctl render`: both compute from these functions.

    report_input = prepare(framework, journeys, improvements, period=None, compare=None,
                           today=None)
    kpis_report(report_input, top=None) -> KpiReport
    improvements_report(report_input) -> ImprovementsReport
    coverage_report(report_input) -> CoverageReport
    owners_report(report_input) -> OwnersReport
    alerts_report(report_input, top=None) -> AlertsReport
    build(name, report_input, top=None) -> Report   # by name, for the command line

Every report is a frozen dataclass with `rows` (one per journey and KPI, improvement,
contact reason, owner, or journey with alerts), `to_rows()` (flat rows for CSV, columns in
`fields`) and `to_dict()` (JSON). The shapes are documented in docs/reports.md and kept stable.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any

from journeyctl.errors import UsageError

if TYPE_CHECKING:
    from journeyctl.reports.alerts import (
        ALERT_KINDS,
        DEFAULT_TOP,
        AlertKind,
        AlertRow,
        AlertsReport,
        Signal,
        alerts_report,
    )
    from journeyctl.reports.coverage import (
        Coverage,
        CoverageReport,
        PhaseCoverage,
        ReasonRow,
        coverage_report,
    )
    from journeyctl.reports.improvements import (
        ImprovementRow,
        ImprovementsReport,
        JourneyImprovements,
        improvements_report,
    )
    from journeyctl.reports.inputs import ReportInput, prepare, previous_period
    from journeyctl.reports.kpis import (
        KpiPoint,
        KpiReport,
        KpiRow,
        kpi_row,
        kpis_report,
        shortfall,
    )
    from journeyctl.reports.owners import OverdueReview, OwnerRow, OwnersReport, owners_report
    from journeyctl.reports.rows import Cell, Row

    Report = KpiReport | ImprovementsReport | CoverageReport | OwnersReport | AlertsReport

# Each name of the package by the module that defines it: a module is imported when one of
# its names is first asked for, so that `report alerts` loads neither the other reports nor
# their pages (a tenth of a second of imports).
_MODULES = {
    "alerts": (
        "ALERT_KINDS",
        "DEFAULT_TOP",
        "AlertKind",
        "AlertRow",
        "AlertsReport",
        "Signal",
        "alerts_report",
    ),
    "coverage": ("Coverage", "CoverageReport", "PhaseCoverage", "ReasonRow", "coverage_report"),
    "improvements": (
        "ImprovementRow",
        "ImprovementsReport",
        "JourneyImprovements",
        "improvements_report",
    ),
    "inputs": ("ReportInput", "prepare", "previous_period"),
    "kpis": ("KpiPoint", "KpiReport", "KpiRow", "kpi_row", "kpis_report", "shortfall"),
    "owners": ("OverdueReview", "OwnerRow", "OwnersReport", "owners_report"),
    "rows": ("Cell", "Row"),
}
_MODULE_OF = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> object:
    if name == "Report":  # the union of every report: every report's module
        kinds = ("ImprovementsReport", "CoverageReport", "OwnersReport", "AlertsReport")
        union: Any = __getattr__("KpiReport")
        for kind in kinds:
            union = union | __getattr__(kind)
        return union
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_module(name)), name)


def _module(name: str) -> str:
    return f"{__name__}.{_MODULE_OF[name]}"


# The reports that take `top`: kpis (the first N journeys of the ranking that have KPIs) and
# alerts (the top-N window).
TOP_REPORTS = ("kpis", "alerts")

# Each report's builder, by the name of the function that makes it.
_BUILDERS: dict[str, str] = {
    "kpis": "kpis_report",
    "improvements": "improvements_report",
    "coverage": "coverage_report",
    "owners": "owners_report",
    "alerts": "alerts_report",
}
REPORT_NAMES: tuple[str, ...] = tuple(_BUILDERS)


def report_name(written: str) -> str:
    """The report that `written` names, in any case (`KPIS`); a usage error that lists the
    reports, with the nearest, for a name that is none of them."""
    from journeyctl.suggest import closest

    for name in REPORT_NAMES:
        if written.casefold() == name:
            return name
    hint = closest(written, REPORT_NAMES)
    fix = f"did you mean '{hint}'? " if hint else ""
    raise UsageError(f"'{written}' is not a report; {fix}choose one of {', '.join(REPORT_NAMES)}")


def build(name: str, report_input: ReportInput, top: int | None = None) -> Report:
    """The report `name`; a usage error for an unknown name or a `top` it does not take."""
    name = report_name(name)
    check_top(name, top)
    function = _BUILDERS[name]
    builder: Callable[..., Report] = getattr(import_module(_module(function)), function)
    return builder(report_input, top) if name in TOP_REPORTS else builder(report_input)


def check_top(name: str, top: int | None) -> None:
    """A usage error for a `top` given to a report that shows every row."""
    if top is not None and name in _BUILDERS and name not in TOP_REPORTS:
        raise UsageError(
            f"is for the {' and '.join(TOP_REPORTS)} reports only; the {name} report shows "
            "every row, so leave it out",
            parameter="top",
        )


# The reports whose numbers `--explain` takes apart.
EXPLAINED_REPORTS = ("improvements",)


def check_explain(name: str, explain: bool) -> None:
    """A usage error for `--explain` given to a report that has nothing to take apart."""
    if explain and name in _BUILDERS and name not in EXPLAINED_REPORTS:
        raise UsageError(
            f"is for the {' and '.join(EXPLAINED_REPORTS)} report only; the {name} report "
            "has no computed value to explain, so leave it out",
            parameter="explain",
        )


__all__ = [
    "ALERT_KINDS",
    "DEFAULT_TOP",
    "EXPLAINED_REPORTS",
    "REPORT_NAMES",
    "TOP_REPORTS",
    "AlertKind",
    "AlertRow",
    "AlertsReport",
    "Cell",
    "Coverage",
    "CoverageReport",
    "ImprovementRow",
    "ImprovementsReport",
    "JourneyImprovements",
    "KpiPoint",
    "KpiReport",
    "KpiRow",
    "OverdueReview",
    "OwnerRow",
    "OwnersReport",
    "PhaseCoverage",
    "ReasonRow",
    "Report",
    "ReportInput",
    "Row",
    "Signal",
    "alerts_report",
    "build",
    "check_explain",
    "check_top",
    "coverage_report",
    "improvements_report",
    "kpi_row",
    "kpis_report",
    "owners_report",
    "prepare",
    "previous_period",
    "report_name",
    "shortfall",
]
