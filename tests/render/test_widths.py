"""How wide a map's step columns are: at least 8rem, and as wide as the longest word, measured
with Helvetica's widths (which Arial and Liberation Sans share)."""

from __future__ import annotations

import re

import pytest

from journeyctl.render.widths import (
    MIN_STEP,
    map_width,
    scrolls_below,
    step_width,
    widest,
    word_width,
    words_of,
)


@pytest.mark.parametrize(
    ("word", "bold", "pixels"),
    [
        # As Chromium draws them in Liberation Sans at the map's 12.75 pixels.
        ("aansluitingenregister.", False, 120.5),
        ("Plausibiliteitscontrole", False, 119.1),
        ("betalingsherinnering", True, 126.1),
    ],
)
def test_a_word_is_as_wide_as_the_browser_draws_it(word: str, bold: bool, pixels: float) -> None:
    assert word_width(word, bold) * 12.75 == pytest.approx(pixels, rel=0.01)


def test_accents_count_as_their_letter_and_a_wide_script_as_a_square() -> None:
    assert word_width("één") == word_width("een")
    assert word_width("電話") == 2.0


def test_lines_break_at_spaces_hyphens_and_slashes() -> None:
    assert widest(["web/app e-mail klantenservice"]) == word_width("klantenservice")
    assert widest([]) == 0


def test_a_step_is_8rem_or_as_wide_as_its_longest_word_a_quarter_at_a_time() -> None:
    assert step_width(["Ik betaal"], ["kort"]) == MIN_STEP
    wide = step_width(["Ik verhuis"], ["aansluitingenregister."])
    assert wide == 9.25 and wide * 4 == int(wide * 4)
    assert step_width(["Plausibiliteitscontrole"], []) > step_width([], ["Plausibiliteitscontrole"])


def test_nine_steps_of_the_example_fit_1440_pixels_and_scroll_below() -> None:
    width = map_width(9.25, 9)
    assert width == 92.25
    assert scrolls_below(width) == 1431 and scrolls_below(width) <= 1440


@pytest.mark.slow
def test_words_are_split_where_a_line_may_break_as_the_pattern_of_breaks_splits_them() -> None:
    breaks = re.compile(r"[^\s\-\u2010/]+")
    every_space = "".join(c for c in map(chr, range(0x110000)) if re.fullmatch(r"\s", c))
    texts = [
        f"a{every_space}b",
        *(f"x{space}y" for space in every_space),
        "web/app e-mail\u2010adres  klant\u00a0service\u2028nieuw\x1cregel",
        "--//",
        "",
        "   ",
        "é ★ → 中文",
    ]
    for text in texts:
        assert words_of(text) == breaks.findall(text), repr(text)
