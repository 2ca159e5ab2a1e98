"""The ranking's view: movement, marks, weights, statuses and notes, per language; the
same cells in the terminal's Markdown and on the ranking page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from journeyctl.formats import ranking as formats
from journeyctl.rank import Comparison, ContactShare, NoMatch, RankedJourney, Ranking
from journeyctl.reports import prepare
from journeyctl.text import Lang
from journeyctl.views import ranking as words
from journeyctl.views.cells import NONE, Cell, decimal
from journeyctl.views.ranking import RankingRow, ranking_view
from tests.formats.ranking_sample import JOURNEYS, sample
from tests.render.conftest import checked, site
from tests.views.conftest import pages, prepared
from tests.views.tables import html_tables, markdown_tables, view_rows


def row_of(journey: RankedJourney, lang: Lang = "en", compare: str | None = None) -> RankingRow:
    ranking: Ranking = replace(sample(lang), journeys=[journey], compare_period=compare)
    return ranking_view(ranking).rows[0]


@pytest.mark.parametrize(
    ("before", "now", "lang", "shown"),
    [
        (4, 1, "en", "▲3"),
        (2, 3, "en", "▼1"),
        (5, 5, "en", "="),
        (None, 2, "en", "new"),
        (None, 2, "nl", "nieuw"),
    ],
)
def test_movement(before: int | None, now: int, lang: Lang, shown: str) -> None:
    journey = replace(JOURNEYS[0], rank=now, compare=Comparison("2024", before, None, None, None))
    assert row_of(journey, lang, "2024").movement.text == shown


def test_a_journey_without_volumes_in_the_compared_period_is_new() -> None:
    """The ranking page left it blank; the terminal and the index said "new"."""
    row = row_of(replace(JOURNEYS[1], compare=None), "nl", "2024")
    assert (row.movement, row.compared_rank, row.compared_contacts) == (
        Cell("nieuw", tone="new"),
        Cell(NONE),
        Cell(NONE),
    )


def test_without_a_compared_period_no_movement() -> None:
    assert row_of(JOURNEYS[0]).movement == Cell("")


@pytest.mark.parametrize(
    ("weight", "lang", "shown"),
    [(2.0, "nl", "2"), (1.5, "nl", "1,5"), (0.25, "en", "0.25"), (0.125, "nl", "0,125")],
)
def test_weights_are_as_short_as_they_are_exact(weight: float, lang: Lang, shown: str) -> None:
    assert words.weight(weight, lang) == shown


def test_numbers_and_statuses_follow_the_language() -> None:
    journey = JOURNEYS[2]  # its customers estimated: they and the rate marked, not contacts
    assert row_of(journey, "nl").customers.shown == "310.000~"
    assert row_of(journey, "en").customers.shown == "310,000~"
    assert row_of(journey, "en").contacts == Cell("182,500")
    assert row_of(journey, "en").contact_rate == Cell("0.59", mark="~")
    assert row_of(JOURNEYS[0], "nl").contacts.shown == "415.000"
    assert decimal(0.25, "nl", 2) == "0,25" and decimal(None, "nl", 2) == "-"
    assert row_of(journey, "nl").status.text == "in kaart gebracht"
    assert row_of(replace(journey, status="unheard-of"), "nl").status.text == "unheard-of"


def test_display_names_fall_back_to_the_ids() -> None:
    bare = replace(JOURNEYS[0], phase_name="", cluster_name="", owner_name=None)
    row = row_of(bare)
    assert (row.phase.text, row.cluster.text, row.owner.text) == (
        "klant-zijn",
        "facturatie",
        "marieke",
    )
    assert row_of(replace(bare, owner=None)).owner.text == "-"


def test_notes_say_what_applies_and_nothing_else() -> None:
    assert words.notes(sample("en")) == [
        "* missing criteria count 0: Ik verhuis (Strategisch belang)",
        "~ estimated, not counted",
        "What-if weights: Contacts 2 (framework 1)",
        "The contact reasons of these journeys hold 62% of all contacts in 2025"
        " (649,750 of 1,048,000)",
    ]
    plain = replace(
        sample("nl"),
        journeys=[JOURNEYS[0]],
        weights={"customers": 1.0, "contacts": 1.0, "strategisch": 1.0},
        contact_share=None,
    )
    assert words.notes(plain) == []


def test_the_share_is_rounded_as_a_reader_expects() -> None:
    ranking = replace(sample("nl"), contact_share=ContactShare(covered=1, total=8))
    assert "13% van alle contacten in 2025 (1 van 8)" in words.notes(ranking)[-1]


def test_titles() -> None:
    assert words.title(sample("nl")) == "Klantreizen op score, periode 2025"
    assert words.title(replace(sample("en"), by="contact-rate")) == (
        "Journeys by contacts per customer, period 2025"
    )
    assert words.title(replace(sample("en"), period=None)).endswith("no journey has volumes yet")


def test_explain_names_the_terms_and_their_weights() -> None:
    output = formats.table(sample("nl"), False, True, 160)
    assert "Klanten (1)" in output and "Contacten (2)" in output
    assert "Strategisch belang (1)" in output and "strategisch" not in output
    assert "21,99" in output  # Ik verhuis's contact points, as the engine rounded them


def test_csv_keeps_ids_and_plain_numbers_and_adds_the_compared_period() -> None:
    rows = [line.split(",") for line in formats.as_csv(sample("nl", compare=True)).splitlines()]
    header, first, new = rows[0], dict(zip(rows[0], rows[1], strict=True)), rows[2]
    assert header[-2:] == ["period", "compare_period"]
    assert first["owner"] == "marieke" and first["customers"] == "1250000"
    assert first["status"] == "improving" and (
        first["customers_estimated"],
        first["contacts_estimated"],
    ) == ("false", "false")
    assert (first["compare_rank"], first["movement"]) == ("2", "1")
    assert dict(zip(header, new, strict=True))["compare_rank"] == ""
    assert "compare_rank" not in formats.as_csv(sample("nl"))


def test_a_title_without_a_period_still_says_what_ranks() -> None:
    assert words.title(replace(sample("en"), period=None, by="contacts")) == (
        "Journeys by contacts: no period, no journey has volumes yet"
    )


def test_a_criterion_the_framework_does_not_name_is_shown_by_its_id() -> None:
    assert words.term("wet", sample("en")) == "wet"


def test_notes_list_every_missing_criterion_and_changed_weight_comma_separated() -> None:
    first, second = JOURNEYS[0], JOURNEYS[1]
    ranking = replace(
        sample("en"),
        journeys=[
            replace(first, missing_criteria=["strategisch", "wet"]),
            replace(second, missing_criteria=["wet"]),
        ],
        weights={"customers": 3.0, "contacts": 2.0, "strategisch": 1.0},
        contact_share=None,
    )
    assert words.notes(ranking) == [
        "* missing criteria count 0: Ik ontvang mijn jaarafrekening (Strategisch belang, wet), "
        "Ik word klant en sluit een contract af (wet)",
        "What-if weights: Customers 3 (framework 1), Contacts 2 (framework 1)",
    ]


def ranking_view_of(root: Path) -> Ranking:
    tree = checked(root)
    return prepare(tree.framework, tree.journeys, tree.improvements).ranking


def ranked(count: int) -> Ranking:
    """The small tree's ranking with `count` journeys of 100 contacts each, scored 100, 95, ..."""
    ranking = prepared().ranking
    first = ranking.journeys[0]
    journeys = [
        replace(first, rank=i, id=f"j{i}", name=f"J{i}", contacts=100, score=100.0 - 5 * (i - 1))
        for i in range(1, count + 1)
    ]
    return replace(ranking, journeys=journeys)


