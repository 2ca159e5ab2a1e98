"""What a cell means: numbers as text in the framework's language, unknowns, estimates, refusals."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from journeyctl.inventory.cells import EPOCH_1904, ErrorValue, Uncalculated, Value
from journeyctl.inventory.formula import neutralise, restore
from journeyctl.inventory.values import (
    CellError,
    Estimate,
    NumberFormat,
    count,
    day,
    is_unknown,
    measure,
    period,
    text,
    yes_no,
)
from journeyctl.text import Lang

COUNTS: list[tuple[Value, str, int | Estimate]] = [
    ("402.000", "nl", 402000),
    ("402,000", "en", 402000),
    (1200, "nl", 1200),
    (1200.0, "nl", 1200),
    (" 12 ", "nl", 12),
    ("ca. 4.000", "nl", Estimate(4000)),
    ("± 12.000", "nl", Estimate(12000)),
    ("~4000", "nl", Estimate(4000)),
    ("circa 300", "nl", Estimate(300)),
]
REFUSED: list[tuple[Value, str]] = [
    ("10-15k", "is a range"),
    ("10 tot 15", "is a range"),
    (-5, "is negative"),
    ("-5", "is negative"),
    ("veel", "is not a number"),
    ("4,000", "is ambiguous"),
    (4.5, "is not a whole number"),
    ("#DEEL/0!", "the error value #DEEL/0!"),
    ("#N/B", "the error value #N/B"),
    ("#REF!", "the error value #REF!"),
    (ErrorValue("#DIV/0!"), "the error value #DIV/0!"),
    (ErrorValue("#N/A"), "the error value #N/A"),
    (Uncalculated("SUM(A1:A3)"), "the formula =SUM(A1:A3) has no calculated value"),
    (True, "is not a number"),
    (date(2025, 1, 1), "is not a number"),
]


@pytest.mark.parametrize(("cell", "lang", "expected"), COUNTS)
def test_counts(cell: Value, lang: str, expected: int | Estimate) -> None:
    assert count(cell, lang) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("cell", "says"), REFUSED)
def test_refused_counts(cell: Value, says: str) -> None:
    with pytest.raises(CellError, match=None) as error:
        count(cell, "nl")
    assert says in str(error.value)


@pytest.mark.parametrize("cell", [None, "", " ", "n.b.", "N.B.", "onbekend", "?", "-", "nvt"])
def test_unknown_markers_mean_no_value(cell: Value) -> None:
    assert is_unknown(cell)


@pytest.mark.parametrize("cell", [0, "0", "nb.", "n.b.x", "#N/B"])
def test_other_cells_are_not_unknown(cell: Value) -> None:
    assert not is_unknown(cell)


# Numbers stored as text, each language's way; the other language's way is refused with
# what to write instead.
MEASURES: list[tuple[Value, str, float | str]] = [
    ("1.234,5", "nl", 1234.5),
    (" 1.234,5 ", "nl", 1234.5),
    ("1,234.5", "en", 1234.5),
    ("1.234,5", "en", "is written the Dutch way, and numbers are read the English way; write "
     "it the English way (1,234.5) or as a number cell, or import with --number-format nl"),
    ("12,5", "en", "is written the Dutch way"),
    ("4.6", "nl", "is written the English way, and numbers are read the Dutch way; write it "
     "the Dutch way (1.234,5) or as a number cell, or import with --number-format en"),
    ("veel", "en", "'veel' is not a number; write the number"),
]  # fmt: skip


@pytest.mark.parametrize(("cell", "lang", "expected"), MEASURES)
def test_numbers_as_text_in_the_frameworks_language(
    cell: Value, lang: str, expected: float | str
) -> None:
    if isinstance(expected, float):
        assert measure(cell, lang) == pytest.approx(expected)  # type: ignore[arg-type]
        return
    with pytest.raises(CellError) as error:
        measure(cell, lang)  # type: ignore[arg-type]
    assert expected in str(error.value)


def test_measures_may_be_negative_and_decimal_but_not_estimated() -> None:
    assert measure("-8", "nl") == -8
    assert measure("4,6", "nl") == pytest.approx(4.6)
    with pytest.raises(CellError, match="is an estimate"):
        measure("ca. 7", "nl")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("31-12-2025", date(2025, 12, 31)),
        ("2025-12-31", date(2025, 12, 31)),
        ("1/6/2025", date(2025, 6, 1)),
        (datetime(2025, 6, 1, 0, 0), date(2025, 6, 1)),
        # the serial number a date is kept as, where the cell lost its date format
        (45838, date(2025, 6, 30)),
        (45838.75, date(2025, 6, 30)),
        ("45838", date(2025, 6, 30)),
        (18264, date(1950, 1, 1)),
        (109574, date(2199, 12, 31)),
    ],
)
def test_dates(cell: Value, expected: date) -> None:
    assert day(cell) == expected


# A year, a count or a negative number is not a serial date; neither is yes/no.
@pytest.mark.parametrize(
    "cell", ["31-02-2025", "juni 2025", 2025, 18263, 109575, -45838, "4583", True]
)
def test_not_dates(cell: Value) -> None:
    with pytest.raises(CellError, match="is not a date"):
        day(cell)


# In a 1904 workbook (Excel for Mac's old default) a serial number counts from 1904-01-01:
# 1462 days fewer for the same date. A date cell and text are read as they are.
@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (44376, date(2025, 6, 30)),
        (44376.5, date(2025, 6, 30)),
        ("44376", date(2025, 6, 30)),
        (16802, date(1950, 1, 1)),
        (108112, date(2199, 12, 31)),
        (datetime(2025, 6, 30, 0, 0), date(2025, 6, 30)),
        ("30-06-2025", date(2025, 6, 30)),
    ],
)
def test_dates_in_a_1904_workbook(cell: Value, expected: date) -> None:
    assert day(cell, EPOCH_1904) == expected


@pytest.mark.parametrize("cell", [16801, 108113, 2025])
def test_not_dates_in_a_1904_workbook(cell: Value) -> None:
    with pytest.raises(CellError, match="is not a date"):
        day(cell, EPOCH_1904)


@pytest.mark.parametrize(
    ("cell", "expected"), [(2025, "2025"), ("2025-q3", "2025-Q3"), ("2025-06", "2025-06")]
)
def test_periods(cell: Value, expected: str) -> None:
    assert period(cell) == expected


@pytest.mark.parametrize("cell", ["2025-13", 1899, "vorig jaar", 2025.5])
def test_not_periods(cell: Value) -> None:
    with pytest.raises(CellError):
        period(cell)


@pytest.mark.parametrize(("cell", "expected"), [("ja", True), ("Nee", False), (True, True)])
def test_yes_no(cell: Value, expected: bool) -> None:
    assert yes_no(cell) is expected


@pytest.mark.parametrize(
    "original",
    ['=HYPERLINK("x")', "+31 6", "-", "@SUM(A1)", "\tx", "\rx", "'=x", "''=x", "'s-Hertogenbosch"],
)
def test_neutralised_text_round_trips(original: str) -> None:
    written = neutralise(original)
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore(written) == original


def test_plain_text_is_left_alone_and_a_name_cell_restores_it() -> None:
    assert neutralise("'s-Hertogenbosch") == "'s-Hertogenbosch"
    assert text('\'=HYPERLINK("x")') == '=HYPERLINK("x")'
    assert text(2025) == "2025"


MESSAGES: list[tuple[object, Value, str]] = [
    (
        yes_no,
        ErrorValue("#N/A"),
        "the error value #N/A is not a number; fix the formula or write the number (n.b. where it is not known)",
    ),
    (
        yes_no,
        Uncalculated("A1"),
        "the formula =A1 has no calculated value: the workbook was saved by a program that did not calculate its formulas; open and save it in Excel or LibreOffice first, then import it again",
    ),
    (
        day,
        Uncalculated(""),  # a shared formula's cell, which holds no formula text of its own
        "the formula here has no calculated value: the workbook was saved by a program that did not calculate its formulas; open and save it in Excel or LibreOffice first, then import it again",
    ),
    (yes_no, "misschien", "'misschien' is not yes or no; write ja or nee (yes or no)"),
    (
        lambda v: measure(v, "en"),
        "1.234,5",
        "'1.234,5' is written the Dutch way, and numbers are read the English way; write it the English way (1,234.5) or as a number cell, or import with --number-format nl",
    ),
    (
        lambda v: measure(v, "nl"),
        "1,234.5",
        "'1,234.5' is written the English way, and numbers are read the Dutch way; write it the Dutch way (1.234,5) or as a number cell, or import with --number-format en",
    ),
    (
        lambda v: measure(v, "nl"),
        "abc",
        "'abc' is not a number; write the number (n.b. where it is not known)",
    ),
]


@pytest.mark.parametrize(("read", "cell", "message"), MESSAGES)
def test_refusals_in_full(read: object, cell: Value, message: str) -> None:
    with pytest.raises(CellError) as error:
        read(cell)  # type: ignore[operator]
    assert str(error.value) == message


MORE_MESSAGES: list[tuple[object, Value, str]] = [
    (
        lambda v: measure(v, "nl"),
        "ca. 7",
        "'ca. 7' is an estimate; a measurement is a measured value",
    ),
    (lambda v: measure(v, "nl"), 10**12, "1000000000000 is too large"),
    (lambda v: count(v, "nl"), 10**12, "1000000000000 is too large for a count (10^12 or more)"),
    (lambda v: count(v, "nl"), "4,5", "'4,5' is not a whole number; a count has no decimals"),
    (lambda v: count(v, "nl"), float("inf"), "inf is not a finite number"),
    (
        lambda v: count(v, "nl"),
        "ca. veel",
        "'ca. veel' is not a number; write the number (n.b. where it is not known)",
    ),
    (lambda v: count(v, "nl"), True, "True is not a number; write the number"),
    (
        lambda v: count(v, "nl"),
        "10-15k",
        "'10-15k' is a range, not a number; write one number (an estimate as 'ca. 12.000' with --estimates)",
    ),
    (
        day,
        ErrorValue("#N/A"),
        "the error value #N/A is not a number; fix the formula or write the number (n.b. where it is not known)",
    ),
]


@pytest.mark.parametrize(("read", "cell", "message"), MORE_MESSAGES)
def test_more_refusals_in_full(read: object, cell: Value, message: str) -> None:
    with pytest.raises(CellError) as error:
        read(cell)  # type: ignore[operator]
    assert str(error.value) == message


def test_numbers_at_the_edges_are_read() -> None:
    assert measure(10**12 - 1, "nl") == 10**12 - 1
    assert count(10**12 - 1, "nl") == 10**12 - 1
    assert count(0, "nl") == 0


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        ("402.000", NumberFormat("nl", stated=True), 402_000),
        ("402,000", NumberFormat("en", stated=True), 402_000),
        ("1.234,5", NumberFormat("nl", stated=True), 1234.5),
        ("402,5", NumberFormat("nl", stated=True), 402.5),
    ],
)
def test_a_number_format_said_reads_text_numbers_that_way(
    text: str, written: NumberFormat, expected: float
) -> None:
    assert measure(text, written) == expected


def test_a_number_format_guessed_refuses_what_reads_two_ways_and_says_how_to_say_it() -> None:
    with pytest.raises(CellError) as refused:
        measure("402.000", "en")
    assert str(refused.value) == (
        "'402.000' is ambiguous: a decimal written the English way, thousands written another "
        "way; write 402,000 for the thousands or 402.00 for the decimal, or say how the sheet "
        "writes numbers with --number-format nl"
    )


def test_a_count_that_reads_two_ways_is_offered_the_thousands_only() -> None:
    # A count has no decimals: "write 49,80 for the decimal" would be refused in its turn.
    with pytest.raises(CellError) as refused:
        count("49,800", "nl")
    assert str(refused.value) == (
        "'49,800' is ambiguous for a count: a decimal written the Dutch way, thousands written "
        "another way, and a count has no decimals; write 49.800 for the thousands, or say how "
        "the sheet writes numbers with --number-format en"
    )


@pytest.mark.parametrize(
    ("text", "lang", "message"),
    [
        (
            "421.000",
            "en",
            "'421.000' is ambiguous for a count: three zeros after the decimal sign read the "
            "English way are how thousands are written the Dutch way; write 421,000 for the "
            "thousands or 421 for the whole number",
        ),
        (
            "98,000",
            "nl",
            "'98,000' is ambiguous for a count: three zeros after the decimal sign read the "
            "Dutch way are how thousands are written the English way; write 98.000 for the "
            "thousands or 98 for the whole number",
        ),
        (
            "ca. 4.000",
            "en",
            "'ca. 4.000' is ambiguous for a count: three zeros after the decimal sign read the "
            "English way are how thousands are written the Dutch way; write 4,000 for the "
            "thousands or 4 for the whole number",
        ),
    ],
)
def test_a_count_with_three_zero_decimals_is_ambiguous_even_with_the_way_said(
    text: str, lang: Lang, message: str
) -> None:
    """`--number-format en` read '421.000' as 421 silently, where the default refuses it:
    saying the way is never laxer than the default."""
    with pytest.raises(CellError) as refused:
        count(text, NumberFormat(lang, stated=True))
    assert str(refused.value) == message
    with pytest.raises(CellError):
        count(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1,421.000", "en", 1421),  # grouped: no doubt
        ("421", "en", 421),
        ("421,000", "en", 421_000),
        ("421.000", "nl", 421_000),
        ("0.000", "en", 0),  # no thousands look like that
    ],
)
def test_a_count_the_way_said_reads_where_no_doubt_is_possible(
    text: str, lang: Lang, expected: int
) -> None:
    assert count(text, NumberFormat(lang, stated=True)) == expected


def test_a_measure_with_three_decimals_is_read_the_way_said() -> None:
    assert measure("4.000", NumberFormat("en", stated=True)) == 4
