"""The steering deck as PowerPoint: every slide says what its view says, in native tables and
charts; a template's layouts by name; LibreOffice opens what is written."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from journeyctl.diff import Commit
from journeyctl.errors import UsageError
from journeyctl.formats._safe import one_line
from journeyctl.formats.deck import LAYOUTS, Template, deck_bytes
from journeyctl.framework import check
from journeyctl.reports import prepare
from journeyctl.views.cells import Cell, Table
from journeyctl.views.deck import DeckView, deck_view
from tests.conftest import REPO_ROOT, as_shown
from tests.formats.deck_reader import Slide, cell_text, pdf_pages, pdf_text, read, to_pdf

EXAMPLE = REPO_ROOT / "journeys"
TODAY = date(2026, 12, 1)
COMMIT = Commit("abc1234", date(2026, 11, 30), changed=False)


@cache
def example_view(lang: str = "nl", top: int | None = None) -> DeckView:
    tree = check(EXAMPLE, today=TODAY)
    assert tree.usable
    report_input = prepare(tree.framework, tree.journeys, tree.improvements, today=TODAY)
    return deck_view(report_input, top=top, commit=COMMIT, lang=lang)  # type: ignore[arg-type]


@cache
def example_deck(lang: str = "nl") -> tuple[DeckView, bytes, tuple[Slide, ...]]:
    view = example_view(lang)
    made = deck_bytes(view)
    return view, made.data, tuple(read(made.data))


def slides_titled(slides: tuple[Slide, ...], title: str) -> list[Slide]:
    """The slides of one table or of the KPI charts: the title, or the title with (n/m)."""
    return [s for s in slides if s.title == title or s.title.startswith(f"{title} (")]


def rows_of(slides: list[Slide]) -> list[list[str]]:
    """A table's rows over its slides, the header row once."""
    rows: list[list[str]] = []
    for slide in slides:
        (table,) = slide.tables
        rows += table if not rows else table[1:]
    return rows


def view_rows(table: Table) -> list[list[str]]:
    return [list(table.headers)] + [[cell_text(cell) for cell in row] for row in table.rows]


@pytest.mark.slow
def test_the_title_slide_names_the_framework_the_period_and_the_commit() -> None:
    view, _, slides = example_deck()
    first = slides[0]
    assert first.layout == "Title Slide"
    assert first.title == "Wadden Energie"
    assert first.texts == ["Periode 2025 ten opzichte van 2024\nCommit abc1234 van 30 nov 2026"]
    assert view.subtitle == tuple(first.texts[0].split("\n"))


def test_the_ranking_slide_is_the_ranking_views_top_rows() -> None:
    view, _, slides = example_deck()
    (slide,) = slides_titled(slides, view.ranking.title)
    (table,) = slide.tables
    columns = view.ranking_columns
    assert columns == (
        "rank", "movement", "name", "owner", "customers", "contacts", "contact_rate", "score",
        "cumulative_share",
    )  # fmt: skip
    assert table[0] == [view.ranking.headers[c] for c in columns]
    assert table[1:] == [[cell_text(getattr(r, c)) for c in columns] for r in view.ranking_rows]
    assert len(table) == 1 + 10
    assert table[1][:3] == ["1", "=", "Ik ontvang mijn jaarafrekening"]
    # The share the ten hold is the last row's cumulative share, said under the table.
    share = view.ranking_rows[-1].cumulative_share.text
    assert view.top_share == (
        f"Deze 10 klantreizen zijn goed voor {share} van de contacten van alle gerangschikte "
        "klantreizen in 2025 (327.300 van 666.500)."
    )
    assert slide.texts == ["\n".join((view.top_share, *view.ranking_notes))]
    # The share of all contacts is the ten's, as `rank --top 10` says it, not the ranking's.
    assert view.ranking_notes[-1] == (
        "De contactredenen van deze klantreizen zijn samen goed voor 38% van alle contacten in "
        "2025 (311.400 van 816.200)"
    )


def test_the_alerts_slides_are_the_alerts_table_row_by_row() -> None:
    view, _, slides = example_deck()
    shown = slides_titled(slides, view.alerts.table.title)
    assert len(shown) >= 1
    assert rows_of(shown) == view_rows(view.alerts.table)
    if len(shown) > 1:
        assert [s.title for s in shown][-1].endswith(f"({len(shown)}/{len(shown)})")


