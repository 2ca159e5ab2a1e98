"""The ranking's table fits the terminal: no line wider than it, names wrapped between
words, and the room of a wide terminal used for more columns and fewer lines."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from rich.cells import cell_len

from journeyctl.formats import ranking as formats
from journeyctl.formats._table import Column, Styled, fit_widths, fits
from journeyctl.rank import Ranking
from journeyctl.text import LANGUAGES, Lang
from tests.formats.conftest import HOSTILE_TEXTS
from tests.formats.ranking_sample import sample

WIDTHS = [80, 100, 120, 160]

LONG_NAMES = [
    "Ik ontvang een herinnering en daarna een aanmaning voor een factuur die ik al betaald heb",
    "Aansluitingsovereenkomstwijzigingsaanvraagbevestigingsbrief" * 3,  # one word, too long
    "Ik " + "heel " * 40 + "lang",
    "日本語の名前はとても長いのでテーブルの幅を超えることがあります",  # wide characters
    *HOSTILE_TEXTS,
]


def widest_line(output: str) -> int:
    return max(cell_len(line) for line in output.splitlines())


def named(ranking: Ranking, name: str) -> Ranking:
    """Every name in the ranking (journey, phase, cluster, owner, criterion) set to `name`."""
    journeys = [
        replace(j, name=name, phase_name=name, cluster_name=name, owner_name=name)
        for j in ranking.journeys
    ]
    return replace(ranking, journeys=journeys, criteria_names={"strategisch": name})


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("compare", [False, True])
@pytest.mark.parametrize("explain", [False, True])
def test_no_line_is_wider_than_the_terminal(
    width: int, lang: Lang, compare: bool, explain: bool
) -> None:
    output = formats.table(sample(lang, compare=compare), False, explain, width)
    assert widest_line(output) <= width


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", LONG_NAMES, ids=range(len(LONG_NAMES)))
def test_long_names_still_fit(width: int, name: str) -> None:
    ranking = named(sample("nl", compare=True), name)
    assert widest_line(formats.table(ranking, False, True, width)) <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_names_wrap_between_words(width: int) -> None:
    output = formats.table(sample("nl", compare=True), False, False, width)
    for word in [
        "Ik",
        "ontvang",
        "mijn",
        "jaarafrekening",
        "Jan-Willem",
        "geïnventariseerd",
        "Wijzigingen",
    ]:
        assert re.search(rf"(^|\s){re.escape(word)}(\s|$)", output, re.MULTILINE), word


def test_a_word_longer_than_any_column_is_folded_not_lost() -> None:
    word = "Aansluitingsovereenkomstwijzigingsaanvraagbevestigingsbrief" * 2
    output = formats.table(named(sample("en"), word), False, False, 80)
    assert "".join(re.findall(r"[A-Za-z]+", output)).count(word) >= 4  # every journey's name


def test_a_wide_terminal_shows_more_and_wraps_less() -> None:
    narrow = formats.table(sample("en", compare=True), False, False, 100)
    wide = formats.table(sample("en", compare=True), False, False, 160)
    # 2024's contacts of the first journey: in a column of their own when wide, beneath
    # 2025's when narrow.
    assert "398,000" in wide and "398,000" in narrow
    assert "/2024" in narrow and "/2024" not in wide
    assert len(wide.splitlines()) < len(narrow.splitlines())
    assert widest_line(wide) > 120  # the room is used


# The first journey: 1,250,000 customers, 415,000 contacts and 0.33 contacts per customer
# in 2025; 1,200,000, 398,000 and 0.33 in 2024.
FIRST = {
    "en": (("1,250,000", "1,200,000"), ("415,000", "398,000"), ("0.33", "0.33")),
    "nl": (("1.250.000", "1.200.000"), ("415.000", "398.000"), ("0,33", "0,33")),
}


@pytest.mark.parametrize("width", [60, 80, 100, 120])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compared_figures_stand_beneath_this_periods_where_narrow(
    width: int, lang: Lang
) -> None:
    # Each on the line below, its digits lined up on the right with this period's.
    lines = formats.table(sample(lang, compare=True), False, False, width).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("1 "))
    now, then = lines[first], lines[first + 1]
    column = 0
    for figure, before in FIRST[lang]:
        column = now.index(figure, column) + len(figure)
        assert then[column - len(before) : column] == before, (figure, before)


@pytest.mark.parametrize("width", [90, 100, 120, 160])
def test_the_movement_and_the_compared_rank_outlast_the_bar(width: int) -> None:
    output = formats.table(sample("en", compare=True), False, False, width)
    header = "\n".join(output.splitlines()[1:4])
    assert "vs" in header and "Rank" in header and "▲1" in output
    # The bar only where every figure of 2024 is shown too.
    if "█" in output:
        assert "398,000" in output


def test_the_compared_contacts_come_before_the_bar() -> None:
    output = formats.table(sample("en", compare=True), False, False, 120)
    assert "398,000" in output and "█" not in output


@pytest.mark.parametrize("by", ["score", "customers"])
def test_the_compared_customers_are_shown_whatever_the_ranking_is_ordered_by(by: str) -> None:
    ranking = replace(sample("en", compare=True), by=by)
    # 1,200,000 customers in 2024 for the first journey, and its rank then.
    for width in (80, 100, 160):
        output = formats.table(ranking, False, False, width)
        assert "1,200,000" in output, width
    assert "Rank" in formats.table(ranking, False, False, 100)


@pytest.mark.parametrize("width", [100, 120])
def test_sentences_wrap_into_at_most_three_lines_on_a_projector(width: int) -> None:
    # The cluster's name is not broken one word a line: two of its words stay together;
    # no row is longer than a phase, a cluster of 3 lines and an owner of 1 (or a name of
    # 3 and its status).
    output = formats.table(sample("nl", compare=True), False, False, width)
    assert re.search("Facturatie en|en betalen", output)
    assert re.search("Aanmelden en|en contract", output)
    table = output.split("─\n", 1)[1].split("\n*")[0]
    rows = re.split(r"\n(?=\s*\d+\s)", table)
    assert len(rows) == 4 and max(len(row.splitlines()) for row in rows) <= 5


def test_without_compare_a_wide_terminal_gives_each_fact_its_column() -> None:
    output = formats.table(sample("en"), False, False, 160)
    header = next(line for line in output.splitlines() if line.startswith("#")).split()
    assert header[:6] == ["#", "Journey", "Phase", "Cluster", "Owner", "Status"]
    assert "Marieke de Vries" in output and "Facturatie en betalen" in output


def test_a_narrow_terminal_stacks_status_under_the_name() -> None:
    output = formats.table(sample("en"), False, False, 100)
    lines = output.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("1 "))
    assert lines[first + 2].split()[0] == "improving"  # name on two lines, then the status


def column(header: str, *cells: str, **kinds: bool) -> Column:
    return Column(header, cells=[Styled(c) for c in cells], **kinds)


def test_widths_give_every_column_its_longest_word_first() -> None:
    columns = [
        column("Journey", "Ik ontvang mijn jaarafrekening", flexible=True),
        column("Owner", "Marieke de Vries"),
        column("Contacts", "415,000", numeric=True),
    ]
    # 30 + 16 + 8 and two gaps of 2 is 58: at 58 nothing wraps.
    assert fit_widths(columns, 58) == [30, 16, 8]
    # At 40, 36 for the columns: the longest words (14, 7, 8) and 7 to share: the owner
    # needs least (9 more), so each text column gets half of what is left.
    assert fit_widths(columns, 40) == [18, 10, 8]
    # Narrower than the longest words: text is cut, the number never.
    widths = fit_widths(columns, 20)
    assert widths[2] == 8 and sum(widths) + 2 <= 20


def test_a_layout_fits_comfortably_with_text_on_one_line_but_names_wrapped() -> None:
    columns = [
        column("Journey", "Ik ontvang mijn jaarafrekening", flexible=True),
        column("Owner", "Marieke de Vries"),
    ]
    assert fits(columns, 14 + 2 + 16)
    assert not fits(columns, 14 + 2 + 15)
