"""The words of tables and reports, in each report language.

One table, so that a column is called the same in the terminal, Markdown, HTML and xlsx,
and a missing translation fails (KeyError) instead of showing an English word in a Dutch
report. Keys are stable names; statuses are keyed by the value in the files
(`journey_status.mapped`, `improvement_status.in-progress`).
"""

from __future__ import annotations

from journeyctl.text.languages import Lang

# key: (English, Dutch)
_LABELS: dict[str, tuple[str, str]] = {
    "journey": ("Journey", "Klantreis"),
    "journeys": ("Journeys", "Klantreizen"),
    "id": ("Id", "Id"),
    "name": ("Name", "Naam"),
    "phase": ("Phase", "Fase"),
    "cluster": ("Cluster", "Cluster"),
    "owner": ("Owner", "Eigenaar"),
    "team": ("Team", "Team"),
    "persona": ("Persona", "Persona"),
    "channel": ("Channel", "Kanaal"),
    "kpi": ("KPI", "KPI"),
    "criterion": ("Criterion", "Criterium"),
    "contact_reason": ("Contact reason", "Contactreden"),
    "improvement": ("Improvement", "Verbetering"),
    "improvements": ("Improvements", "Verbeteringen"),
    "status": ("Status", "Status"),
    "customers": ("Customers", "Klanten"),
    "contacts": ("Contacts", "Contacten"),
    "contact_rate": ("Contacts per customer", "Contacten per klant"),
    "score": ("Score", "Score"),
    "rank": ("Rank", "Positie"),
    "period": ("Period", "Periode"),
    "movement": ("Movement", "Verschuiving"),
    "new": ("new", "nieuw"),
    "estimated": ("estimated", "geschat"),
    "unranked": ("Not ranked", "Niet gerangschikt"),
    "reason": ("Reason", "Reden"),
    "weight": ("Weight", "Gewicht"),
    "baseline": ("Baseline", "Nulmeting"),
    "latest": ("Latest", "Laatste meting"),
    "target": ("Target", "Doel"),
    "journey_status.listed": ("listed", "geïnventariseerd"),
    "journey_status.mapped": ("mapped", "in kaart gebracht"),
    "journey_status.improving": ("improving", "wordt verbeterd"),
    "journey_status.monitoring": ("monitoring", "wordt gevolgd"),
    "journey_status.retired": ("retired", "vervallen"),
    # The ranking's title, notes and ordering, for the terminal table and Markdown. A label
    # with {fields} is filled in by the format (str.format); the fields are the same in
    # both languages.
    "ranking.title": ("Journeys by {by}, period {period}", "Klantreizen op {by}, periode {period}"),
    "ranking.title_no_period": (
        "Journeys by {by}: no period, no journey has volumes yet",
        "Klantreizen op {by}: geen periode, nog geen klantreis heeft volumes",
    ),
    "ranking.by.score": ("score", "score"),
    "ranking.by.customers": ("customers", "klanten"),
    "ranking.by.contacts": ("contacts", "contacten"),
    "ranking.by.contact-rate": ("contacts per customer", "contacten per klant"),
    # The contact rate's header beside the contacts column, where the width is tight.
    "ranking.per_customer": ("per customer", "per klant"),
    "ranking.in_period": ("{what} {period}", "{what} {period}"),
    "ranking.movement_since": ("vs {period}", "t.o.v. {period}"),
    "ranking.missing_criteria": ("missing criteria count 0", "ontbrekende criteria tellen als 0"),
    "ranking.estimated": ("estimated, not counted", "geschat, niet geteld"),
    "ranking.what_if": ("what-if weights", "wat-als-gewichten"),
    "ranking.framework_weight": ("framework {weight}", "raamwerk {weight}"),
    "ranking.contact_share": (
        "the contact reasons of these journeys hold {share} of all contacts in {period}"
        " ({covered} of {total})",
        "de contactredenen van deze klantreizen zijn samen goed voor {share} van alle"
        " contacten in {period} ({covered} van {total})",
    ),
    "ranking.explain": (
        "How each score is made up: points per term, the weight in brackets",
        "Zo is elke score opgebouwd: punten per term, het gewicht tussen haakjes",
    ),
    "improvement_status.idea": ("idea", "idee"),
    "improvement_status.planned": ("planned", "gepland"),
    "improvement_status.experiment": ("experiment", "experiment"),
    "improvement_status.in-progress": ("in progress", "in uitvoering"),
    "improvement_status.implemented": ("implemented", "doorgevoerd"),
    "improvement_status.rejected": ("rejected", "afgewezen"),
}

LABELS: dict[Lang, dict[str, str]] = {
    "en": {key: english for key, (english, _) in _LABELS.items()},
    "nl": {key: dutch for key, (_, dutch) in _LABELS.items()},
}


def label(key: str, lang: Lang) -> str:
    """The label `key` in `lang`; KeyError for a key that is not in the table."""
    return LABELS[lang][key]