def test_a_line_chart_per_kpi_of_the_top_journeys_with_its_target() -> None:
    view, _, slides = example_deck()
    shown = slides_titled(slides, view.kpis_title)
    charts = [chart for slide in shown for chart in slide.charts]
    assert [chart.title for chart in charts] == [kpi.title for kpi in view.kpis]
    assert len(charts) > 4  # more than one slide of four
    assert all(len(slide.charts) <= 4 for slide in shown)
    for chart, kpi in zip(charts, view.kpis, strict=True):
        assert chart.categories == [point.day for point in kpi.line.points]
        series = {"Gemeten": [point.value for point in kpi.line.points]}
        if kpi.line.target_value is not None:
            series["Doel"] = [kpi.line.target_value] * len(kpi.line.points)
        assert chart.series == series
    first = view.kpis[0]
    assert first.title.startswith("Ik ontvang mijn jaarafrekening: Net Promoter Score (")


def test_the_improvements_by_value_per_effort_then_their_matrix() -> None:
    view, _, slides = example_deck()
    first = view.improvements.first
    shown = slides_titled(slides, first.title)
    assert rows_of(shown) == view_rows(first)
    assert shown[-1].texts == ["\n".join(view.improvements.notes)]
    matrix = view.improvements.matrix
    assert matrix is not None and len(matrix.points) == len(first.rows)
    (slide,) = slides_titled(slides, matrix.title)
    (chart,) = slide.charts
    quick = [p for p in matrix.points if p.quick_win]
    others = [p for p in matrix.points if not p.quick_win]
    assert quick and others
    longest = max(len(quick), len(others), 2)

    def padded(values: list[float]) -> list[float]:
        return values + [values[-1]] * (longest - len(values))

    assert list(chart.series) == [
        view.median_value, view.quick_effort, view.quick_wins, view.other_improvements,
    ]  # fmt: skip
    assert (view.median_value, view.other_improvements) == (
        "Mediaan van de waarde", "Andere open verbeteringen",
    )  # fmt: skip
    for name, points in ((view.quick_wins, quick), (view.other_improvements, others)):
        assert chart.xs[name] == padded([float(p.effort) for p in points])
        assert chart.series[name] == padded([float(p.value) for p in points])
        assert chart.labels[name] == [str(p.number) for p in points]
    assert chart.series[view.median_value] == padded([matrix.median] * 2)
    bar = matrix.quick_effort + 0.5
    assert chart.xs[view.quick_effort] == padded([bar, bar])
    # Beside the chart, each number's improvement, and what the matrix shows.
    key = [f"{p.number}  {p.title}" for p in matrix.points]
    assert slide.texts == ["\n".join([*key, "", matrix.said])]


def test_a_slide_per_top_journey_with_its_curve_pain_points_and_open_improvements() -> None:
    view, _, slides = example_deck()
    journeys = slides[-len(view.journeys) :]
    assert [s.title for s in journeys] == [j.title for j in view.journeys]
    assert journeys[0].title == "#1 Ik ontvang mijn jaarafrekening"
    for slide, journey in zip(journeys, view.journeys, strict=True):
        page = journey.page
        assert slide.texts[0] == journey.facts
        if page.steps:
            (chart,) = slide.charts
            assert chart.title == page.emotion_title
            assert chart.categories == [step.name for step in page.steps]
            assert chart.series == {
                page.actual: [step.emotion for step in page.steps],
                page.desired: [step.desired for step in page.steps],
            }
        else:
            assert slide.charts == []
            assert page.not_mapped in slide.texts
        pains = [f"• {p.step}: {p.text}" for p in page.pain_points] or [f"• {page.no_pain_points}"]
        assert "\n".join([page.pain_points_title, *pains]) in slide.texts
        open_ones = [f"• {i.title} ({i.status})" for i in page.improvements] or [
            f"• {page.no_improvements}"
        ]
        assert "\n".join([page.improvements_title, *open_ones]) in slide.texts
    mapped = view.journeys[0].page
    assert mapped.steps and mapped.pain_points and mapped.improvements


