"""What a journey map shows, apart from the templates."""

from __future__ import annotations

from dataclasses import replace

from journeyctl.render.context import Context
from journeyctl.render.curve import CURVE_Y
from journeyctl.render.journey_view import Insight, JourneyView, Link, Links, Reason, journey_view
from journeyctl.text import Names
from tests.render.conftest import report_input


def view(journey_id: str, lang: str = "en") -> JourneyView:
    prepared = report_input()
    context = Context(prepared.framework, lang, Names(prepared.framework), ("index",))  # type: ignore[arg-type]
    journey = next(j for j in prepared.journeys if j.id == journey_id)
    return journey_view(context, journey, prepared)


def test_steps_as_columns_grouped_by_neighbouring_stages() -> None:
    shown = view("i-pay-my-bill")
    assert [s.name for s in shown.steps] == [
        "I get the bill",
        "I check the amount",
        "I pay",
        "I get a receipt",
    ]
    assert [(stage.name, stage.span) for stage in shown.stages] == [
        ("Before", 2),
        ("Paying", 1),
        ("", 1),
    ]


def test_lanes_show_names_not_ids() -> None:
    first, second, third, _ = view("i-pay-my-bill").steps
    assert first.touchpoints == ["Letter", "Website"]
    assert third.touchpoints == ["Website", "Phone"]
    # Each contact reason with its contacts in the period; the step's contacts, their sum.
    assert second.contact_reasons == [Reason("Question about the bill", "1,000")]
    assert (first.contacts, second.contacts) == ("", "1,000")
    assert second.pain_points == ["The amount differs from last month without a reason"]
    assert second.moment_of_truth and not first.moment_of_truth
    assert first.backstage == "Billing runs on the first of the month."
    assert (second.emotion, second.desired_emotion) == ("2", "4")


def test_improvements_are_pinned_to_the_steps_they_name_the_others_to_the_journey() -> None:
    shown = view("i-pay-my-bill")
    assert [[i.id for i in s.improvements] for s in shown.steps] == [
        [],
        ["explain-the-amount"],
        [],
        [],
    ]
    assert [(i.id, i.status) for i in shown.unpinned] == [("one-tap-payment", "implemented")]
    assert shown.has_improvements


def test_header_facts_rank_and_movement() -> None:
    shown = view("i-pay-my-bill")
    facts = {fact.label: fact.text for fact in shown.facts}
    assert facts == {
        "Phase": "Being a customer",
        "Cluster": "I get and pay my bill",
        "Owner": "Bob Jones",
        "Goal": "Paying takes one tap.",
        "Desired emotions": "Calm and in control.",
        # The ranking's criteria by name, and the last review with its cadence.
        "Strategic importance": "3",
        "Last review": "1 Jun 2025 (quarterly)",
    }
    assert (shown.rank, shown.rank_of, shown.movement, shown.movement_class) == (
        "1",
        "3",
        "=",
        "same",
    )
    assert (shown.period, shown.compare_period) == ("2025", "2024")
    assert shown.follows == [("I sign up", "i-sign-up")]
    assert shown.followed_by == [("I get a reminder", "i-get-a-reminder")]


def test_volumes_against_the_previous_period_fewer_contacts_is_better() -> None:
    rows = [
        (r.what, r.now, r.before, r.change, r.change_class) for r in view("i-pay-my-bill").volumes
    ]
    assert rows == [
        ("Customers", "5,000", "5,000", "0%", ""),
        ("Contacts", "1,000", "900", "+11%", "worse"),
        ("Contacts per customer", "0.20", "0.18", "+11%", "worse"),
    ]


def test_volumes_in_dutch() -> None:
    rows = [(r.what, r.now, r.before) for r in view("i-pay-my-bill", "nl").volumes]
    assert rows[0] == ("Klanten", "5.000", "5.000")
    assert rows[2] == ("Contacten per klant", "0,20", "0,18")


def test_kpi_tiles_are_direction_aware() -> None:
    nps_tile, rate_tile = view("i-pay-my-bill").kpis
    nps, rate = nps_tile.line, rate_tile.line
    assert (nps.name, nps.baseline, nps.latest, nps.target) == (
        "Net Promoter Score",
        "-10",
        "12",
        "20",
    )
    assert (nps.track_key, nps.arrow, nps.trend_key) == ("on", "▲", "improving")
    assert nps.latest_date == "31 Dec 2025"
    # Contacts per customer: lower is better, so a rise (the arrow up) is off track (in red).
    assert (rate.baseline, rate.latest, rate.target) == ("0.18", "0.20", "0.10")
    assert (rate.track_key, rate.arrow, rate.trend_key) == ("off", "▲", "worsening")
    assert nps_tile.spark and rate_tile.spark == "5,11 155,5"


def test_a_journey_without_steps_volumes_or_rank() -> None:
    shown = view("i-move-house")
    assert shown.steps == [] and shown.curve is None and shown.volumes == []
    assert (shown.rank, shown.movement) == ("-", "")
    assert shown.kpis == []


