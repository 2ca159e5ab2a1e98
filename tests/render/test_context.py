"""The words every page shares: missing values, numbers, the navigation."""

from __future__ import annotations

from journeyctl.render.context import Context
from journeyctl.text import Names
from tests.render.conftest import checked


def test_missing_values_and_numbers_in_each_language() -> None:
    framework = checked().framework
    english = Context(framework, "en", Names(framework), ("index",))
    dutch = Context(framework, "nl", Names(framework), ("index",))
    assert (english.count(None), english.decimal(None, 2), english.percent(None)) == ("-",) * 3
    assert (english.count(415000), dutch.count(415000)) == ("415,000", "415.000")
    assert (english.decimal(0.25, 2), dutch.decimal(0.25, 2)) == ("0.25", "0,25")


def test_the_navigation_marks_the_current_page() -> None:
    framework = checked().framework
    context = Context(framework, "nl", Names(framework), ("index", "ranking", "alerts"))
    links = [(link.page, link.text, link.current) for link in context.nav("ranking")]
    assert links == [
        ("index", "Raamwerk", False),
        ("ranking", "Prioritering", True),
        ("alerts", "Signalen", False),
    ]