def test_the_top_ten_of_twelve_and_the_share_down_to_each() -> None:
    shown = ranking_view(ranked(12))
    assert (shown.top, [row.top for row in shown.rows].count(True)) == (10, 10)
    assert shown.top_share == (
        "The top 10 journeys hold 83% of the contacts of all ranked journeys in 2025 "
        "(1,000 of 1,200)."
    )
    assert shown.notes == (
        "The contact reasons of these journeys hold 70% of all contacts in 2025 (1,400 of 2,000)",
    )
    assert [(row.cumulative_share.text, row.bar) for row in shown.rows] == [
        ("8%", 5),
        ("17%", 5),  # 95: a bar is the score out of 100, in five blocks
        ("25%", 4),
        ("33%", 4),
        ("42%", 4),
        ("50%", 4),  # 75
        ("58%", 4),
        ("67%", 3),
        ("75%", 3),
        ("83%", 3),
        ("92%", 2),  # 50
        ("100%", 2),
    ]


def test_a_ranking_without_journeys_or_contacts_has_no_shares() -> None:
    shown = ranking_view(replace(ranked(0), contact_share=None))
    assert (shown.top, shown.top_share, shown.notes, shown.rows) == (0, "", (), ())
    assert shown.empty == "No journey to rank in 2025."
    # Without a period (no journey has volumes yet) the sentence names none, not "in -".
    unperiodic = ranking_view(replace(ranked(0), period=None, contact_share=None))
    assert unperiodic.empty == "No journey to rank."
    silent = ranked(2)
    silent = replace(
        silent,
        journeys=[replace(j, contacts=0) for j in silent.journeys],
        contact_share=ContactShare(covered=0, total=0),
    )
    shown = ranking_view(silent)
    # No share of nothing: neither the top journeys' nor the contact reasons'.
    assert (shown.top, shown.top_share, shown.notes) == (2, "", ())
    assert [row.cumulative_share.text for row in shown.rows] == [NONE, NONE]