def test_the_slides_in_order_and_nothing_else() -> None:
    view, _, slides = example_deck()
    kinds = [view.title, view.ranking.title, view.alerts.table.title, view.kpis_title]
    assert view.improvements.matrix is not None
    kinds += [view.improvements.first.title, view.improvements.matrix.title]
    kinds += [j.title for j in view.journeys]
    seen = []
    for slide in slides:
        kind = next(k for k in kinds if slide.title == k or slide.title.startswith(f"{k} ("))
        if not seen or seen[-1] != kind:
            seen.append(kind)
    assert seen == kinds
    assert {slide.layout for slide in slides[1:]} == {"Title Only"}


@pytest.mark.slow
def test_english_labels_and_numbers_with_lang_en() -> None:
    view, _, slides = example_deck("en")
    assert slides[0].texts == ["Period 2025 against 2024\nCommit abc1234 of 30 Nov 2026"]
    (ranking,) = slides_titled(slides, "Journeys by score, period 2025")
    assert ranking.tables[0][0][:4] == ["#", "vs 2024", "Journey", "Owner"]
    assert ranking.tables[0][1][4] == "415,000"
    assert slides[-len(view.journeys)].title == "#1 Ik ontvang mijn jaarafrekening"


def test_the_default_deck_is_wide_and_holds_every_shape_on_the_slide() -> None:
    _, data, _ = example_deck()
    deck = Presentation(io.BytesIO(data))
    assert (deck.slide_width, deck.slide_height) == (Emu(12192000), Emu(6858000))
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, shape.name
            assert shape.left + shape.width <= deck.slide_width, shape.name
            assert shape.top + shape.height <= deck.slide_height, (
                slide.shapes.title.text,
                shape.name,
            )


@pytest.mark.slow
def test_a_long_table_goes_on_over_slides_each_with_its_header() -> None:
    view = example_view()
    rows = view.alerts.table.rows
    many = replace(view.alerts.table, rows=rows * 8)
    alerts = replace(view.alerts, table=many)
    slides = read(deck_bytes(replace(view, alerts=alerts)).data)
    shown = slides_titled(slides, many.title)
    assert len(shown) > 2
    assert [s.title for s in shown] == [
        f"{many.title} ({n}/{len(shown)})" for n in range(1, len(shown) + 1)
    ]
    assert all(s.tables[0][0] == list(many.headers) for s in shown)
    assert rows_of(shown) == view_rows(many)


@pytest.mark.slow
def test_an_empty_table_says_so_in_its_place() -> None:
    view = example_view()
    alerts = replace(view.alerts, table=replace(view.alerts.table, rows=(), anchors=()))
    slides = read(deck_bytes(replace(view, alerts=alerts)).data)
    (slide,) = slides_titled(slides, view.alerts.table.title)
    assert (slide.tables, slide.texts) == ([], [view.alerts.table.empty])


def test_no_kpi_charts_says_so() -> None:
    view = example_view()
    slides = read(deck_bytes(replace(view, kpis=())).data)
    (slide,) = slides_titled(slides, view.kpis_title)
    assert (slide.charts, slide.texts) == ([], [view.kpis_empty])


@pytest.mark.slow
def test_text_a_file_holds_cannot_break_the_deck_or_forge_a_line(hostile: str) -> None:
    view = example_view()
    row = view.ranking_rows[0]
    rows = (replace(row, name=Cell(hostile)), *view.ranking_rows[1:])
    first = view.journeys[0]
    page = replace(first.page, steps=tuple(replace(s, name=hostile) for s in first.page.steps))
    journeys = (replace(first, title=hostile, page=page), *view.journeys[1:])
    slides = read(
        deck_bytes(replace(view, title=hostile, ranking_rows=rows, journeys=journeys)).data
    )
    for text in (slides[0].title, slides[1].tables[0][1][2], slides[-10].title):
        assert "\n" not in text and "\x1b" not in text and "\u202e" not in text
    assert slides[0].title == one_line(hostile)


# --- the template ---------------------------------------------------------------------------


def _template(tmp_path: Path, rename: dict[str, str] | None = None, slides: int = 0) -> Path:
    """A template deck: python-pptx's own, 4:3, with layouts renamed and slides of its own."""
    deck = Presentation()
    for layout in deck.slide_layouts:
        layout.name = (rename or {}).get(layout.name, layout.name)
    for _ in range(slides):
        deck.slides.add_slide(deck.slide_layouts[6]).shapes.add_textbox(0, 0, 100, 100)
    path = tmp_path / "huisstijl.pptx"
    deck.save(str(path))
    return path


