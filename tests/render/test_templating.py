"""Templates: escaped, strict and sandboxed; a project's templates replace the shipped ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from journeyctl.render import (
    BUILTIN_TEMPLATES,
    RenderOptions,
    TemplateRefused,
    environment,
    plan_site,
    render_page,
)
from tests.render.conftest import TODAY, checked, page_of, site

HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_PAIN = '<img src=x onerror="alert(2)">'


def hostile(tree: Path) -> Path:
    journey = tree / "being/billing/i-pay-my-bill.yaml"
    text = journey.read_text(encoding="utf-8")
    text = text.replace("name: I pay my bill", f"name: '{HOSTILE_NAME}'")
    text = text.replace(
        "pain_points: [The amount differs from last month without a reason]",
        f"pain_points: ['{HOSTILE_PAIN}']",
    )
    journey.write_text(text, encoding="utf-8")
    return tree


def test_the_shipped_templates_are_found() -> None:
    names = sorted(p.name for p in BUILTIN_TEMPLATES.glob("*.j2"))
    for page in (
        "index",
        "journey",
        "ranking",
        "kpis",
        "improvements",
        "coverage",
        "owners",
        "alerts",
    ):
        assert f"{page}.html.j2" in names and f"{page}.md.j2" in names


@pytest.mark.slow
def test_a_journey_named_script_and_a_pain_point_with_onerror_stay_text(render_tree: Path) -> None:
    pages = site(hostile(render_tree), formats=("html", "md"))
    for path, text in pages.items():
        if path.endswith(".html"):
            assert "<script" not in text, path
            assert "<img" not in text, path
    journey = pages["journeys/i-pay-my-bill.html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in journey
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in journey
    markdown = pages["journeys/i-pay-my-bill.md"]
    assert "<script" not in markdown and "<img" not in markdown
    assert "title #60;script#62;alert(1)#60;/script#62;" in markdown


def test_a_pipe_and_a_newline_in_a_name_keep_a_markdown_table_whole(render_tree: Path) -> None:
    journey = render_tree / "being/billing/i-get-a-reminder.yaml"
    text = journey.read_text(encoding="utf-8")
    journey.write_text(
        text.replace("name: I get a reminder", 'name: "A | B\\nC"'), encoding="utf-8"
    )
    ranking = site(render_tree, formats=("md",))["ranking.md"]
    lines = ranking.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| "))
    rows = [line for line in lines[start:] if line.startswith("|")]
    rows = rows[: next(i for i, line in enumerate(lines[start:]) if not line.startswith("|"))]
    pipes = rows[0].count("|")
    for row in rows:
        assert re.sub(r"\\\|", "", row).count("|") == pipes, row
    assert "[A \\| B C](journeys/i-get-a-reminder.md)" in ranking


def render_with(templates: Path, name: str, text: str) -> str:
    (templates / name).write_text(text, encoding="utf-8")
    tree = checked()
    pages = plan_site(tree.framework, tree.journeys, tree.improvements, RenderOptions(today=TODAY))
    return render_page(environment(templates), page_of(pages, "index.html"))


def test_a_project_template_replaces_the_shipped_one_and_is_escaped(tmp_path: Path) -> None:
    html = render_with(tmp_path, "index.html.j2", "<h1>{{ page.title }}</h1>{{ '<b>' }}\n")
    assert html == "<h1>Example Power</h1>&lt;b&gt;\n"


def test_a_project_template_extends_the_shipped_base(tmp_path: Path) -> None:
    template = '{% extends "base.html.j2" %}{% block main %}<p>mine</p>{% endblock %}'
    html = render_with(tmp_path, "index.html.j2", template)
    assert "<p>mine</p>" in html and "<style>" in html


@pytest.mark.parametrize(
    "expression",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ page.__class__ }}",
        "{{ cycler.__init__.__globals__ }}",
    ],
)
def test_the_sandbox_refuses_pythons_internals(tmp_path: Path, expression: str) -> None:
    with pytest.raises(TemplateRefused) as refused:
        render_with(tmp_path, "index.html.j2", f"line one\n{expression}\n")
    message = str(refused.value)
    assert f"{tmp_path / 'index.html.j2'}:2" in message
    assert "refused by the template sandbox" in message
    assert "\n" not in message


def test_a_name_the_page_does_not_have_is_refused(tmp_path: Path) -> None:
    with pytest.raises(
        TemplateRefused,
        match=r"index\.html\.j2:1: '[\w.]*IndexView object' has no attribute 'nope'",
    ):
        render_with(tmp_path, "index.html.j2", "{{ page.nope }}")


def test_a_template_that_does_not_parse_is_refused_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateRefused, match=r"index\.html\.j2:3: .*fix the template"):
        render_with(tmp_path, "index.html.j2", "a\nb\n{% if %}\n")