def test_followers_are_listed_once_each_in_the_order_of_the_tree() -> None:
    prepared = report_input()
    target = "i-pay-my-bill"
    journeys = tuple(
        j.model_copy(update={"follows": [target, target]}) if j.id != target and index % 2 else j
        for index, j in enumerate(prepared.journeys)
    )
    prepared = replace(prepared, journeys=journeys)
    context = Context(prepared.framework, "en", Names(prepared.framework), ("index",))  # type: ignore[arg-type]
    journey = next(j for j in journeys if j.id == target)
    shown = journey_view(context, journey, prepared, Links.of(prepared))
    expected = [(j.name, j.id) for j in journeys if target in j.follows]
    assert len(expected) > 1
    assert shown.followed_by == expected


def test_what_the_customer_thinks_and_the_opportunities_are_lanes_when_a_step_has_one() -> None:
    shown = view("i-pay-my-bill")
    second = shown.steps[1]
    assert second.thoughts == ["Why is it more than last month?"]
    assert second.opportunities == ["Explain a change of amount on the bill itself"]
    assert shown.has_thoughts and shown.has_opportunities
    assert shown.contacts_lane == "Contacts 2025"
    other = view("i-get-a-reminder")
    assert not other.has_thoughts and not other.has_opportunities


def test_insights_with_their_source_and_links_that_are_web_addresses() -> None:
    shown = view("i-pay-my-bill")
    assert shown.insights == [
        Insight(
            "Half of the calls about the bill ask why the amount changed.",
            "Call reasons, 2025",
            "30 Sept 2025",
        ),
        Insight("Customers pay faster from the e-mail than from the letter.", "", ""),
    ]
    assert shown.links == [
        Link("POWER-12", ""),
        Link("https://wiki.example.org/i-pay-my-bill", "https://wiki.example.org/i-pay-my-bill"),
    ]


def test_a_link_that_is_no_web_address_stays_text() -> None:
    prepared = report_input()
    journey = next(j for j in prepared.journeys if j.id == "i-pay-my-bill")
    odd = journey.model_copy(update={"links": ["javascript:alert(1)", "http://x.example/a b"]})
    context = Context(prepared.framework, "en", Names(prepared.framework), ("index",))  # type: ignore[arg-type]
    shown = journey_view(context, odd, prepared)
    assert [link.href for link in shown.links] == ["", ""]


def test_the_line_under_the_title_and_the_curves_scale() -> None:
    shown = view("i-pay-my-bill")
    assert shown.byline == "Owner Bob Jones · improving · rank 1 of 3 in 2025"
    assert view("i-move-house").byline == "Owner Ann Smith · listed · not ranked in 2025"
    assert view("i-pay-my-bill", "nl").byline == (
        "Eigenaar Bob Jones · wordt verbeterd · positie 1 van 3 in 2025"
    )
    assert [words for _, words in shown.axis] == [
        "5 very positive",
        "4",
        "3",
        "2",
        "1 very negative",
    ]
    assert [y for y, _ in shown.axis] == [CURVE_Y[level] for level in (5, 4, 3, 2, 1)]


def test_what_to_do_where_the_file_has_nothing_yet() -> None:
    prepared = report_input()
    context = Context(prepared.framework, "en", Names(prepared.framework), ("index",))  # type: ignore[arg-type]
    journey = next(j for j in prepared.journeys if j.id == "i-move-house")
    shown = journey_view(context, journey, prepared, file="journeys/being/moving/i-move-house.yaml")
    assert shown.not_mapped == (
        "Not mapped yet: add its steps under steps: in journeys/being/moving/i-move-house.yaml."
    )
    assert shown.no_kpis.startswith("No KPIs yet: add them under kpis: in journeys/being/")
    assert "journeyctl import" in shown.no_volumes
    # Without the file's path, its name.
    assert view("i-move-house").file == "i-move-house.yaml"


def test_step_columns_are_as_wide_as_the_longest_word() -> None:
    shown = view("i-pay-my-bill")
    assert shown.step_width == 8.0  # short words: the narrowest
    assert (shown.map_width, shown.scrolls_below) == (9 + 4 * 8.0, 662)


def test_teams_and_personas_are_listed_apart_when_a_name_holds_a_comma() -> None:
    prepared = report_input()
    written = prepared.framework.model_dump(exclude_unset=True)
    written["personas"] = [
        {"id": "noor", "name": "Noor, the starter"},
        {"id": "family", "name": "The Hoekstra family"},
    ]
    written["teams"] = [{"id": "a", "name": "Billing, North"}, {"id": "b", "name": "Care"}]
    framework = type(prepared.framework).model_validate(written)
    context = Context(framework, "en", Names(framework), ("index",))
    journey = next(j for j in prepared.journeys if j.id == "i-pay-my-bill")
    journey = journey.model_copy(update={"personas": ["noor", "family"], "team": ["a", "b"]})
    facts = {fact.label: fact.text for fact in journey_view(context, journey, prepared).facts}
    assert facts["Personas"] == "Noor, the starter; The Hoekstra family"
    assert facts["Teams"] == "Billing, North; Care"
