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
    "kpis": ("KPIs", "KPI's"),
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
    "ranking.none": (
        "No journey to rank in {period}.",
        "Geen klantreis te rangschikken in {period}.",
    ),
    # Why a journey is not ranked; the English text is also what JSON and CSV say.
    "unranked.retired": ("retired", "vervallen"),
    "unranked.no_volumes_yet": ("no volumes yet", "nog geen volumes"),
    "unranked.no_volumes_for": (
        "no volumes for {period} (has {others})",
        "geen volumes voor {period} (wel voor {others})",
    ),
    "unranked.zero_customers": (
        "0 customers in {period}: contact rate undefined",
        "0 klanten in {period}: contacten per klant onbepaald",
    ),
    "unranked.invalid": ("has validation errors", "heeft validatiefouten"),
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
    # The pages of `journeyctl render`. A label with {fields} is filled in by the view.
    "render.pages": ("Pages", "Pagina's"),
    "render.footer": (
        "Made with journeyctl from the journey framework in git.",
        "Gemaakt met journeyctl uit het klantreizenraamwerk in git.",
    ),
    "render.nav.index": ("Framework", "Raamwerk"),
    "render.nav.ranking": ("Ranking", "Prioritering"),
    "render.nav.kpis": ("KPIs", "KPI's"),
    "render.nav.coverage": ("Coverage", "Dekking"),
    "render.nav.owners": ("Owners", "Eigenaren"),
    "render.nav.alerts": ("Alerts", "Signalen"),
    "render.index_summary": (
        "{journeys} journeys, {mapped} mapped; volumes and ranks of {period}, movement"
        " against {compare}",
        "{journeys} klantreizen, {mapped} in kaart gebracht; volumes en posities van"
        " {period}, verschuiving ten opzichte van {compare}",
    ),
    "render.index_summary_no_compare": (
        "{journeys} journeys, {mapped} mapped; volumes and ranks of {period}",
        "{journeys} klantreizen, {mapped} in kaart gebracht; volumes en posities van {period}",
    ),
    "render.steps_mapped": ("{count} steps", "{count} stappen"),
    "render.not_ranked": ("not ranked", "niet gerangschikt"),
    "render.top_ten": ("the top 10 of the ranking", "de top 10 van de prioritering"),
    "render.no_journeys": ("no journeys yet", "nog geen klantreizen"),
    "render.sequences": ("Journeys that follow each other", "Klantreizen die op elkaar volgen"),
    "render.no_sequences": (
        "No journey says which journey it follows (follows).",
        "Geen klantreis zegt op welke klantreis ze volgt (follows).",
    ),
    "render.follows": ("Follows", "Volgt op"),
    "render.followed_by": ("Followed by", "Gevolgd door"),
    "render.teams": ("Teams", "Teams"),
    "render.personas": ("Personas", "Persona's"),
    "render.goal": ("Goal", "Doel van de klantreis"),
    "render.desired_emotions": ("Desired emotions", "Gewenste emoties"),
    "render.of": ("of", "van"),
    "render.change": ("Change", "Verandering"),
    "render.no_volumes": ("No volumes for this period.", "Geen volumes voor deze periode."),
    "render.map": ("Journey map", "Klantreiskaart"),
    "render.not_mapped": (
        "This journey is not mapped yet: it has no steps.",
        "Deze klantreis is nog niet in kaart gebracht: ze heeft geen stappen.",
    ),
    "render.stage": ("Stage", "Etappe"),
    "render.step": ("Step", "Stap"),
    "render.lane.actions": ("What the customer does", "Wat de klant doet"),
    "render.lane.touchpoints": ("Touchpoints", "Contactpunten"),
    "render.lane.emotion": ("Emotion", "Emotie"),
    "render.lane.pain_points": ("Pain points", "Pijnpunten"),
    "render.lane.moments": ("Moments of truth", "Momenten van de waarheid"),
    "render.lane.backstage": ("Backstage", "Achter de schermen"),
    "render.lane.contact_reasons": ("Contact reasons", "Contactredenen"),
    "render.moment_of_truth": ("moment of truth", "moment van de waarheid"),
    "render.emotion.actual": ("actual", "nu"),
    "render.emotion.desired": ("desired", "gewenst"),
    "render.emotion.gap": ("gap", "kloof"),
    "render.emotion.scores": ("Emotion now → desired (1-5)", "Emotie nu → gewenst (1-5)"),
    "render.journey_improvements": (
        "Improvements of the whole journey",
        "Verbeteringen voor de hele klantreis",
    ),
    "render.no_kpis": ("No KPIs measured yet.", "Nog geen KPI's gemeten."),
    "render.target_reached": ("target reached", "doel gehaald"),
    "render.change.improved": ("improved since the baseline", "verbeterd sinds de nulmeting"),
    "render.change.declined": ("declined since the baseline", "verslechterd sinds de nulmeting"),
    "render.change.unchanged": ("unchanged since the baseline", "gelijk aan de nulmeting"),
    "render.movement_against": ("Movement against", "Verschuiving ten opzichte van"),
    "render.top_share": (
        "The top {top} journeys hold {share} of the contacts of all ranked journeys in"
        " {period} ({top_contacts} of {total}).",
        "De top {top} klantreizen zijn goed voor {share} van de contacten van alle"
        " gerangschikte klantreizen in {period} ({top_contacts} van {total}).",
    ),
    "render.cumulative_share": ("Cumulative share of contacts", "Cumulatief aandeel contacten"),
    "render.nothing_ranked": (
        "No journey has volumes for this period, so none is ranked.",
        "Geen klantreis heeft volumes voor deze periode, dus geen enkele heeft een positie.",
    ),
    "render.kpis.lead": (
        "Every KPI of every journey: the baseline, the latest measurement, the target and"
        " whether it improved (journeys in ranking order).",
        "Elke KPI van elke klantreis: de nulmeting, de laatste meting, het doel en of het"
        " verbeterd is (klantreizen in volgorde van prioriteit).",
    ),
    "render.kpis.measured": ("KPIs tracked", "KPI's gevolgd"),
    "render.kpis.not_measured": ("not measured yet", "nog niet gemeten"),
    "render.improvements.lead": (
        "Every improvement, its status and the volume of the journeys it touches in",
        "Elke verbetering, de status en het volume van de klantreizen die ze raakt in",
    ),
    "render.improvements.shared": (
        "shared by several journeys",
        "gedeeld door meerdere klantreizen",
    ),
    "render.improvements.by_journey": ("By journey", "Per klantreis"),
    "render.no_improvements": ("No improvements yet.", "Nog geen verbeteringen."),
    "render.shared": ("shared", "gedeeld"),
    "render.started": ("Started", "Gestart"),
    "render.done": ("Done", "Afgerond"),
    "render.coverage.lead": (
        "The Life Cycle Model: which contact reasons the journeys cover, and which they do not.",
        "Het Life Cycle Model: welke contactredenen de klantreizen dekken, en welke niet.",
    ),
    "render.coverage.share": ("of the contact reasons covered", "van de contactredenen gedekt"),
    "render.coverage.contact_share": (
        "of the contacts in {period} covered",
        "van de contacten in {period} gedekt",
    ),
    "render.coverage.covered": ("covered", "gedekt"),
    "render.coverage.uncovered": ("Not covered by any journey", "Door geen klantreis gedekt"),
    "render.coverage.all_covered": (
        "Every contact reason is covered by a journey.",
        "Elke contactreden is gedekt door een klantreis.",
    ),
    "render.coverage.all": ("Every contact reason", "Alle contactredenen"),
    "render.coverage.none": ("none", "geen"),
    "render.owners.lead": (
        "Who owns what; reviews overdue on",
        "Wie is eigenaar van wat; reviews te laat op",
    ),
    "render.alerts.lead": ("What needs attention now", "Wat nu aandacht nodig heeft"),
    "render.against": ("against", "ten opzichte van"),
    "render.alerts.none": ("Nothing here.", "Niets te melden."),
    "render.measure": ("What moved", "Wat bewoog"),
    "render.previous_measurement": ("Previous", "Vorige meting"),
    "render.alerts.contact_rate_up.why": (
        "Contacts per customer rose by more than {threshold} from {compare} to {period}.",
        "Het aantal contacten per klant steeg met meer dan {threshold} van {compare} naar"
        " {period}.",
    ),
    "render.alerts.contacts_up.why": (
        "Contacts rose by more than {threshold} from {compare} to {period}.",
        "Het aantal contacten steeg met meer dan {threshold} van {compare} naar {period}.",
    ),
    "render.alerts.top_unworked.why": (
        "In the top {top} of {period}, still listed, and no improvement touches them.",
        "In de top {top} van {period}, nog alleen geïnventariseerd, en geen verbetering raakt ze.",
    ),
    "render.alerts.kpi_away_from_target.why": (
        "The last measurement up to {day} is further from the target than the one before it.",
        "De laatste meting tot en met {day} ligt verder van het doel dan de meting ervoor.",
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
        "Measurements after the end of {period} are left out",
        "Metingen na het einde van {period} tellen niet mee",
    ),
    "report.measured_until": ("measurements up to {day}", "metingen tot en met {day}"),
    "report.rank_in_period": (
        "#: the rank in the ranking of {period}",
        "#: de positie in de prioritering van {period}",
    ),
    "report.kpis.title": ("KPIs since the baseline", "KPI's sinds de nulmeting"),
    "report.kpis.summary": (
        "{kpis} KPIs: {improved} improved since the baseline, {declined} declined, "
        "{unchanged} unchanged, {not_measured} not measured yet; {target_reached} target reached",
        "{kpis} KPI's: {improved} verbeterd sinds de nulmeting, {declined} verslechterd, "
        "{unchanged} gelijk, {not_measured} nog niet gemeten; {target_reached} doel gehaald",
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
    "report.effort": ("Effort (1-5)", "Inspanning (1-5)"),
    "report.state.open": ("open", "open"),
    "report.state.done": ("done", "afgerond"),
    "report.state.rejected": ("rejected", "afgewezen"),
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
    "report.owners.overdue": ("Reviews overdue on {day}", "Reviews te laat op {day}"),
    "report.overdue_reviews": ("Reviews overdue", "Reviews te laat"),
    "report.open_improvements": ("Open improvements they own", "Open verbeteringen in eigendom"),
    "report.open_on_journeys": (
        "Open improvements on their journeys",
        "Open verbeteringen op hun klantreizen",
    ),
    "report.no_owner": ("Without an owner", "Zonder eigenaar"),
    "report.cadence": ("Cadence", "Ritme"),
    "report.last_reviewed": ("Last review", "Laatste review"),
    "report.days_overdue": ("Days overdue", "Dagen te laat"),
    "report.never": ("never", "nooit"),
    "report.cadence.weekly": ("weekly", "wekelijks"),
    "report.cadence.biweekly": ("every two weeks", "tweewekelijks"),
    "report.cadence.monthly": ("monthly", "maandelijks"),
    "report.cadence.quarterly": ("quarterly", "per kwartaal"),
    "report.cadence.half-yearly": ("half-yearly", "halfjaarlijks"),
    "report.cadence.yearly": ("yearly", "jaarlijks"),
    "report.alerts.title": ("Alerts", "Signalen"),
    "report.alerts.rules": (
        "Contacts per customer or contacts up more than {threshold}; top {top} journeys that "
        "are only listed and have no improvement; KPIs moving away from their target",
        "Contacten per klant of contacten meer dan {threshold} gestegen; top {top} klantreizen die "
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
    "report.alert.contact_rate_up": ("Contacts per customer up", "Contacten per klant gestegen"),
    "report.alert.contacts_up": ("Contacts up", "Contacten gestegen"),
    "report.alert.top_unworked": ("Top journey nobody works on", "Topklantreis zonder aanpak"),
    "report.alert.kpi_away_from_target": (
        "KPI moving away from its target",
        "KPI beweegt van het doel af",
    ),
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
    # The same after a status change, on one line: "status idea -> implemented; also ...".
    "diff.and_changed": ("also changed: {fields}", "ook gewijzigd: {fields}"),
    "diff.weight_of": ("Weight of {what}", "Gewicht van {what}"),
    "diff.more": ("{count} more", "nog {count}"),
    "diff.moved_from": ("Moved from {old} to {new}", "Verplaatst van {old} naar {new}"),
    # A journey whose phase or cluster changed, counted apart in the summary line.
    "diff.moved": ("moved", "verplaatst"),
    # A journey whose file did not load in one revision: neither added nor removed.
    "diff.invalid": ("invalid", "ongeldig"),
    "diff.invalid_in": (
        "Invalid in {revision}: {where}: {message}",
        "Ongeldig in {revision}: {where}: {message}",
    ),
    "diff.alike": ("{percent}% alike", "{percent}% gelijk"),
    "diff.step_renamed": ("Step {position} renamed", "Stap {position} hernoemd"),
    # The base of `diff --merge-base main`: "`1a2b3c4`, where the branch left `main`".
    "diff.merge_base": (
        "{commit}, where the branch left {ref}",
        "{commit}, waar de branch van {ref} afsplitste",
    ),
    # The section that leads a pull request's diff: what the steering meeting will see change.
    "diff.what_matters": ("What matters", "Wat ertoe doet"),
    "diff.top_moved": ("{old} -> {new} (top {top})", "{old} -> {new} (top {top})"),
    "diff.others_moved.one": (
        "1 other journey in the top moved as a result",
        "1 andere klantreis in de top schoof daardoor op",
    ),
    "diff.others_moved.other": (
        "{count} other journeys in the top moved as a result",
        "{count} andere klantreizen in de top schoven daardoor op",
    ),
    "diff.became_invalid": ("invalid in {revision}", "ongeldig in {revision}"),
    # Field names as `diff` lists them ("Also changed: goal, team"); every field of the
    # journey, improvement and framework files has one (a test checks).
    "diff.field.id": ("id", "id"),
    "diff.field.name": ("name", "naam"),
    "diff.field.title": ("title", "titel"),
    "diff.field.description": ("description", "beschrijving"),
    "diff.field.language": ("language", "taal"),
    "diff.field.phase": ("phase", "fase"),
    "diff.field.phases": ("phases", "fases"),
    "diff.field.cluster": ("cluster", "cluster"),
    "diff.field.clusters": ("clusters", "clusters"),
    "diff.field.owner": ("owner", "eigenaar"),
    "diff.field.owners": ("owners", "eigenaren"),
    "diff.field.team": ("team", "team"),
    "diff.field.teams": ("teams", "teams"),
    "diff.field.channels": ("channels", "kanalen"),
    "diff.field.personas": ("personas", "persona's"),
    "diff.field.status": ("status", "status"),
    "diff.field.goal": ("goal", "doel"),
    "diff.field.desired_emotions": ("desired emotions", "gewenste emoties"),
    "diff.field.contact_reasons": ("contact reasons", "contactredenen"),
    "diff.field.follows": ("follows", "volgt op"),
    "diff.field.volumes": ("volumes", "volumes"),
    "diff.field.criteria": ("criteria", "criteria"),
    "diff.field.steps": ("steps", "stappen"),
    "diff.field.kpis": ("KPIs", "KPI's"),
    "diff.field.insights": ("insights", "inzichten"),
    "diff.field.review": ("review", "review"),
    "diff.field.links": ("links", "links"),
    "diff.field.journeys": ("journeys", "klantreizen"),
    "diff.field.effort": ("effort", "inspanning"),
    "diff.field.started": ("started", "gestart op"),
    "diff.field.done": ("done", "afgerond op"),
    "diff.field.expected": ("expected effect", "verwacht effect"),
    "diff.field.result": ("result", "resultaat"),
    "diff.field.email": ("email", "e-mailadres"),
    "diff.field.unit": ("unit", "eenheid"),
    "diff.field.higher_is_better": ("higher is better", "hoger is beter"),
    "diff.field.min": ("minimum", "minimum"),
    "diff.field.max": ("maximum", "maximum"),
    "diff.field.kind": ("kind", "soort"),
    "diff.field.weight": ("weight", "gewicht"),
    "diff.field.ranking": ("ranking weights", "weging"),
    "diff.field.alerts": ("alerts", "signalen"),
    "diff.field.cadence": ("review cadence", "reviewfrequentie"),
}

LABELS: dict[Lang, dict[str, str]] = {
    "en": {key: english for key, (english, _) in _LABELS.items()},
    "nl": {key: dutch for key, (_, dutch) in _LABELS.items()},
}


def label(key: str, lang: Lang) -> str:
    """The label `key` in `lang`; KeyError for a key that is not in the table."""
    return LABELS[lang][key]
