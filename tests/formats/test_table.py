"""Column widths at their edges: the gap, the longest word, and cutting when nothing fits."""

from __future__ import annotations

import random

import pytest

from journeyctl.formats._console import render
from journeyctl.formats._table import (
    Column,
    Styled,
    build,
    fit_widths,
    gap,
    height,
    render_table,
    styled,
    write_text,
)
from tests.formats.conftest import modules_after


def test_two_spaces_apart_exactly_when_the_longest_words_leave_room_for_them() -> None:
    # Longest words 3 + 2; two spaces between them need 7.
    columns = [Column("abc"), Column("de")]
    assert (gap(columns, 7), gap(columns, 6)) == (2, 1)


def test_when_even_the_longest_words_do_not_fit_the_text_is_cut_never_the_number() -> None:
    # Longest words 10 (text) and 6 (a number), one space apart: 17 wide at least.
    columns = [Column("abcdefghij"), Column("123456", numeric=True)]
    assert fit_widths(columns, 12) == [5, 6]  # room 11: the text cut to 5
    assert fit_widths(columns, 6) == [1, 6]  # room 5: the text cut to one, no narrower


def test_a_blank_column_is_one_wide() -> None:
    assert Column("", cells=[Styled(" ")]).min_width() == 1


def test_a_cell_that_must_not_wrap_is_as_wide_as_its_longest_line() -> None:
    column = Column("a\nbbb", wrap=False)
    assert (column.min_width(), column.max_width()) == (3, 3)


def test_a_number_keeps_its_trailing_blank_so_the_digits_line_up() -> None:
    # The blank stands where another row has its mark (`~`): 5 sits under the 1 of 1~.
    columns = [Column("n", numeric=True, cells=[Styled("5 "), Styled("1~")])]
    assert render(build(Styled("t"), columns, 10), False).splitlines()[-2:] == ["5", "1~"]


def _mixed_columns() -> list[Column]:
    """A bit of everything the renderer treats apart: a bold number, a coloured mark, a
    name that wraps, a stacked cell with a dim fact, a cell that must not wrap (a bar),
    a word longer than any width it gets, wide characters, a trailing blank."""
    bar = styled(("95,0 ", ""), ("███", "green"), ("··", "dim"))
    stacked = styled(("Klant zijn", ""), ("\nIk ontvang en betaal de factuur", "dim"))
    return [
        Column("#", numeric=True, cells=[Styled("1", "bold"), Styled("12", "bold")]),
        Column("t.o.v. 2024", numeric=True, cells=[Styled("▲3", "green"), Styled("nieuw")]),
        Column(
            "Klantreis",
            flexible=True,
            cells=[
                Styled("Ik ontvang mijn jaarafrekening"),
                Styled("Terugleververgoedingsregeling"),
            ],
        ),
        Column("Fase / cluster", cells=[stacked, Styled("日本語の名前")]),
        Column("Klanten", numeric=True, cells=[Styled("415.000 "), Styled("16.900~")]),
        Column("Score", wrap=False, cells=[bar, Styled("")]),
    ]


@pytest.mark.parametrize("color", [False, True], ids=["plain", "colour"])
@pytest.mark.parametrize("width", [20, 40, 60, 80, 120])
def test_the_rows_are_written_as_rich_writes_them(color: bool, width: int) -> None:
    # The light renderer is only worth having if nobody can tell it from Rich's table:
    # the same characters and escape codes, at widths that fit, wrap, and cut.
    columns = _mixed_columns()
    expected = render(build(Styled("Titel"), columns, width), color, width, soft_wrap=False)
    assert render_table(Styled("Titel"), columns, width, color) == expected


def test_a_sentence_may_take_its_lines_when_the_layout_is_comfortable() -> None:
    # "Ik ontvang en betaal de factuur" (31): in 3 lines from 10 wide
    # ("Ik ontvang" / "en betaal" / "de factuur"); at 9 in 4.
    column = Column("Cluster", cells=[Styled("Ik ontvang en betaal de factuur")], lines=3)
    assert column.comfortable_width() == 10
    assert Column("Cluster", cells=column.cells).comfortable_width() == 31  # one line


def test_each_fact_of_a_stacked_cell_has_its_own_number_of_lines() -> None:
    # The phase on one line (12), the cluster's name in up to three (10).
    cell = Styled("Klant worden\nIk ontvang en betaal de factuur")
    assert Column("Fase / cluster", cells=[cell], lines=(1, 3)).comfortable_width() == 12
    assert Column("Fase / cluster", cells=[cell], lines=(3,)).comfortable_width() == 10


def test_a_column_that_says_its_lines_gets_that_width_before_the_others_share() -> None:
    name = Column("Journey", cells=[Styled("Ik ontvang mijn jaarafrekening nu")], lines=3)
    owner = Column("Owner", cells=[Styled("Marieke de Vries")], lines=2)
    # Longest words 14 and 7; comfortable 15 ("Ik ontvang mijn" / "jaarafrekening" / "nu")
    # and 8 ("Marieke" / "de Vries"); what is left goes to the sentence first.
    assert fit_widths([name, owner], 25) == [15, 8]
    assert fit_widths([name, owner], 27) == [17, 8]


