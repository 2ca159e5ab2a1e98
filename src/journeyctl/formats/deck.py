"""The steering deck as a PowerPoint file (python-pptx): native tables and charts, so that a
consultant can present it as it is, or restyle and edit every part of it.

    deck_bytes(view, Template(path) or None) -> DeckFile   # the .pptx; the command writes it

Slides, in order: the title (the framework, the period, the commit and its date); the
ranking's top journeys with their movement and the cumulative share of contacts; what
changed since a revision (only when the view has it); the alerts; the KPIs of the top
journeys against their target (a line chart each, the target a dashed line); the open
improvements; one slide per top journey (its emotion curve over its steps, its pain points
and its open improvements). A table too long for one slide goes on over the next ones.

A template deck (`template`, a .pptx) gives the fonts, the colours (its theme: the tables'
style and the charts' series follow it) and the slide size; the deck uses two of its layouts
by name, `LAYOUTS`, and refuses a template that lacks one with a usage error that lists what
it has. The template's own slides are left out. Without a template the deck is python-pptx's
default, made 16:9.

Like every writer, this one lays the view out and decides nothing of what a slide says; each
piece of user text passes `one_line` (`formats/_safe.py`), which also keeps out what XML
cannot hold (control characters).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_THEME_COLOR
from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.exc import PythonPptxError
from pptx.util import Emu, Pt

from journeyctl.errors import UsageError
from journeyctl.formats._safe import one_line
from journeyctl.views.cells import Cell, Table
from journeyctl.views.deck import DeckView, JourneySlide, KpiChart
from journeyctl.views.improvements import Matrix

TITLE_LAYOUT = "Title Slide"  # the first slide: a title and a subtitle
CONTENT_LAYOUT = "Title Only"  # every other slide: a title, the rest is the deck's
LAYOUTS = (TITLE_LAYOUT, CONTENT_LAYOUT)

WIDE = Emu(12192000)  # 13.33 inches: the default deck's width, 16:9 at 7.5 inches high
EMU_PER_PT = 12700
TABLE_PT = 12  # the tables' text
NOTE_PT = 11  # the lines under a table
CHART_TITLE_PT = 12
GAP = Emu(137160)  # 0.15 inch between the title and the content, and between parts
MARGIN = Emu(320040)  # 0.35 inch kept free at the bottom of a slide (the footer's place)
CELL_MARGIN_PT = 7.2  # a table cell's margins above and below (0.05 inch each)
LINE = 1.2  # a line's height, as a multiple of the font size
CHAR = 0.52  # a character's average width, as a multiple of the font size
WIDE_CHAR = 0.66  # a wide one's (digits, bold headers): what a column's least width is
CELL_SIDE_PT = 7.2  # a table cell's margin left and right (0.1 inch)
CHARTS_PER_SLIDE = 4  # the KPI charts, two by two
ACCENT = (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2)  # the template's first colours


@dataclass(frozen=True)
class Area:
    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class DeckFile:
    data: bytes  # the .pptx
    titles: tuple[str, ...]  # each slide's title, in order


class Template:
    """A template deck, opened and checked: it is a .pptx and has the layouts `LAYOUTS`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.presentation = _open(path)


def deck_bytes(view: DeckView, template: Template | None = None) -> DeckFile:
    """The deck of `view`, on `template` (default: python-pptx's own, made 16:9)."""
    deck = _Deck(_default() if template is None else template.presentation)
    deck.title_slide(view)
    deck.table_slides(_ranking_table(view), _notes(view.top_share, *view.ranking_notes), view)
    if view.since is not None:
        deck.table_slides(view.since.table, (), view)
    deck.table_slides(view.alerts.table, (), view)
    deck.kpi_slides(view)
    deck.table_slides(view.improvements.first, view.improvements.notes, view)
    if view.improvements.matrix is not None:
        deck.matrix_slide(view.improvements.matrix, view)
    for journey in view.journeys:
        deck.journey_slide(journey)
    _properties(deck.presentation, view)
    output = io.BytesIO()
    deck.presentation.save(output)
    titles = tuple(
        slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        for slide in deck.presentation.slides
    )
    return DeckFile(output.getvalue(), titles)


