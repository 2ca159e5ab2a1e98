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
    # export: the second sheet of the workbook, which explains the ranking.
    "export.sheet": ("Journeys", "Klantreizen"),
    "export.explanation": ("Explanation", "Toelichting"),
    "export.yes": ("yes", "ja"),
    "export.no": ("no", "nee"),
    "export.title": (
        "How the score is made, period {period}",
        "Zo ontstaat de score, periode {period}",
    ),
    "export.formula": (
        "score = 100 \u00d7 Σ weight \u00d7 (value / highest value of all journeys) / Σ weight",
        "score = 100 \u00d7 Σ gewicht \u00d7 (waarde / hoogste waarde van alle klantreizen) / Σ gewicht",
    ),
    "export.terms": (
        "Over customers, contacts and every criterion with a weight above 0; yes counts 1, "
        "no and an empty criterion 0. Contacts per customer = contacts / customers.",
        "Over klanten, contacten en elk criterium met een gewicht boven 0; ja telt 1, nee en "
        "een leeg criterium 0. Contacten per klant = contacten / klanten.",
    ),
    "export.reimport": (
        "journeyctl import reads this sheet back: change numbers here and import the file.",
        "journeyctl import leest dit tabblad terug: pas aantallen hier aan en importeer het bestand.",
    ),
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
    # `journeyctl report` (and the report pages of `render`): titles, columns and notes.
    "report.none": ("None.", "Geen."),
    "report.total": ("Total", "Totaal"),
    "report.against": ("against {period}", "ten opzichte van {period}"),
    "report.as_of": (
        "Measurements up to {day} (the end of the period)",
        "Metingen tot en met {day} (het einde van de periode)",
    ),
    "report.kpis.title": ("KPIs since the baseline", "KPI's sinds de nulmeting"),
    "report.kpis.summary": (
        "{kpis} KPIs: {improved} improved since the baseline, {declined} declined, "
        "{unchanged} unchanged, {not_measured} not measured yet; {target_reached} at target",
        "{kpis} KPI's: {improved} verbeterd sinds de nulmeting, {declined} verslechterd, "
        "{unchanged} gelijk, {not_measured} nog niet gemeten; {target_reached} op doel",
    ),
    "report.change": ("Since baseline", "Sinds nulmeting"),
    "report.change.improved": ("improved", "verbeterd"),
    "report.change.declined": ("declined", "verslechterd"),
    "report.change.unchanged": ("unchanged", "gelijk"),
    "report.trend": ("Trend", "Trend"),
    "report.trend.improving": ("better", "beter"),
    "report.trend.worsening": ("worse", "slechter"),
    "report.trend.steady": ("steady", "stabiel"),
    "report.target_reached": ("reached", "gehaald"),
    "report.measured": ("Measured", "Gemeten"),
    "report.improvements.title": ("Improvements", "Verbeteringen"),
    "report.improvements.summary": (
        "{improvements} improvements: {open} open, {done} done, {rejected} rejected; "
        "{shared} shared by several journeys",
        "{improvements} verbeteringen: {open} open, {done} afgerond, {rejected} afgewezen; "
        "{shared} gedeeld door meerdere klantreizen",
    ),
    "report.by_status": ("By status", "Per status"),
    "report.effort": ("Effort", "Inspanning"),
    "report.state.open": ("open", "open"),
    "report.state.done": ("done", "afgerond"),
    "report.state.rejected": ("closed", "gesloten"),
    "report.coverage.title": (
        "Life Cycle Model: contact reasons covered by journeys",
        "Life Cycle Model: contactredenen gedekt door klantreizen",
    ),
    "report.coverage.reasons": ("Contact reasons", "Contactredenen"),
    "report.coverage.summary": (
        "{covered} of {reasons} contact reasons covered by a journey ({share})",
        "{covered} van {reasons} contactredenen gedekt door een klantreis ({share})",
    ),
    "report.coverage.no_contacts": (
        "No contact reason has volumes for {period}: coverage is a count only",
        "Geen contactreden heeft volumes voor {period}: de dekking is alleen een telling",
    ),
    "report.reasons": ("Reasons", "Redenen"),
    "report.covered": ("Covered", "Gedekt"),
    "report.share": ("Share", "Aandeel"),
    "report.contact_share": ("Of contacts", "Van contacten"),
    "report.not_covered": ("not covered", "niet gedekt"),
    "report.owners.title": ("Journey owners", "Eigenaren van klantreizen"),
    "report.owners.overdue": ("Reviews overdue on {day}", "Reviews over tijd op {day}"),
    "report.overdue_reviews": ("Reviews overdue", "Reviews over tijd"),
    "report.open_improvements": ("Own open improvements", "Eigen open verbeteringen"),
    "report.open_on_journeys": ("Open on their journeys", "Open op hun klantreizen"),
    "report.no_owner": ("(no owner)", "(geen eigenaar)"),
    "report.cadence": ("Cadence", "Ritme"),
    "report.last_reviewed": ("Last reviewed", "Laatste review"),
    "report.days_overdue": ("Days over", "Dagen over tijd"),
    "report.never": ("never", "nooit"),
    "report.cadence.weekly": ("weekly", "wekelijks"),
    "report.cadence.biweekly": ("every two weeks", "tweewekelijks"),
    "report.cadence.monthly": ("monthly", "maandelijks"),
    "report.cadence.quarterly": ("quarterly", "per kwartaal"),
    "report.cadence.half-yearly": ("half-yearly", "halfjaarlijks"),
    "report.cadence.yearly": ("yearly", "jaarlijks"),
    "report.alerts.title": ("Alerts", "Signalen"),
    "report.alerts.rules": (
        "Contact rate or contacts up more than {threshold}; top {top} journeys that are only "
        "listed and have no improvement; KPIs moving away from their target",
        "Contactratio of contacten meer dan {threshold} gestegen; top {top} klantreizen die "
        "alleen geïnventariseerd zijn en geen verbetering hebben; KPI's die van hun doel af "
        "bewegen",
    ),
    "report.alerts.no_compare": (
        "No earlier period to compare with: rising contacts are not judged",
        "Geen eerdere periode om mee te vergelijken: stijgende contacten zijn niet beoordeeld",
    ),
    "report.alert": ("Alert", "Signaal"),
    "report.rise": ("Rise", "Stijging"),
    "report.before": ("Before", "Eerst"),
    "report.after": ("Now", "Nu"),
    "report.alert.contact_rate_up": ("contact rate up", "contactratio gestegen"),
    "report.alert.contacts_up": ("contacts up", "contacten gestegen"),
    "report.alert.top_unworked": ("top journey, nobody on it", "topreis, niemand mee bezig"),
    "report.alert.kpi_away_from_target": ("KPI away from target", "KPI weg van doel"),
    # `journeyctl diff` in Markdown, for a pull request's reviewer.
    "diff.no_changes": ("No changes to the journey framework", "Geen wijzigingen in het raamwerk"),
    "diff.framework": ("Framework", "Raamwerk"),
    "diff.working_tree": ("working tree", "werkmap"),
    "diff.added": ("added", "toegevoegd"),
    "diff.removed": ("removed", "verwijderd"),
    "diff.renamed": ("renamed", "hernoemd"),
    "diff.changed": ("changed", "gewijzigd"),
    "diff.changes": ("{count} change(s)", "{count} wijziging(en)"),
    "diff.none": ("none", "geen"),
    "diff.not_valid": (
        "{revision} does not validate: {errors} error(s), {warnings} warning(s); "
        "`journeyctl validate` lists them",
        "{revision} is niet geldig: {errors} fout(en), {warnings} waarschuwing(en); "
        "`journeyctl validate` toont ze",
    ),
    "diff.not_loaded": (
        "{revision}: framework.yaml does not load, so the framework is not compared",
        "{revision}: framework.yaml laadt niet, dus het raamwerk is niet vergeleken",
    ),
    "diff.moved": ("Moved from {old} to {new}", "Verplaatst van {old} naar {new}"),
    "diff.steps_added": ("Steps added", "Stappen toegevoegd"),
    "diff.steps_removed": ("Steps removed", "Stappen verwijderd"),
    "diff.steps_changed": ("Steps changed", "Stappen gewijzigd"),
    "diff.steps_reordered": ("Steps in a new order", "Stappen in een andere volgorde"),
    "diff.emotion": ("Emotion at {step}", "Emotie bij {step}"),
    "diff.desired_emotion": ("Desired emotion at {step}", "Gewenste emotie bij {step}"),
    "diff.volumes": ("Volumes {period}", "Volumes {period}"),
    "diff.ranking": ("Ranking {period}", "Positie {period}"),
    "diff.not_ranked": ("not ranked", "niet gerangschikt"),
    "diff.measured": ("measured {dates}", "gemeten {dates}"),
    "diff.towards_target": ("towards the target of {target}", "richting het doel van {target}"),
    "diff.away_from_target": ("away from the target of {target}", "weg van het doel van {target}"),
    "diff.also_changed": ("Also changed: {fields}", "Ook gewijzigd: {fields}"),
    "diff.weight_of": ("Weight of {what}", "Gewicht van {what}"),
    "diff.more": ("{count} more", "nog {count}"),
}

LABELS: dict[Lang, dict[str, str]] = {
    "en": {key: english for key, (english, _) in _LABELS.items()},
    "nl": {key: dutch for key, (_, dutch) in _LABELS.items()},
}


def label(key: str, lang: Lang) -> str:
    """The label `key` in `lang`; KeyError for a key that is not in the table."""
    return LABELS[lang][key]