def test_the_small_tree_in_rank_order_with_movement() -> None:
    shown = ranking_view(prepared().ranking)
    assert [
        (r.rank.text, r.name, r.movement, r.contacts.text, r.compared_contacts.text)
        for r in shown.rows
    ] == [
        ("1", Cell("I pay my bill", link="journeys/i-pay-my-bill"), Cell("=", tone="same"), "1,000", "900"),
        ("2", Cell("I sign up", link="journeys/i-sign-up"), Cell("=", tone="same"), "400", "300"),
        ("3", Cell("I get a reminder", link="journeys/i-get-a-reminder"), Cell("=", tone="same"), "300", "100"),
    ]  # fmt: skip
    assert [(u.name.text, u.reason) for u in shown.unranked] == [("I move house", "no volumes yet")]
    assert shown.unranked_title == "Not ranked (1)"


def _without_bars(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [tuple(cell.rstrip("█· ") for cell in row) for row in rows]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_terminal_markdown_and_the_pages_show_the_same_cells(lang: Lang) -> None:
    """The page shows what `rank --format markdown` shows, and the cumulative share."""
    ranking = replace(prepared().ranking, language=lang)
    report = _without_bars(markdown_tables(formats.as_markdown(ranking))[0])
    html = html_tables(pages(lang)["ranking.html"])[0]
    page = _without_bars(markdown_tables(pages(lang)["ranking.md"])[0])
    assert [row[:-1] for row in html] == [row[:-1] for row in page] == report
    assert html == page
    assert [row[-1] for row in html][1:] == ["59%", "82%", "100%"]


# The journey page's volumes (2025 against 2024) with each estimate as the test sets it.
JOURNEY_VOLUMES = {
    "[customers]": "| Customers | 5,000\\~ | 5,000 | 0%\\~ |\n| Contacts | 1,000 | 900 | +11% |\n"
    "| Contacts per customer | 0.20\\~ | 0.18 | +11%\\~ |",
    "[contacts]": "| Customers | 5,000 | 5,000 | 0% |\n| Contacts | 1,000\\~ | 900 | +11%\\~ |\n"
    "| Contacts per customer | 0.20\\~ | 0.18 | +11%\\~ |",
    "true": "| Customers | 5,000\\~ | 5,000 | 0%\\~ |\n| Contacts | 1,000\\~ | 900 | +11%\\~ |\n"
    "| Contacts per customer | 0.20\\~ | 0.18 | +11%\\~ |",
}


@pytest.mark.parametrize(
    ("estimated", "customers", "contacts", "on_index", "on_ranking"),
    [
        # One value estimated: it and the rate computed from it are marked, not the other.
        ("[customers]", "5,000\\~", "1,000", 1, 2),
        # Contacts: the cumulative share of contacts too, on its row and the two below it.
        ("[contacts]", "5,000", "1,000\\~", 1, 2 + 3),
        # As files wrote it before each value was marked: both.
        ("true", "5,000\\~", "1,000\\~", 2, 3 + 3),
    ],
)
@pytest.mark.slow
def test_an_estimate_is_marked_on_the_values_it_estimates_on_every_page(
    render_tree: Path,
    estimated: str,
    customers: str,
    contacts: str,
    on_index: int,
    on_ranking: int,
) -> None:
    journey = render_tree / "being" / "billing" / "i-pay-my-bill.yaml"
    text = journey.read_text(encoding="utf-8")
    journey.write_text(
        text.replace(
            '{period: "2025", customers: 5000, contacts: 1000}',
            f'{{period: "2025", customers: 5000, contacts: 1000, estimated: {estimated}}}',
        ),
        encoding="utf-8",
    )
    shown = site(render_tree, formats=("html", "md"))
    assert shown["index.md"].count(f"{customers} | {contacts} |") == 1
    assert shown["ranking.md"].count(f"{customers} | {contacts} | 0.20\\~ |") == 1
    assert shown["index.html"].count('<span class="est">~</span>') == on_index
    assert shown["ranking.html"].count('<span class="est">~</span>') == on_ranking
    # The journey's own page marks the same figures, and the changes computed from them.
    page = shown["journeys/i-pay-my-bill.md"]
    assert JOURNEY_VOLUMES[estimated] in page
    table = markdown_tables(formats.as_markdown(ranking_view_of(render_tree)))[0]
    assert table[1][7:10] == (
        customers.replace("\\", ""),
        contacts.replace("\\", ""),
        "0.20~",
    )


@pytest.mark.parametrize(
    ("missed", "lang", "shown"),
    [
        (
            NoMatch((("status", "monitoring"),), "monitoring", (("listed", 1200), ("mapped", 3))),
            "nl",
            "Geen klantreis heeft de status 'wordt gevolgd'; de statussen die er zijn: "
            "geïnventariseerd (1.200), in kaart gebracht (3).",
        ),
        (
            NoMatch((("status", "monitoring"),), "monitoring", (("listed", 1200), ("mapped", 3))),
            "en",
            "No journey has the status 'monitoring'; the statuses there are: listed (1,200), "
            "mapped (3).",
        ),
        (
            NoMatch(
                (("owner", "Eva de Boer"), ("status", "mapped")), "mapped", (("improving", 1),)
            ),
            "nl",
            "Geen klantreis met eigenaar 'Eva de Boer' heeft de status 'in kaart gebracht'; "
            "hun statussen: wordt verbeterd (1).",
        ),
        (
            NoMatch(
                (("owner", "Eva de Boer"), ("status", "mapped")), "mapped", (("improving", 1),)
            ),
            "en",
            "No journey with owner 'Eva de Boer' has the status 'mapped'; their statuses: "
            "improving (1).",
        ),
        # No journey passes the other filters: those are what matches nothing.
        (
            NoMatch((("phase", "Klant worden"), ("status", "mapped")), "mapped"),
            "nl",
            "Geen klantreis past bij fase 'Klant worden', status 'in kaart gebracht'.",
        ),
        (
            NoMatch((("team", "Facturatie"), ("persona", "Gezin"))),
            "en",
            "No journey matches team 'Facturatie', persona 'Gezin'.",
        ),
    ],
)
def test_filters_that_match_nothing_are_one_line(missed: NoMatch, lang: Lang, shown: str) -> None:
    ranking = replace(sample(lang), journeys=[], unranked=[], no_match=missed)
    view = ranking_view(ranking)
    assert (view.no_match, view.notes) == (shown, ())
    # Where the title and the table would stand, that line alone; so in Markdown.
    assert formats.table(ranking) == shown + "\n"
    assert formats.as_markdown(ranking) == shown + "\n"


def test_filters_that_match_leave_no_line_of_no_match() -> None:
    assert ranking_view(sample("nl")).no_match == ""


@pytest.mark.slow
def test_the_ranking_page_shows_how_each_score_is_made(render_tree: Path) -> None:
    """The weights in the formula, and every journey's points per term, as rank --explain."""
    shown = site(render_tree, formats=("html", "md"))
    explained = ranking_view(ranking_view_of(render_tree), explain=True).explanation
    assert explained is not None
    tables = markdown_tables(shown["ranking.md"])
    assert tables[1] == view_rows(explained)
    assert "Score: for each term, its weight times the journey" in shown["ranking.html"]
    assert "(Customers 1, Contacts 1" in shown["ranking.md"]
