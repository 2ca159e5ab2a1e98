"""The ranking: which journeys first, how they moved against the compared period, and the
notes under the table; for `journeyctl rank` (terminal, Markdown) and the ranking page.

Every cell is made here once, also for a ranking of thousands of journeys: the terminal
chooses among several layouts, and each lays out these cells.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from journeyctl.rank import Comparison, ContactShare, NoMatch, RankedJourney, Ranking
from journeyctl.text import LABELS, Lang, format_count, format_decimal, format_percent, label
from journeyctl.views import cells
from journeyctl.views.cells import ESTIMATED, MISSING, NONE, Cell, Table

TOP = 10  # the "top journeys" of the steering meeting
BAR = 5  # the score's bar: one block per 20 points


@dataclass(frozen=True)
class RankingRow:
    """A ranked journey as every output shows it: each value a cell, chosen once."""

    id: str
    rank: Cell
    movement: Cell  # against the compared period; "" without one
    name: Cell  # MISSING after it when a criterion has no value
    phase: Cell
    cluster: Cell
    owner: Cell
    status: Cell
    status_key: str  # the status as the files write it (a page's colour)
    customers: Cell  # ESTIMATED after the volumes someone estimated
    contacts: Cell
    contact_rate: Cell
    score: Cell
    bar: int  # of BAR blocks, the score out of 100
    compared_rank: Cell  # in the compared period; NONE where it had no volumes then
    compared_customers: Cell
    compared_contacts: Cell
    compared_contact_rate: Cell
    # The share of the contacts of every ranked journey, down to this one (None: no
    # contacts), and whether a count in it is estimated: written when a page shows it.
    cumulative: float | None
    cumulative_estimated: bool
    top: bool  # among the TOP first
    lang: Lang

    @property
    def cumulative_share(self) -> Cell:
        """`cumulative` as a percentage, ESTIMATED after it where it counts an estimate (the
        terminal does not show it: 2,000 percentages were written there for nothing)."""
        return Cell(
            cells.percent(self.cumulative, self.lang), mark=_mark(self.cumulative_estimated)
        )


@dataclass(frozen=True)
class UnrankedRow:
    """A journey left out of the ranking (no volumes for the period, or errors), and why."""

    id: str
    name: Cell
    reason: str


@dataclass(frozen=True)
class RankingView:
    """The ranking page, table or file: its rows, headers, notes and what stands for nothing."""

    title: str
    period: str | None
    compare_period: str | None
    by: str
    rows: tuple[RankingRow, ...]
    headers: dict[str, str]  # a RankingRow's field -> its column's header
    notes: tuple[str, ...]  # missing criteria, estimates, what-if weights, contact share
    empty: str  # what stands in the table's place when nothing is ranked
    # What stands alone in the place of the title and the table when the filters match no
    # journey at all ("No journey has the status 'retired'; ..."); "" when they match.
    no_match: str
    unranked_title: str
    unranked: tuple[UnrankedRow, ...]
    top: int  # how many of the rows are the top journeys
    top_share: str  # the sentence on the top journeys' share of all contacts, "" without
    explanation: Table | None  # each score's points per term, when asked for
    formula: str = ""  # how a score is made, with the weights, when explained


def ranking_view(ranking: Ranking, explain: bool = False) -> RankingView:
    lang = ranking.language
    total = sum(j.contacts for j in ranking.journeys)
    rows, running, guessed = [], 0, False
    shared = _SharedCells()
    for journey in ranking.journeys:
        running += journey.contacts
        # A share is as sure as the least sure count in it.
        guessed = guessed or journey.contacts_estimated
        share = running / total if total else None
        rows.append(_row(ranking, journey, share, guessed, shared))
    top = min(TOP, len(ranking.journeys))
    unranked = tuple(
        UnrankedRow(u.id, Cell(u.name, link=cells.journey_page(u.id)), u.reason_in(lang))
        for u in ranking.unranked
    )
    return RankingView(
        title=title(ranking),
        period=ranking.period,
        compare_period=ranking.compare_period,
        by=ranking.by,
        rows=tuple(rows),
        headers=_headers(ranking),
        # Nothing to note under a statement that no journey matches.
        notes=() if ranking.no_match else tuple(notes(ranking)),
        empty=label("ranking.none", lang).format(period=ranking.period)
        if ranking.period
        else label("ranking.none_without_period", lang),
        no_match="" if ranking.no_match is None else no_match(ranking.no_match, lang),
        unranked_title=f"{label('unranked', lang)} ({len(unranked)})",
        unranked=unranked,
        top=top,
        top_share=_top_share(ranking, top, total),
        explanation=_explanation(ranking) if explain else None,
        formula=_formula(ranking) if explain else "",
    )


def title(ranking: Ranking) -> str:
    lang = ranking.language
    by = label(f"ranking.by.{ranking.by}", lang)
    if ranking.period is None:
        return label("ranking.title_no_period", lang).format(by=by)
    return label("ranking.title", lang).format(by=by, period=ranking.period)


def no_match(missed: NoMatch, lang: Lang) -> str:
    """The one line that says the filters match no journey: with a status, which statuses the
    journeys have (among those the other filters let through), with how many of each."""
    status = None if missed.status is None else _status(missed.status, lang)
    if status is None or not missed.statuses:
        return label("ranking.no_match", lang).format(filters=_filters(missed.filters, lang))
    counts = ", ".join(f"{_status(s, lang)} ({format_count(n, lang)})" for s, n in missed.statuses)
    others = [(kind, value) for kind, value in missed.filters if kind != "status"]
    if not others:
        return label("ranking.no_status", lang).format(status=status, counts=counts)
    return label("ranking.no_status_among", lang).format(
        filters=_filters(others, lang), status=status, counts=counts
    )


def _filters(filters: Iterable[tuple[str, str]], lang: Lang) -> str:
    """Filters as a person reads them: "owner 'Eva de Boer', status 'mapped'"."""
    return ", ".join(
        f"{label(kind, lang).lower()} '{_status(value, lang) if kind == 'status' else value}'"
        for kind, value in filters
    )


def _status(status: str, lang: Lang) -> str:
    """A journey status in the table's language; one the labels do not know as written."""
    return LABELS[lang].get(f"journey_status.{status}", status)