def _properties(presentation: Any, view: DeckView) -> None:
    """The file's properties: its title and subject, made by journeyctl on the commit's day."""
    properties = presentation.core_properties
    properties.title = one_line(view.title)
    properties.subject = one_line(view.subtitle[0]) if view.subtitle else ""
    properties.comments = one_line(" · ".join(view.subtitle))  # dc:description
    properties.author = properties.last_modified_by = "journeyctl"
    properties.revision = 1
    if view.made is not None:
        day = datetime.combine(view.made, time(), tzinfo=None)
        properties.created = properties.modified = day


# --- the template ---------------------------------------------------------------------------


def _open(template: Path) -> Any:
    """The template's presentation without its slides; a usage error for a file that is not
    a .pptx, or that lacks a layout the deck uses."""
    try:
        presentation = Presentation(str(template))
    except (PythonPptxError, KeyError, ValueError, SyntaxError, zipfile.BadZipFile, OSError):
        raise UsageError(
            f"'{one_line(str(template))}' is not a PowerPoint deck (.pptx); give a .pptx file "
            "whose layouts the deck may use (a .potx template: open it and save it as .pptx)",
            parameter="template",
        ) from None
    names = [layout.name for layout in presentation.slide_layouts]
    missing = [name for name in LAYOUTS if name not in names]
    if missing:
        has = ", ".join(f"'{one_line(name)}'" for name in names) or "none"
        raise UsageError(
            f"'{one_line(str(template))}' has no slide layout named "
            f"{' or '.join(repr(name) for name in missing)}; the deck uses the layouts "
            f"{' and '.join(repr(name) for name in LAYOUTS)} by name, and this one has {has}: "
            "rename one in the slide master",
            parameter="template",
        )
    _drop_slides(presentation)
    return presentation


def _drop_slides(presentation: Any) -> None:
    """The template's own slides are not part of the deck."""
    slides = presentation.slides._sldIdLst
    for slide in list(slides):
        presentation.part.drop_rel(slide.rId)
        slides.remove(slide)


def _default() -> Any:
    """python-pptx's default deck made 16:9: its master and layouts stretched to the width,
    and the title of a content slide made lower and smaller, to leave room for a table."""
    presentation = Presentation()
    factor = WIDE / presentation.slide_width
    presentation.slide_width = WIDE
    master = presentation.slide_master
    for shapes in (master.shapes, *(layout.shapes for layout in master.slide_layouts)):
        for shape in shapes:
            if shape.element.xfrm is None:  # placed by the master: stretched there
                continue
            left, top, width, height = shape.left, shape.top, shape.width, shape.height
            shape.left, shape.width = round(left * factor), round(width * factor)
            shape.top, shape.height = top, height
    master_title = next(shape for shape in master.placeholders if shape.placeholder_format.idx == 0)
    left, width = master_title.left, master_title.width
    layout_title = next(
        shape
        for shape in _layout(presentation, CONTENT_LAYOUT).placeholders
        if shape.placeholder_format.idx == 0
    )
    for shape in (master_title, layout_title):
        shape.left, shape.top, shape.width, shape.height = left, Emu(228600), width, Emu(868680)
    style = master.element.find(".//{*}titleStyle/{*}lvl1pPr/{*}defRPr")
    if style is not None:
        style.set("sz", "2800")
    return presentation


def _layout(presentation: Any, name: str) -> Any:
    return next(layout for layout in presentation.slide_layouts if layout.name == name)


# --- the slides -----------------------------------------------------------------------------


