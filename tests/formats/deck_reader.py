"""Reading a deck back: python-pptx for what each slide holds, LibreOffice for whether it
opens at all (and what its PDF says)."""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from journeyctl.views.cells import Cell
from tests.render.tools import SOFFICE, require_libreoffice


@dataclass
class Chart:
    title: str
    categories: list[str]  # a scatter chart's: none
    series: dict[str, list[float | None]]
    xs: dict[str, list[float]] = field(default_factory=dict)  # a scatter chart's x values
    labels: dict[str, list[str]] = field(default_factory=dict)  # each point's own label


@dataclass
class Slide:
    title: str
    tables: list[list[list[str]]] = field(default_factory=list)  # rows of cell texts
    charts: list[Chart] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # every other text frame, whole
    layout: str = ""


def read(data: bytes) -> list[Slide]:
    deck = Presentation(io.BytesIO(data))
    return [_slide(slide) for slide in deck.slides]


def presentation(data: bytes) -> Any:
    return Presentation(io.BytesIO(data))


def _slide(slide: Any) -> Slide:
    title = slide.shapes.title
    shown = Slide(
        title.text_frame.text if title is not None else "", layout=slide.slide_layout.name
    )
    for shape in slide.shapes:
        if shape.has_table:
            shown.tables.append(
                [[cell.text_frame.text for cell in row.cells] for row in shape.table.rows]
            )
        elif shape.has_chart:
            chart = shape.chart
            plot = chart.plots[0]
            scatter = chart.chart_type in _SCATTER
            shown.charts.append(
                Chart(
                    chart.chart_title.text_frame.text if chart.has_title else "",
                    [] if scatter else list(plot.categories),
                    {series.name: list(series.values) for series in plot.series},
                    {series.name: _xs(series) for series in plot.series} if scatter else {},
                    {series.name: _labels(series) for series in plot.series},
                )
            )
        elif shape.has_text_frame and shape != title:
            shown.texts.append(shape.text_frame.text)
    return shown


_SCATTER = {XL_CHART_TYPE.XY_SCATTER}


def _xs(series: Any) -> list[float]:
    return [float(v) for v in series._element.xpath("./c:xVal//c:pt/c:v/text()")]


def _labels(series: Any) -> list[str]:
    return [
        "".join(label.xpath(".//a:t/text()")) for label in series._element.xpath("./c:dLbls/c:dLbl")
    ]


def cell_text(cell: Cell) -> str:
    """What a table cell of the deck holds for a view's cell: its parts (or itself) with
    their marks, one a line, then the line below it."""
    lines = [part.shown for part in cell.parts] if cell.parts else [cell.shown]
    return "\n".join(lines + ([cell.below] if cell.below else []))


def to_pdf(deck: Path) -> Path:
    """The deck converted by LibreOffice, as a consultant opening it would see it; fails when
    LibreOffice cannot open it."""
    require_libreoffice()
    profile = deck.parent / "libreoffice-profile"
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(deck.parent),
            str(deck),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    pdf = deck.with_suffix(".pdf")
    assert done.returncode == 0 and pdf.is_file(), done.stderr.decode(errors="replace")
    return pdf


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, timeout=60, check=True)
    return done.stdout.decode("utf-8")


def pdf_pages(pdf: Path) -> int:
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, timeout=60, check=True)
    line = next(x for x in done.stdout.decode().splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])
