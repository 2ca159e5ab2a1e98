"""The alerts page: one row per journey that needs attention, with its owner, each of its
signals said with its figures (`~` after a signal whose figures include an estimate), and
beside each what to do about it (one suggestion per kind of signal, naming the KPI where
the signal is about one).

The same records show a journey's own alerts on its map and the number of them on its card
of the index: `AlertsView.of(journey_id)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journeyctl.reports import ALERT_KINDS, AlertRow, AlertsReport, Signal
from journeyctl.text import Lang, format_date, label
from journeyctl.views import cells
from journeyctl.views.cells import ESTIMATED, NONE, PARTS, Cell, Figure, Number, Table, Tone


@dataclass(frozen=True)
class SignalLine:
    """One signal of a journey as a person reads it, with what to do about its kind."""

    kind: str  # the report's kind: what a page colours or groups by
    text: str  # "Contacts up by 54%, from 8,300 to 12,800"
    mark: str  # ESTIMATED where its figures include an estimated volume, else ""
    action: str  # "Find out where the extra contacts come from"

    @property
    def shown(self) -> str:
        return self.text + self.mark


@dataclass(frozen=True)
class JourneyAlerts:
    """A journey's alerts: its row of the table, its list on its map, its card's badge."""

    journey: str  # the id, that a page looks it up by
    name: str
    link: str
    rank: str  # NONE: not ranked
    owner: str  # the owner's name; NONE without one
    signals: tuple[SignalLine, ...]
    count: str  # how many signals, as a number of the language
    badge: str  # the badge's words: "Alerts: 3"


@dataclass(frozen=True)
class AlertsView:
    # One row per journey, anchored by its id; its signals and what to do about each are
    # two stacked columns, part by part.
    table: Table
    notes: tuple[str, ...]
    figures: tuple[Figure, ...]  # the journeys with alerts, then the signals of each kind
    journeys: tuple[JourneyAlerts, ...]  # the table's rows, as records
    _by_id: dict[str, JourneyAlerts] = field(default_factory=dict, compare=False, repr=False)

    @property
    def tables(self) -> tuple[Table, ...]:
        return (self.table,)

    def of(self, journey_id: str) -> JourneyAlerts | None:
        """The alerts of one journey; None when it has none."""
        return self._by_id.get(journey_id)


def alerts_view(report: AlertsReport, lang: Lang) -> AlertsView:
    journeys = tuple(journey_alerts(row, lang) for row in report.rows)
    return AlertsView(
        _table(report, journeys, lang),
        _notes(report, lang),
        _figures(report, lang),
        journeys,
        {journey.journey: journey for journey in journeys},
    )


def journey_alerts(row: AlertRow, lang: Lang) -> JourneyAlerts:
    signals = tuple(signal_line(signal, lang) for signal in row.signals)
    number = cells.count(len(signals), lang)
    return JourneyAlerts(
        journey=row.journey,
        name=row.journey_name,
        link=cells.journey_page(row.journey),
        rank=cells.rank(row.rank),
        owner=row.owner_name or NONE,
        signals=signals,
        count=number,
        badge=label("render.alerts.badge", lang).format(count=number),
    )


def signal_line(signal: Signal, lang: Lang) -> SignalLine:
    return SignalLine(
        kind=signal.kind,
        text=_said(signal, lang),
        mark=ESTIMATED if signal.estimated else "",
        action=label(f"report.alerts.action.{signal.kind}", lang).format(kpi=signal.measure_name),
    )


def _said(signal: Signal, lang: Lang) -> str:
    """The signal in words, with its figures in the language's format."""
    what = label(f"report.alert.{signal.kind}", lang)
    if signal.kind in ("contact_rate_up", "contacts_up"):
        if signal.kind == "contact_rate_up":
            before, after = (
                cells.decimal(signal.before, lang, 2),
                cells.decimal(signal.after, lang, 2),
            )
        else:
            before, after = _count(signal.before, lang), _count(signal.after, lang)
        if signal.change is None:  # a rise from 0: no percentage to say
            return label("report.signal.moved", lang).format(what=what, before=before, after=after)
        return label("report.signal.rise", lang).format(
            what=what, rise=cells.percent(signal.change, lang), before=before, after=after
        )
    if signal.kind == "kpi_away_from_target":
        values = [v for v in (signal.before, signal.after, signal.target) if v is not None]
        shared = cells.places(values)
        return label("report.signal.kpi_away_from_target", lang).format(
            kpi=signal.measure_name,
            before=cells.decimal(signal.before, lang, shared),
            after=cells.decimal(signal.after, lang, shared),
            target=cells.decimal(signal.target, lang, shared),
        )
    if signal.kind == "review_overdue":
        cadence = label(f"report.cadence.{signal.cadence}", lang)
        if signal.last_reviewed is None:
            return label("report.signal.never_reviewed", lang).format(cadence=cadence)
        return label("report.signal.review_overdue", lang).format(
            day=cells.day(signal.last_reviewed, lang), cadence=cadence
        )
    if signal.kind == "kpi_without_baseline":
        return label("report.signal.kpi_without_baseline", lang).format(kpi=signal.measure_name)
    return what  # top_unworked, no_owner: the kind says it all