class _Deck:
    def __init__(self, presentation: Any) -> None:
        self.presentation = presentation

    def _slide(self, layout: str, title: str) -> Any:
        slide = self.presentation.slides.add_slide(_layout(self.presentation, layout))
        if slide.shapes.title is not None:
            slide.shapes.title.text = one_line(title)
            # A long title shrinks to its box rather than run over the content.
            slide.shapes.title.text_frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
        return slide

    def _content(self, slide: Any) -> Area:
        """Where a slide's content goes: below its title, as wide as it."""
        width, height = self.presentation.slide_width, self.presentation.slide_height
        title = slide.shapes.title
        if title is None or title.width is None or title.width < width // 2:
            left, top = MARGIN, MARGIN
            return Area(left, top, width - 2 * left, height - top - MARGIN)
        top = title.top + title.height + GAP
        return Area(title.left, top, title.width, max(height - top - MARGIN, GAP))

    def title_slide(self, view: DeckView) -> None:
        slide = self._slide(TITLE_LAYOUT, view.title)
        lines = [one_line(line) for line in view.subtitle]
        body = next(
            (p for p in slide.placeholders if p.placeholder_format.idx == 1 and p.has_text_frame),
            None,
        )
        if body is None:
            area = self._content(slide)
            body = slide.shapes.add_textbox(area.left, area.top, area.width, area.height // 3)
        frame = body.text_frame
        frame.text = lines[0] if lines else ""
        for line in lines[1:]:
            frame.add_paragraph().text = line

    def table_slides(self, table: Table, notes: Sequence[str], view: DeckView) -> None:
        """The table over as many slides as it needs, its notes under it on the last."""
        probe = self._slide(CONTENT_LAYOUT, table.title)
        area = self._content(probe)
        note_height = _text_height(notes, area.width, NOTE_PT)
        widths = _widths(table, area.width)
        pages = _pages(table, widths, area.height, note_height + (GAP if notes else 0))
        for number, rows in enumerate(pages, 1):
            if number == 1:
                slide = probe
                if len(pages) > 1:
                    slide.shapes.title.text_frame.text = _continued(
                        view, table.title, 1, len(pages)
                    )
            else:
                title = _continued(view, table.title, number, len(pages))
                slide = self._slide(CONTENT_LAYOUT, title)
            top = area.top
            if rows or not table.empty:
                shape = _add_table(slide, table, rows, widths, area)
                top += shape.height
            else:
                _text(slide, Area(area.left, top, area.width, area.height), [table.empty], 14)
                top += _text_height([table.empty], area.width, 14)
            if number == len(pages) and notes:
                place = Area(area.left, top + GAP, area.width, note_height)
                _text(slide, place, notes, NOTE_PT)

    def kpi_slides(self, view: DeckView) -> None:
        charts = view.kpis
        groups = [charts[i : i + CHARTS_PER_SLIDE] for i in range(0, len(charts), CHARTS_PER_SLIDE)]
        if not groups:
            slide = self._slide(CONTENT_LAYOUT, view.kpis_title)
            _text(slide, self._content(slide), [view.kpis_empty], 14)
            return
        for number, group in enumerate(groups, 1):
            title = view.kpis_title
            if len(groups) > 1:
                title = _continued(view, title, number, len(groups))
            slide = self._slide(CONTENT_LAYOUT, title)
            area = self._content(slide)
            half_width, half_height = (area.width - GAP) // 2, (area.height - GAP) // 2
            for index, chart in enumerate(group):
                column, row = index % 2, index // 2
                place = Area(
                    area.left + column * (half_width + GAP),
                    area.top + row * (half_height + GAP),
                    half_width,
                    half_height,
                )
                _kpi_chart(slide, chart, place)

    def matrix_slide(self, matrix: Matrix, view: DeckView) -> None:
        """The value/effort matrix: a scatter chart of the open improvements, numbered as in
        the table before it, with the two bars of a quick win; the numbers' titles beside."""
        slide = self._slide(CONTENT_LAYOUT, matrix.title)
        area = self._content(slide)
        key_width = area.width // 3
        chart_area = Area(area.left, area.top, area.width - key_width - GAP, area.height)
        _matrix_chart(slide, matrix, view, chart_area)
        key = [f"{point.number}  {point.title}" for point in matrix.points]
        place = Area(area.left + chart_area.width + GAP, area.top, key_width, area.height)
        box = _text(slide, place, [*key, "", matrix.said], _fitting(place, [*key, "", matrix.said]))
        box.text_frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE

    def journey_slide(self, journey: JourneySlide) -> None:
        slide = self._slide(CONTENT_LAYOUT, journey.title)
        area = self._content(slide)
        facts_height = _text_height([journey.facts], area.width, NOTE_PT)
        _text(slide, Area(area.left, area.top, area.width, facts_height), [journey.facts], NOTE_PT)
        top = area.top + facts_height + GAP
        page = journey.page
        chart_height = (area.height - facts_height - GAP) * 9 // 20
        if page.steps and page.has_emotions:
            _emotion_chart(slide, journey, Area(area.left, top, area.width, chart_height))
        else:
            said = page.not_mapped or page.emotion_title
            _text(slide, Area(area.left, top, area.width, chart_height), [said], 14)
        lists_top = top + chart_height + GAP
        lists_height = area.top + area.height - lists_top
        half = (area.width - GAP) // 2
        pains = [f"{p.step}: {p.text}" for p in page.pain_points] or [page.no_pain_points]
        improvements = [f"{i.title} ({i.status})" for i in page.improvements] or [
            page.no_improvements
        ]
        lists = (
            (Area(area.left, lists_top, half, lists_height), page.pain_points_title, pains),
            (
                Area(area.left + half + GAP, lists_top, half, lists_height),
                page.improvements_title,
                improvements,
            ),
        )
        # One size for both, the largest that lets each fit its half.
        size = min(_fitting(place, [title, *items]) for place, title, items in lists)
        for place, title, items in lists:
            _list(slide, place, title, items, size)


def _continued(view: DeckView, title: str, page: int, pages: int) -> str:
    return view.continued.format(title=title, page=page, pages=pages)


def _notes(*lines: str) -> tuple[str, ...]:
    return tuple(line for line in lines if line)


def _ranking_table(view: DeckView) -> Table:
    """The ranking's columns the deck shows, of its first rows."""
    columns = view.ranking_columns
    numeric = {"rank", "customers", "contacts", "contact_rate", "score", "cumulative_share"}
    return Table(
        view.ranking.title,
        tuple(view.ranking.headers[c] for c in columns),
        tuple(c in numeric for c in columns),
        tuple(tuple(getattr(row, c) for c in columns) for row in view.ranking_rows),
        flexible=columns.index("name"),
        empty=view.ranking.no_match or view.ranking.empty,
    )


# --- tables ---------------------------------------------------------------------------------


def _lines(cell: Cell) -> list[str]:
    """What a cell shows, line by line: its parts one per line, then the line below it."""
    shown = [part.shown for part in cell.parts] if cell.parts else [cell.shown]
    return [one_line(line) for line in shown] + ([one_line(cell.below)] if cell.below else [])


def _wrapped(text: str, width: int, size: float) -> int:
    """How many lines `text` takes in a cell `width` EMU wide at `size` points, wrapped at
    spaces as a slide wraps it (about: by an average character's width)."""
    room = max(width / EMU_PER_PT - 2 * CELL_SIDE_PT, size)
    per_line = max(int(room / (size * CHAR)), 1)
    lines, used = 1, 0
    for word in text.split():
        length = len(word)
        if used and used + 1 + length > per_line:
            lines, used = lines + 1, 0
        if used:
            used += 1
        while length > per_line:  # a word longer than the line breaks where it must
            lines, length = lines + 1, length - per_line
        used += length
    return lines


def _row_height(lines: Sequence[list[str]], widths: Sequence[int], size: float) -> int:
    tallest = max(
        (
            sum(_wrapped(line, width, size) for line in cell)
            for cell, width in zip(lines, widths, strict=True)
        ),
        default=1,
    )
    return round((tallest * size * LINE + CELL_MARGIN_PT) * EMU_PER_PT)


def _widths(table: Table, total: int) -> list[int]:
    """Each column's width: a number column as wide as its longest number (numbers never
    wrap); the text columns each as wide as its longest line where they all fit, else
    sharing the rest by the length of their lines (the flexible one first to give), each at
    least as wide as its longest word."""
    wanted: dict[int, int] = {}
    least: dict[int, int] = {}
    numbers: set[int] = set()
    for column, header in enumerate(table.headers):
        lines = [line for row in table.rows for line in _lines(row[column])]
        words = [word for text in (header, *lines) for word in text.split()]
        least[column] = _emu(max((len(word) for word in words), default=1))
        longest = _emu(max((len(line) for line in lines), default=1))
        wanted[column] = max(longest, least[column])
        if table.numeric[column]:
            numbers.add(column)
    room = total - sum(wanted[c] for c in numbers)
    texts = [c for c in wanted if c not in numbers]
    asked = sum(wanted[c] for c in texts)
    widths = dict(wanted)
    if texts and asked <= room:
        spare = room - asked  # to the flexible column, or spread
        for c in texts:
            widths[c] += spare * wanted[c] // asked
    elif texts:
        weights = {c: wanted[c] * (0.7 if c == table.flexible else 1.0) for c in texts}
        scale = room / sum(weights.values())
        for c in texts:
            widths[c] = max(int(weights[c] * scale), least[c])
    shown = [widths[c] for c in range(len(table.headers))]
    # What the rounding or the least widths took beyond the total comes off the widest.
    widest = max(range(len(shown)), key=shown.__getitem__)
    shown[widest] = max(shown[widest] - (sum(shown) - total), least[widest])
    return shown


def _emu(characters: int) -> int:
    """The width of a cell that holds `characters` on one line, margins and all."""
    return round((characters * TABLE_PT * WIDE_CHAR + 2 * CELL_SIDE_PT) * EMU_PER_PT)


def _pages(
    table: Table, widths: list[int], height: int, below: int
) -> list[tuple[tuple[Cell, ...], ...]]:
    """The rows of each slide: as many as fit under the header row, at least one; the last
    slide keeps `below` free for the notes, its last rows going on to one more slide where
    they would not leave it."""
    header = _row_height([[h] for h in table.headers], widths, TABLE_PT)
    heights = [_row_height([_lines(cell) for cell in row], widths, TABLE_PT) for row in table.rows]
    pages: list[list[int]] = [[]]
    used = header
    for index, needed in enumerate(heights):
        if pages[-1] and used + needed > height:
            pages.append([])
            used = header
        pages[-1].append(index)
        used += needed
    last = pages[-1]
    moved: list[int] = []
    while len(last) > 1 and header + sum(heights[i] for i in last) + below > height:
        moved.insert(0, last.pop())
    if moved:
        pages.append(moved)
    return [tuple(table.rows[i] for i in page) for page in pages]


def _add_table(
    slide: Any, table: Table, rows: Sequence[tuple[Cell, ...]], widths: list[int], area: Area
) -> Any:
    heights = [_row_height([[h] for h in table.headers], widths, TABLE_PT)] + [
        _row_height([_lines(cell) for cell in row], widths, TABLE_PT) for row in rows
    ]
    shape = slide.shapes.add_table(
        len(rows) + 1, len(table.headers), area.left, area.top, area.width, sum(heights)
    )
    grid = shape.table
    for index, width in enumerate(widths):
        grid.columns[index].width = width
    for index, height in enumerate(heights):
        grid.rows[index].height = height
    for column, header in enumerate(table.headers):
        _fill(grid.cell(0, column), [one_line(header)], table.numeric[column], bold=True)
    for row_index, row in enumerate(rows, 1):
        for column, cell in enumerate(row):
            _fill(
                grid.cell(row_index, column),
                _lines(cell),
                table.numeric[column],
                below=bool(cell.below),
            )
    return shape


def _fill(
    cell: Any, lines: list[str], numeric: bool, *, bold: bool = False, below: bool = False
) -> None:
    """A table cell's lines; `below`: the last is the quieter line under the value."""
    frame = cell.text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.alignment = PP_ALIGN.RIGHT if numeric else PP_ALIGN.LEFT
        quiet = below and index == len(lines) - 1
        paragraph.font.size = Pt(TABLE_PT - 2 if quiet else TABLE_PT)
        if bold:
            paragraph.font.bold = True
        if quiet:
            paragraph.font.italic = True


# --- text -----------------------------------------------------------------------------------


def _text_height(lines: Sequence[str], width: int, size: float) -> int:
    count = sum(_wrapped(line, width, size) for line in lines)
    return round((count * size * LINE + CELL_MARGIN_PT) * EMU_PER_PT) if lines else 0


def _text(slide: Any, area: Area, lines: Sequence[str], size: float) -> Any:
    box = slide.shapes.add_textbox(area.left, area.top, area.width, area.height)
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = one_line(line)
        paragraph.font.size = Pt(size)
    return box


def _fitting(area: Area, lines: Sequence[str]) -> float:
    """The largest text size, 14 to 9 points, at which `lines` fit the area (about)."""
    size = 14.0
    while size > 9 and _text_height(lines, area.width, size) > area.height:
        size -= 1
    return size


def _list(slide: Any, area: Area, title: str, items: Sequence[str], size: float) -> None:
    """A heading and its items, one a line; what still runs over shrinks to the box."""
    box = _text(slide, area, [title, *(f"• {item}" for item in items)], size)
    box.text_frame.paragraphs[0].font.bold = True
    box.text_frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE


# --- charts ---------------------------------------------------------------------------------


def _kpi_chart(slide: Any, chart: KpiChart, area: Area) -> None:
    """The KPI's points as a line, the target as a dashed line level across."""
    line = chart.line
    drawn: list[tuple[str, Sequence[float | None]]] = [
        (chart.measured, [point.value for point in line.points])
    ]
    if line.target_value is not None:
        drawn.append((chart.target, [line.target_value] * len(line.points)))
    data = _chart_data([point.day for point in line.points], drawn)
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.LINE_MARKERS, area.left, area.top, area.width, area.height, data
    )
    plot = _titled(frame.chart, chart.title)
    # The dates along the bottom, also where the values go below 0.
    frame.chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    if line.target_value is not None:
        target = plot.series[1]
        target.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        target.marker.style = XL_MARKER_STYLE.NONE
    for series in plot.series:
        series.smooth = False