def test_height_counts_the_rows_lines_and_then_every_cell_line() -> None:
    columns = [
        Column("a", cells=[Styled("een twee drie"), Styled("x")]),
        Column("b", cells=[Styled("p\nq"), Styled("y")]),
    ]
    # At 9 + 2 + 1: "een twee" / "drie" (2 lines) beside p / q (2): rows 2 and 1.
    assert height(columns, 12) == (3, 6)


def _random_text(rng: random.Random) -> str:
    pieces = ["Ik", "ontvang", "mijn", "jaarafrekening", "日本語", "a", "Aansluitingsovereenkomst"]
    blanks = [" ", " ", " ", "  ", "\u00a0", "\n"]
    words = [rng.choice(pieces) for _ in range(rng.randint(0, 8))]
    text = "".join(word + rng.choice(blanks) for word in words)
    return rng.choice(["", " "]) + text.rstrip("\n")


@pytest.mark.slow
@pytest.mark.parametrize("color", [False, True], ids=["plain", "colour"])
def test_wrapping_is_rich_s_own_on_many_texts(color: bool) -> None:
    # The renderer wraps the common cases itself; whatever the blanks, wide characters
    # and word lengths, the result must be Rich's to the character.
    rng = random.Random(7)
    for _ in range(60):
        cells = [Styled(_random_text(rng)) for _ in range(4)]
        columns = [
            Column("Naam", cells=cells, lines=3),
            Column("n", numeric=True, cells=[Styled(str(rng.randint(0, 10**6))) for _ in cells]),
            Column("Fase", cells=list(reversed(cells))),
        ]
        width = rng.randint(20, 70)
        expected = render(build(Styled("T"), columns, width), color, width, soft_wrap=False)
        assert render_table(Styled("T"), columns, width, color) == expected


@pytest.mark.parametrize(
    "text",
    ["", "Ik betaal", "a b  c", "~", "名前", "e\u0301", "🙂", "\u200b", "tab\tx", "\x7f", "ä"],
)
def test_widths_are_counted_as_rich_counts_them(text: str) -> None:
    from rich.cells import cell_len as rich_cell_len

    from journeyctl.formats._table import cell_len

    assert cell_len(text) == rich_cell_len(text)


@pytest.mark.slow
@pytest.mark.parametrize("color", [False, True], ids=["plain", "colour"])
def test_titles_and_headers_are_written_as_rich_writes_them(color: bool) -> None:
    # Without colours the title, the header and the rule under it are written without
    # Rich: a title wider than the table, headers that wrap (a number's aligned right, at
    # the bottom of the header row), a header word longer than its column.
    rng = random.Random(11)
    for _ in range(60):
        headers = [_random_text(rng).replace("\n", " ") for _ in range(3)]
        columns = [
            Column(headers[0], cells=[Styled("Ik ontvang mijn jaarafrekening")], lines=2),
            Column(headers[1], numeric=True, cells=[Styled("415.000")]),
            Column(headers[2], numeric=True, wrap=rng.random() < 0.5, cells=[Styled("12")]),
        ]
        title = Styled(_random_text(rng).replace("\n", " "), rng.choice(["", "bold"]))
        width = rng.randint(20, 70)
        expected = render(build(title, columns, width), color, width, soft_wrap=False)
        assert render_table(title, columns, width, color) == expected


@pytest.mark.parametrize("group", [False, True], ids=["alone", "in a group"])
@pytest.mark.parametrize("color", [False, True], ids=["plain", "colour"])
def test_lines_of_text_are_written_as_rich_writes_them(color: bool, group: bool) -> None:
    from rich.console import Group

    rng = random.Random(5)
    for _ in range(60):
        text = styled(*((_random_text(rng) + rng.choice(["", "\n"]), "yellow") for _ in range(3)))
        width = rng.randint(10, 60)
        rich_text = text.text()
        expected = render(Group(rich_text) if group else rich_text, color, width, soft_wrap=False)
        assert write_text(text, color, width, group=group) == expected


def test_a_table_without_colours_is_written_without_rich() -> None:
    # Rich's console and table cost a terminal command a tenth of a second to import.
    script = (
        "from journeyctl.formats._table import Column, Styled, render_table, write_text\n"
        "columns = [Column('Journey', cells=[Styled('Ik ontvang de factuur', 'dim')]),\n"
        "           Column('n', numeric=True, cells=[Styled('1.000')])]\n"
        "render_table(Styled('Title', 'bold'), columns, 20, False)\n"
        "write_text(Styled('a note'), False, 20, group=True)\n"
    )
    assert modules_after(script, "m.startswith('rich')") == []
