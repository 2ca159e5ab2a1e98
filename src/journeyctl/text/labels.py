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