def _count(value: float | None, lang: Lang) -> str:
    return cells.count(None if value is None else int(value), lang)


def _table(report: AlertsReport, journeys: tuple[JourneyAlerts, ...], lang: Lang) -> Table:
    title = cells.period_title("report.alerts.title", report.period, lang)
    if report.compare is not None:
        title += " " + label("report.against", lang).format(period=report.compare)
    columns = (Number("rank.short"), "journey", "owner", "alerts", "report.to_do")
    return Table(
        title,
        *cells.headed(columns, lang),
        tuple(
            (
                Cell(journey.rank),
                Cell(journey.name, link=journey.link),
                Cell(journey.owner),
                _listed(tuple(Cell(s.text, mark=s.mark) for s in journey.signals), tone="bad"),
                _listed(tuple(Cell(signal.action) for signal in journey.signals)),
            )
            for journey in journeys
        ),
        flexible=1,
        empty=label("render.alerts.none", lang),
        anchors=tuple(journey.journey for journey in journeys),
        stacked=frozenset({3, 4}),
    )


def _listed(parts: tuple[Cell, ...], tone: Tone = "") -> Cell:
    """A cell of several lines: plain text joins them with PARTS, each with its mark."""
    return Cell(PARTS.join(part.shown for part in parts), tone=tone, parts=parts)


def _notes(report: AlertsReport, lang: Lang) -> tuple[str, ...]:
    notes = [
        label("report.alerts.rules", lang).format(
            threshold=cells.percent(report.contact_rate_increase, lang),
            top=report.top,
            day=format_date(report.today, lang),
        )
    ]
    if report.compare is None:
        notes.append(label("report.alerts.no_compare", lang))
    if report.measured_until is None:
        notes.append(label("report.alerts.not_measured", lang))
    elif any(signal.kind == "kpi_away_from_target" for signal in report.signals()):
        # The KPI signals' values are measurements, dated apart from the volumes' period.
        notes.append(f"{label('kpis', lang)}: {cells.measured_until(report.measured_until, lang)}")
    if any(row.estimated for row in report.rows):
        notes.append(f"{ESTIMATED} {label('ranking.estimated', lang)}")
    return tuple(notes)


def _figures(report: AlertsReport, lang: Lang) -> tuple[Figure, ...]:
    counts = report.counts()
    return (
        Figure(
            cells.count(counts["journeys"], lang),
            label("render.alerts.journeys", lang),
            "bad" if counts["journeys"] else "good",
        ),
        *(
            Figure(
                cells.count(counts[kind], lang),
                label(f"report.alert.{kind}", lang),
                "bad" if counts[kind] else "good",
            )
            for kind in ALERT_KINDS
        ),
    )
