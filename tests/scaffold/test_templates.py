"""The templates `init` fills in: shipped with the package, each example as `new_yaml` would
write it, at the place the convention gives it, with the modeline its place needs."""

from __future__ import annotations

from pathlib import Path
from string import Template

import pytest
import yaml

from journeyctl.model import Journey
from journeyctl.scaffold.templates import example, template
from journeyctl.write import modeline, new_yaml

TEMPLATES = Path(__file__).parents[2] / "src/journeyctl/scaffold/templates"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_example_is_a_framework_of_phases_and_a_journey_beside_the_tree(
    language: str,
) -> None:
    files = example(language)
    framework, journey = files
    assert framework == "journeys/framework.yaml"
    data = yaml.safe_load(files[framework])
    assert data["language"] == language
    assert [key for key in data if key in ("clusters", "owners", "contact_reasons")] == []
    # Beside the tree, never read: its volumes take no place in a ranking, its contact reason
    # counts as no coverage.
    assert journey == {"nl": "voorbeeld-klantreis.yaml", "en": "example-journey.yaml"}[language]
    Journey.model_validate(yaml.safe_load(files[journey]))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_example_file_binds_its_schema_and_the_framework_is_as_new_yaml_writes_it(
    language: str,
) -> None:
    for path, text in example(language).items():
        header, _, _ = text.partition("\n")
        schema = "framework" if path.endswith("framework.yaml") else "journey"
        assert header == f"# {modeline(schema, Path(path), Path('schemas'))}"
        if schema == "framework":  # the example journey explains itself in comments
            assert new_yaml(yaml.safe_load(text), header_comment=header[2:]) == text, path


# Every template but the examples, and the names it takes.
VALUES: dict[str, set[str]] = {
    "ci/github.yml": {"branch", "requirement"},
    "ci/gitlab.yml": {"branch", "requirement"},
    "pre-commit/pinned.yaml": {"url", "commit"},
    "pre-commit/local.yaml": set(),
    "gitignore": {"temporaries"},
    "vscode-settings.json": set(),
    "readme/nl.md": {"branch", "ci_file"},
    "readme/en.md": {"branch", "ci_file"},
}


@pytest.mark.parametrize("name", VALUES)
def test_each_template_names_exactly_the_values_it_is_given(name: str) -> None:
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    found = Template.pattern.finditer(text)
    assert {m["named"] or m["braced"] for m in found if not m["escaped"]} == VALUES[name]
    filled = template(name, **{value: f"<{value}>" for value in VALUES[name]})
    assert all(f"<{value}>" in filled for value in VALUES[name])


def test_every_file_under_templates_is_an_example_or_a_template_named_here() -> None:
    shipped = {p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*") if p.is_file()}
    examples = {f"example/{lang}/{path}" for lang in ("nl", "en") for path in example(lang)}
    assert shipped == examples | set(VALUES)


def test_a_value_left_out_is_an_error_not_a_gap() -> None:
    with pytest.raises(KeyError, match="requirement"):
        template("ci/github.yml", branch="main")
