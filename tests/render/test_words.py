"""The words of the pages and the reports: one name per thing, in the site's language.

A journey map in Dutch shows no English label, and `journeyctl report` (the terminal and
Markdown) and `journeyctl render` (HTML) call the same thing by the same name.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from journeyctl.formats.reports import as_markdown
from journeyctl.reports import build
from journeyctl.text import LABELS, Lang, label
from tests.render.conftest import report_input, site

# Words that are the same in English and Dutch.
SAME_IN_BOTH = {
    "Cluster",
    "experiment",
    "Id",
    "KPI",
    "open",
    "Persona",
    "Score",
    "Status",
    "Team",
    "Teams",
    "Trend",
    "{contacts} \u00d7 {change}",  # a term of an improvement's value: a formula
}


def english_and_dutch() -> list[tuple[str, str, str]]:
    """Every label's key with its English and its Dutch text."""
    return [(key, english, LABELS["nl"][key]) for key, english in LABELS["en"].items()]


def test_no_label_of_the_pages_or_reports_stays_english_in_dutch() -> None:
    untranslated = {
        key: english
        for key, english, dutch in english_and_dutch()
        if key.startswith(("render.", "report.")) and english == dutch
    }
    assert set(untranslated.values()) <= SAME_IN_BOTH, untranslated


# The keys of the pages and reports, besides the shared ones without a dot ("target").
OURS = ("render.", "report.", "journey_status.", "improvement_status.", "unranked")


def test_one_english_name_has_one_dutch_name() -> None:
    """Two keys that say the same in English say the same in Dutch, and the other way
    round: otherwise the terminal and the pages call one thing by two names."""
    by_text: dict[tuple[int, str], set[str]] = defaultdict(set)
    for key, english, dutch in english_and_dutch():
        if "." in key and not key.startswith(OURS):
            continue  # another command's words (diff's field names, export's sheet)
        by_text[(0, english.lower())].add(dutch.lower())
        by_text[(1, dutch.lower())].add(english.lower())
    # "nu" is both the actual emotion and the "now" column: Dutch says both alike.
    by_text.pop((1, "nu"))
    assert {text: words for text, words in by_text.items() if len(words) > 1} == {}


def test_a_dutch_journey_map_names_its_moments_of_truth_in_dutch() -> None:
    page = site(lang="nl")["journeys/i-pay-my-bill.html"]
    assert '<th class="lane" scope="row">Momenten van de waarheid</th>' in page
    assert "★ moment van de waarheid</span>" in page
    assert "Moments of truth" not in page and "moment of truth" not in page


# The things that both the terminal report (here its Markdown) and the HTML page of that
# report name, for the small tree.
SHARED = {
    "owners": [
        "report.overdue_reviews",
        "report.days_overdue",
        "report.open_improvements",
        "report.open_on_journeys",
        "report.never",
        "report.cadence.quarterly",
    ],
    "alerts": [
        "alerts",
        "report.to_do",
        "report.alert.contact_rate_up",
        "report.alert.contacts_up",
        "report.alert.review_overdue",
        "report.signal.never_reviewed",
        "report.alerts.action.kpi_away_from_target",
        "report.alerts.action.review_overdue",
    ],
    "improvements": ["report.effort", "report.state.done", "report.state.open"],
    "kpis": ["report.track.on", "report.since_previous", "report.measured_until"],
}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(SHARED))
def test_the_report_and_its_page_use_the_same_words(name: str, lang: Lang) -> None:
    html = site(lang=lang)[f"{name}.html"].lower()
    report = as_markdown(build(name, report_input()), lang).lower()
    for key in SHARED[name]:
        word = label(key, lang).split("{")[0].strip().lower()
        assert word in html, (key, word)
        assert word in report, (key, word)