def in_period(key: str, period: str, lang: Lang) -> str:
    """A column header of the compared period: "Contacts 2024", "Positie 2024"."""
    return label("ranking.in_period", lang).format(what=label(key, lang), period=period)


def _headers(ranking: Ranking) -> dict[str, str]:
    lang = ranking.language
    headers = {
        "rank": label("rank.short", lang),
        "movement": label("ranking.movement_since", lang).format(period=ranking.compare_period),
        "name": label("journey", lang),
        "phase": label("phase", lang),
        "cluster": label("cluster", lang),
        "owner": label("owner", lang),
        "status": label("status", lang),
        "customers": label("customers", lang),
        "contacts": label("contacts", lang),
        "contact_rate": label("ranking.per_customer", lang),
        "score": label("score", lang),
        "cumulative_share": label("render.cumulative_share", lang),
    }
    period = ranking.compare_period or ""
    for key, field in (
        ("rank", "compared_rank"),
        ("customers", "compared_customers"),
        ("contacts", "compared_contacts"),
        ("ranking.per_customer", "compared_contact_rate"),
    ):
        headers[field] = in_period(key, period, lang)
    return headers


class _SharedCells:
    """Cells that many rows hold alike (a phase, a status, no figure to compare), each made
    once: a ranking of thousands of journeys has a few dozen of them."""

    def __init__(self) -> None:
        self._cells: dict[str, Cell] = {}

    def plain(self, text: str) -> Cell:
        cell = self._cells.get(text)
        if cell is None:
            cell = self._cells[text] = Cell(text)
        return cell


def _row(
    ranking: Ranking,
    journey: RankedJourney,
    cumulative: float | None,
    guessed: bool,
    shared: _SharedCells,
) -> RankingRow:
    lang = ranking.language
    compared = _compared_cells(journey.compare, lang, shared)
    return RankingRow(
        id=journey.id,
        rank=Cell(str(journey.rank), tone="strong"),
        movement=cells.movement(journey.movement, lang)
        if ranking.compare_period
        else shared.plain(""),
        name=Cell(
            journey.name,
            link=cells.journey_page(journey.id),
            mark=MISSING if journey.missing_criteria else "",
        ),
        phase=shared.plain(journey.phase_name or journey.phase),
        cluster=shared.plain(journey.cluster_name or journey.cluster),
        owner=shared.plain(journey.owner_name or journey.owner or NONE),
        # A status the labels do not know (none today) as the file writes it.
        status=shared.plain(LABELS[lang].get(f"journey_status.{journey.status}", journey.status)),
        status_key=journey.status,
        customers=Cell(
            format_count(journey.customers, lang), mark=_mark(journey.customers_estimated)
        ),
        contacts=Cell(format_count(journey.contacts, lang), mark=_mark(journey.contacts_estimated)),
        contact_rate=Cell(
            cells.decimal(journey.contact_rate, lang, 2), mark=_mark(journey.estimated)
        ),
        score=Cell(score(journey.score, lang)),
        bar=round(journey.score / 100 * BAR),
        compared_rank=compared[0],
        compared_customers=compared[1],
        compared_contacts=compared[2],
        compared_contact_rate=compared[3],
        cumulative=cumulative,
        cumulative_estimated=guessed,
        top=journey.rank <= TOP,
        lang=lang,
    )