def _emotion_chart(slide: Any, journey: JourneySlide, area: Area) -> None:
    """The emotion over the steps, actual against desired, on the scale 1 to 5."""
    page = journey.page
    data = _chart_data(
        [step.name for step in page.steps],
        [
            (page.actual, [step.emotion for step in page.steps]),
            (page.desired, [step.desired for step in page.steps]),
        ],
    )
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.LINE_MARKERS, area.left, area.top, area.width, area.height, data
    )
    plot = _titled(frame.chart, page.emotion_title)
    axis = frame.chart.value_axis
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = 1, 5, 1
    desired = plot.series[1]
    desired.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    for series in plot.series:
        series.smooth = False


def _matrix_chart(slide: Any, matrix: Matrix, view: DeckView, area: Area) -> None:
    """Effort across (1 to 5), value up: the quick wins one series, the other open
    improvements another, each point labelled with its number; the median value a dashed
    line across and a quick win's most effort a dashed line up.

    Every series has as many points as the longest, its last point repeated on itself:
    LibreOffice draws only the longest series of a scatter chart whose series differ in
    length (PowerPoint draws them all either way)."""
    bars = (
        (view.median_value, ((1.0, matrix.median), (5.0, matrix.median))),
        (
            view.quick_effort,
            ((matrix.quick_effort + 0.5, 0.0), (matrix.quick_effort + 0.5, float(matrix.top))),
        ),
    )
    quick = [point for point in matrix.points if point.quick_win]
    others = [point for point in matrix.points if not point.quick_win]
    drawn = [
        (name, points, accent)
        for name, points, accent in (
            (view.quick_wins, quick, 1),
            (view.other_improvements, others, 0),
        )
        if points
    ]
    xy = [(name, list(ends)) for name, ends in bars] + [
        (name, [(float(p.effort), float(p.value)) for p in points]) for name, points, _ in drawn
    ]
    longest = max(len(ends) for _, ends in xy)
    data = XyChartData()  # type: ignore[no-untyped-call]
    for name, ends in xy:
        series = data.add_series(one_line(name))  # type: ignore[no-untyped-call]
        for x, y in ends + [ends[-1]] * (longest - len(ends)):
            series.add_data_point(x, y)
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.XY_SCATTER, area.left, area.top, area.width, area.height, data
    )
    chart = frame.chart
    plot = chart.plots[0]
    chart.has_title = False  # the slide's title says it
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.font.size = Pt(NOTE_PT)
    for series in list(plot.series)[: len(bars)]:
        series.marker.style = XL_MARKER_STYLE.NONE
        line = series.format.line
        line.fill.solid()
        line.fill.fore_color.theme_color = MSO_THEME_COLOR.TEXT_1
        line.dash_style = MSO_LINE_DASH_STYLE.DASH
        line.width = Pt(1.5)
    for series, (_, points, accent) in zip(list(plot.series)[len(bars) :], drawn, strict=True):
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.size = 11
        # The theme's colours, so that a template's carry through: a quick win its second.
        fill = series.marker.format.fill
        fill.solid()
        fill.fore_color.theme_color = ACCENT[accent]
        for index, point in enumerate(points):
            label = series.points[index].data_label
            label.has_text_frame = True
            label.text_frame.text = str(point.number)
            label.text_frame.paragraphs[0].font.size = Pt(NOTE_PT)
            label.position = XL_LABEL_POSITION.ABOVE
    across, up = chart.category_axis, chart.value_axis
    across.minimum_scale, across.maximum_scale, across.major_unit = 1, 5, 1
    up.minimum_scale, up.maximum_scale = 0, matrix.top
    for axis, title in ((across, matrix.effort_axis), (up, matrix.value_axis)):
        axis.has_title = True
        axis.axis_title.text_frame.text = one_line(title)
        axis.axis_title.text_frame.paragraphs[0].font.size = Pt(NOTE_PT)
    across.has_major_gridlines = False
    across.tick_labels.font.size = up.tick_labels.font.size = Pt(10)


def _chart_data(
    categories: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]]
) -> Any:
    """A chart's data: its categories and each series by name (None: no point there)."""
    # python-pptx types its shapes, not its chart data.
    data = CategoryChartData()  # type: ignore[no-untyped-call]
    data.categories = [one_line(category) for category in categories]
    for name, values in series:
        data.add_series(one_line(name), values)  # type: ignore[no-untyped-call]
    return data


def _titled(chart: Any, title: str) -> Any:
    """The chart with its title and its legend below; its plot."""
    chart.has_title = True
    chart.chart_title.text_frame.text = one_line(title)
    chart.chart_title.text_frame.paragraphs[0].font.size = Pt(CHART_TITLE_PT)
    chart.chart_title.text_frame.paragraphs[0].font.bold = True
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(NOTE_PT)
    chart.category_axis.tick_labels.font.size = Pt(10)
    chart.value_axis.tick_labels.font.size = Pt(10)
    return chart.plots[0]