@pytest.mark.slow
def test_a_template_gives_its_slide_size_and_layouts_and_none_of_its_slides(
    tmp_path: Path,
) -> None:
    template = Template(_template(tmp_path, slides=3))
    made = deck_bytes(example_view(top=2), template)
    deck = Presentation(io.BytesIO(made.data))
    assert (deck.slide_width, deck.slide_height) == (Emu(9144000), Emu(6858000))  # 4:3
    slides = read(made.data)
    assert slides[0].title == "Wadden Energie"
    assert len(slides) == len(made.titles)
    assert list(made.titles) == [s.title for s in slides]
    assert [s.title for s in slides[-2:]] == [
        "#1 Ik ontvang mijn jaarafrekening", "#2 Ik ontvang mijn terugleververgoeding",
    ]  # fmt: skip


def test_a_template_without_a_layout_the_deck_uses_is_refused_with_what_it_has(
    tmp_path: Path,
) -> None:
    path = _template(tmp_path, rename={"Title Only": "Alleen titel"})
    with pytest.raises(UsageError) as raised:
        Template(path)
    assert raised.value.parameter == "template"
    message = as_shown(raised.value)
    assert message.startswith(
        f"--template '{path}' has no slide layout named 'Title Only'; the deck uses"
    )
    assert "'Title Slide' and 'Title Only' by name" in message
    assert "'Alleen titel'" in message and "rename one in the slide master" in message
    assert LAYOUTS == ("Title Slide", "Title Only")


@pytest.mark.parametrize(
    "content", [b"not a deck", b"PK\x03\x04 truncated", b""], ids=["text", "zip", "empty"]
)
def test_a_template_that_is_not_a_pptx_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "huisstijl.pptx"
    path.write_bytes(content)
    with pytest.raises(UsageError, match=r"is not a PowerPoint deck \(\.pptx\)") as raised:
        Template(path)
    assert raised.value.parameter == "template"


def test_a_workbook_as_template_is_refused(tmp_path: Path) -> None:
    workbook = REPO_ROOT / "examples" / "inventaris-wadden-energie.xlsx"
    path = tmp_path / "huisstijl.pptx"
    shutil.copyfile(workbook, path)
    with pytest.raises(UsageError, match="is not a PowerPoint deck"):
        Template(path)


# --- LibreOffice ----------------------------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_opens_the_example_deck_and_its_pdf_says_the_names_and_numbers(
    tmp_path: Path,
) -> None:
    view, data, slides = example_deck()
    deck = tmp_path / "stuurgroep.pptx"
    deck.write_bytes(data)
    pdf = to_pdf(deck)
    assert pdf_pages(pdf) == len(slides)
    text = " ".join(pdf_text(pdf).split())
    first = view.ranking_rows[0]
    expected = [
        "Wadden Energie",
        "Commit abc1234 van 30 nov 2026",
        view.ranking.title,
        first.name.text,
        first.owner.text,
        first.customers.text,  # 415.000
        first.contacts.text,
        first.score.text,  # 100,0
        view.ranking_rows[-1].cumulative_share.text,
        view.alerts.journeys[0].name,
        view.alerts.journeys[0].signals[0].action,
        view.kpis[0].title,
        view.improvements.first.rows[0][1].text,
        view.improvements.matrix.points[0].title if view.improvements.matrix else "",
        view.journeys[0].page.pain_points[0].text,
        view.journeys[0].page.improvements[0].title,
    ]
    missing = [fact for fact in expected if " ".join(fact.split()) not in text]
    assert missing == []


def test_the_files_properties_name_the_framework_and_the_commits_day() -> None:
    _, data, _ = example_deck()
    properties = Presentation(io.BytesIO(data)).core_properties
    assert (properties.title, properties.author, properties.last_modified_by) == (
        "Wadden Energie", "journeyctl", "journeyctl",
    )  # fmt: skip
    assert properties.subject == "Periode 2025 ten opzichte van 2024"
    assert properties.comments == (
        "Periode 2025 ten opzichte van 2024 · Commit abc1234 van 30 nov 2026"
    )
    assert properties.modified.date() == properties.created.date() == COMMIT.date