def _compared_cells(
    compared: Comparison | None, lang: Lang, shared: _SharedCells
) -> tuple[Cell, Cell, Cell, Cell]:
    """The rank, customers, contacts and contact rate in the compared period; NONE in each
    where the journey had no volumes then (or there is no period to compare with)."""
    if compared is None:
        nothing = shared.plain(NONE)
        return nothing, nothing, nothing, nothing
    was = compared.estimated
    return (
        Cell(cells.count(compared.rank, lang)),
        Cell(cells.count(compared.customers, lang), mark=_mark("customers" in was)),
        Cell(cells.count(compared.contacts, lang), mark=_mark("contacts" in was)),
        Cell(cells.decimal(compared.contact_rate, lang, 2), mark=_mark(was)),
    )


def _mark(estimated: object) -> str:
    """ESTIMATED after a figure that is, or is computed from, an estimate."""
    return ESTIMATED if estimated else ""


def score(value: float, lang: Lang) -> str:
    return format_decimal(value, lang, 1)


def points(value: float, lang: Lang) -> str:
    """A term's points with the engine's two decimals, so that they add up to the score
    as a reader checks it (the score is rounded to one)."""
    return format_decimal(value, lang, 2)


def term(key: str, ranking: Ranking) -> str:
    """A score term by its name: customers and contacts by their labels, criteria by the
    name the framework gives them."""
    if key in ("customers", "contacts"):
        return label(key, ranking.language)
    return ranking.criteria_names.get(key, key)


def weight(value: float, lang: Lang) -> str:
    """A weight as short as it is exact: 2, 1,5 (nl), 0.25 (en)."""
    for places in (0, 1, 2):
        if round(value, places) == value:
            return format_decimal(value, lang, places)
    return format_decimal(value, lang, 3)


def notes(ranking: Ranking) -> list[str]:
    """The lines under the table: missing criteria, estimates, what-if weights, the share
    of contacts; each only when it applies."""
    lang = ranking.language
    lines = []
    flagged = [j for j in ranking.journeys if j.missing_criteria]
    if flagged:
        missing = (
            f"{j.name} ({', '.join(term(c, ranking) for c in j.missing_criteria)})" for j in flagged
        )
        lines.append(f"{MISSING} {label('ranking.missing_criteria', lang)}: {', '.join(missing)}")
    if any(j.estimated or (j.compare and j.compare.estimated) for j in ranking.journeys):
        lines.append(f"{ESTIMATED} {label('ranking.estimated', lang)}")
    changed = ranking.changed_weights()
    if changed:
        lines.append(_what_if(ranking, changed))
    share = ranking.contact_share
    if ranking.journeys and share is not None and share.total and ranking.period is not None:
        lines.append(_contact_share(share, ranking.period, lang))
    return lines


def _what_if(ranking: Ranking, changed: dict[str, tuple[float, float]]) -> str:
    lang = ranking.language
    parts = []
    for key, (framework, used) in changed.items():
        was = label("ranking.framework_weight", lang).format(weight=weight(framework, lang))
        parts.append(f"{term(key, ranking)} {weight(used, lang)} ({was})")
    return f"{cells.capitalised(label('ranking.what_if', lang))}: {', '.join(parts)}"


def _contact_share(share: ContactShare, period: str, lang: Lang) -> str:
    sentence = label("ranking.contact_share", lang).format(
        share=format_percent(share.share, lang),
        period=period,
        covered=format_count(share.covered, lang),
        total=format_count(share.total, lang),
    )
    return cells.capitalised(sentence)


def _top_share(ranking: Ranking, top: int, total: int) -> str:
    if not total:
        return ""
    top_contacts = sum(j.contacts for j in ranking.journeys[:top])
    guessed = any(j.contacts_estimated for j in ranking.journeys)
    return label("render.top_share", ranking.language).format(
        top=top,
        share=format_percent(top_contacts / total, ranking.language) + _mark(guessed),
        period=ranking.period or NONE,
        top_contacts=format_count(top_contacts, ranking.language),
        total=format_count(total, ranking.language),
    )


def _formula(ranking: Ranking) -> str:
    weights = ", ".join(
        f"{term(key, ranking)} {weight(w, ranking.language)}" for key, w in ranking.weights.items()
    )
    return label("ranking.formula", ranking.language).format(weights=weights)


def _explanation(ranking: Ranking) -> Table:
    """Each journey's points per term, the terms named as the framework names them."""
    lang = ranking.language
    # Headed by the framework's terms and weights, not by labels alone: built here, not `headed`.
    headers = [
        label("rank.short", lang),
        label("journey", lang),
        *(f"{term(key, ranking)} ({weight(w, lang)})" for key, w in ranking.weights.items()),
        label("score", lang),
    ]
    rows = tuple(
        (
            Cell(str(j.rank)),
            Cell(j.name),
            *(Cell(points(j.terms.get(key, 0.0), lang)) for key in ranking.weights),
            Cell(score(j.score, lang)),
        )
        for j in ranking.journeys
    )
    numeric = (True, False, *(True for _ in ranking.weights), True)
    return Table(label("ranking.explain", lang), tuple(headers), numeric, rows, flexible=1)
