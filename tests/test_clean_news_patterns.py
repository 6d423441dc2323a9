"""The cleaning heuristics, one test per news pattern they handle."""

from __future__ import annotations

import pytest

from _news_fixtures import PARAGRAPHS, wire_text
from dateline.clean.boilerplate import is_boilerplate
from dateline.clean.credits import clean_authors, parse_byline, parse_credit_line
from dateline.clean.dateline import parse_dateline, title_case_place
from dateline.clean.headlines import is_subhead
from dateline.clean.language import guess_language
from dateline.clean.paragraphs import plain_spaces, split_paragraphs
from dateline.clean.pipeline import clean_document
from dateline.clean.published import date_from_line, normalize_published
from dateline.ingest import RawDocument


def _clean(text: str, **kw: object) -> object:
    return clean_document(RawDocument("t.txt", text=text, **kw))  # type: ignore[arg-type]


# ------------------------------------------------------------------ datelines
@pytest.mark.parametrize(
    "opening,place,agency",
    [
        ("WASHINGTON (AP) — ", "Washington", "AP"),
        ("KYIV, Ukraine (AP) – ", "Kyiv, Ukraine", "AP"),
        ("LONDON, May 19 (Reuters) - ", "London", "Reuters"),
        ("NASHVILLE, Tenn. — ", "Nashville, Tenn.", None),
        ("WASHINGTON — ", "Washington", None),
        ("ST. LOUIS (AP) — ", "St. Louis", "AP"),
        ("PARIS (Agence France-Presse) — ", "Paris", "AFP"),
        ("NEW DELHI: ", "New Delhi", None),
    ],
)
def test_dateline_city_agency_forms(opening: str, place: str, agency: str | None) -> None:
    found = parse_dateline(opening + PARAGRAPHS[0])
    assert found is not None
    assert (found.dateline.place, found.dateline.agency) == (place, agency)
    assert found.rest == PARAGRAPHS[0]
    assert found.dateline.raw == opening.strip()


def test_dateline_broken_agency_parens() -> None:
    found = parse_dateline("WASHINGTON () President Donald Trump spoke on Monday.")
    assert found is not None
    assert (found.dateline.place, found.dateline.agency, found.dateline.raw) == (
        "Washington",
        None,
        "WASHINGTON ()",
    )
    assert found.rest == "President Donald Trump spoke on Monday."


def test_dateline_on_its_own_line() -> None:
    clean = _clean("KYIV, Ukraine (AP) —\n" + PARAGRAPHS[0] + "\n" + PARAGRAPHS[1])
    assert clean.dateline is not None and clean.dateline.place == "Kyiv, Ukraine"
    assert clean.text == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1]


def test_dateline_agency_only_cnn() -> None:
    found = parse_dateline("(CNN) — The storm moved north.")
    assert found is not None and (found.dateline.place, found.dateline.agency) == (None, "CNN")


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO leaders met in Brussels on Monday.",
        "UPDATE: Police said the road is open again.",
        "The mayor (Ana Ruiz) — who spoke first — said yes.",
        "Sen. Jane Doe (D-Ore.) said the bill would pass.",
        "WASHINGTON is a city of monuments.",
        "WASHINGTON",
        "NEW YORK CITY MARATHON RESULTS",
        "U.S. officials said the talks were over.",
    ],
)
def test_dateline_not_found_in_ordinary_sentences(sentence: str) -> None:
    assert parse_dateline(sentence) is None


def test_dateline_place_title_cased_with_particles() -> None:
    assert title_case_place("PORT-AU-PRINCE, Haiti") == "Port-au-Prince, Haiti"
    assert title_case_place("WASHINGTON, D.C.") == "Washington, D.C."


# ------------------------------------------------------------------ boilerplate
@pytest.mark.parametrize(
    "line",
    [
        "Share this @internewscast.com",
        "Share this article",
        "Follow us on Twitter and Facebook",
        "Click here to subscribe",
        "Sign up for our newsletter",
        "Subscribe to our daily newsletter for free",
        "Advertisement",
        "ADVERTISEMENT",
        "Read more: Council to vote on bridge plan",
        "READ MORE: Mayor's budget explained",
        "Story continues below advertisement",
        "Copyright 2025 The Associated Press. All rights reserved.",
        "© 2025 Riverside Daily",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "___",
        "• Related: The bridge in pictures",
        "[Related: Council budget explained]",
        "Related post: How the bridge was designed",
        "You may also like...",
        "Filed under: Politics |",
        "Like this story? Share it with a friend!",
        "There's plenty more. Sign up for our free daily newsletter today",
        "Follow the Riverside Daily opinion section on Facebook and Twitter.",
        "Most read in world news",
        "SEE MORE: Bridge vote in pictures",
        "Advertisement Continue reading the main story",
        "Scroll down for video",
        "Enlarge this image toggle caption Jane Doe/AP",
        "Jane Doe/AP",
        "John Roe/Getty Images",
        "Bridge opens to cyclists after delay Read more",
        "Keep up with this story and more by subscribing now",
        "Photo: Jane Doe/Riverside Daily",
        "The post Bridge vote passes appeared first on Riverside Daily.",
    ],
)
def test_share_line_removed(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        PARAGRAPHS[0],
        "Share prices fell sharply on Tuesday after the bank warned of losses.",
        "Readers wrote in to say the bridge was long overdue.",
        "Follow-up talks are planned for next week in Geneva, officials said.",
        "Advertisements for the new line will run until June, the company said.",
        "Most popular among voters was the plan to cut taxes.",
        "More than 200 people attended the meeting, which ran past midnight.",
        "The company asked users to sign up for the service before the end of the month.",
    ],
)
def test_boilerplate_keeps_reporting_that_starts_like_a_prompt(line: str) -> None:
    assert not is_boilerplate(line)


# ------------------------------------------------------------------ credits and bylines
@pytest.mark.parametrize(
    "line,names",
    [
        ("The Associated Press contributed to this report.", ["Associated Press"]),
        (
            "Associated Press writer Jane Doe in Kyiv contributed to this report.",
            ["Jane Doe", "Associated Press"],
        ),
        ("(Reporting by Jane Doe in Kyiv; Editing by John Roe)", ["Jane Doe", "John Roe"]),
        ("Reporting by Jane Doe and Max Moe SEOUL; Editing by John Roe", ["Jane Doe", "Max Moe", "John Roe"]),
        (
            "Reporting by Jane Doe and Max Moe; Additional reporting by Ann Lee; Editing by John Roe",
            ["Jane Doe", "Max Moe", "Ann Lee", "John Roe"],
        ),
        ("Jane Doe contributed reporting.", ["Jane Doe"]),
        ("Jane Doe and John Roe contributed reporting from Moscow.", ["Jane Doe", "John Roe"]),
        ("— With files from The Canadian Press", ["The Canadian Press"]),
        ("SOURCE: News agencies", ["News agencies"]),
    ],
)
def test_credit_lines(line: str, names: list[str]) -> None:
    assert parse_credit_line(line) == names


def test_credit_not_taken_from_story_sentence() -> None:
    assert parse_credit_line("The mayor said residents contributed ideas to the design.") is None
    assert parse_credit_line(PARAGRAPHS[1]) is None


@pytest.mark.parametrize(
    "line,people",
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By JANE DOE, Associated Press", ["Jane Doe"]),
        ("By Jane Doe | CNN", ["Jane Doe"]),
        ("By Jane Doe, John Roe and Max Moe", ["Jane Doe", "John Roe", "Max Moe"]),
    ],
)
def test_byline_names(line: str, people: list[str]) -> None:
    assert parse_byline(line) == people


def test_author_metadata_keeps_people_only() -> None:
    assert clean_authors(["JANE DOE", "AP National Political Writer", "REUTERS", "By John Roe"]) == [
        "Jane Doe",
        "John Roe",
    ]
    assert clean_authors(["Staff Reports", "Abc News", "Published 5:01 P.M. ET Feb. 2", "Www.Example.Com"]) == []
    assert clean_authors(["Mark Roe For Example.Com"]) == ["Mark Roe"]


def test_byline_not_taken_from_sentence() -> None:
    assert parse_byline("By the end of the week the bridge had reopened to traffic and cyclists.") is None


# ------------------------------------------------------------------ subheads and titles
def test_subhead_detected_in_body() -> None:
    paragraphs = [PARAGRAPHS[0], "Russia batters Kyiv with deadly strikes", PARAGRAPHS[1]]
    assert is_subhead(paragraphs, 1)
    paragraphs[1] = "Zelenskyy: Russia doesn’t want to end war in Ukraine"
    assert is_subhead(paragraphs, 1)


def test_subhead_not_a_sentence_or_a_list_item() -> None:
    assert not is_subhead([PARAGRAPHS[0], "The vote was close.", PARAGRAPHS[1]], 1)
    assert not is_subhead([PARAGRAPHS[0], "Bridge costs", "Road repairs", PARAGRAPHS[1]], 1)
    assert not is_subhead([PARAGRAPHS[0], "Opponents warn of rising costs"], 1)  # nothing after it
    caption = "Before the vote, the mayor said in a video posted online"
    assert not is_subhead([PARAGRAPHS[0], caption, PARAGRAPHS[1]], 1)


def test_subhead_spans_index_the_cleaned_text() -> None:
    clean = _clean(wire_text())
    assert [s.text for s in clean.subheads] == ["Opponents warn of rising costs"]
    for span in clean.subheads:
        assert clean.text[span.start : span.end] == span.text


def test_title_is_headline_line_of_plain_text() -> None:
    clean = _clean(wire_text())
    assert clean.title == "Council approves footbridge over the Elm River"
    assert not clean.text.startswith("Council approves")


def test_no_title_when_first_line_is_the_dateline_paragraph() -> None:
    clean = _clean("WASHINGTON (AP) — Talks resumed in Geneva\n" + PARAGRAPHS[0])
    assert clean.title is None
    assert clean.dateline is not None and clean.text.startswith("Talks resumed in Geneva")


def test_metadata_title_line_dropped_from_body() -> None:
    clean = _clean("Bridge vote passes\n" + PARAGRAPHS[0], title="Bridge vote passes")
    assert clean.text == PARAGRAPHS[0]


def test_headline_line_dropped_when_page_title_has_site_suffix() -> None:
    clean = _clean("Bridge vote passes in Riverside\n" + PARAGRAPHS[0], title="Bridge vote passes in Riverside | Daily")
    assert clean.text == PARAGRAPHS[0] and clean.title == "Bridge vote passes in Riverside"


# ------------------------------------------------------------------ the whole cascade on a wire story
def test_wire_story_cleaned() -> None:
    clean = _clean("Share this @riverside.test\n" + wire_text() + "\nAdvertisement")
    assert clean.dateline is not None
    assert (clean.dateline.place, clean.dateline.agency) == ("Riverside, Ore.", "AP")
    assert clean.credits == ["Associated Press"]
    assert clean.text.split("\n\n") == [
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        "Opponents warn of rising costs",
        *PARAGRAPHS[3:],
    ]


def test_byline_and_published_line_at_top() -> None:
    text = "\n".join(
        [
            "Council approves footbridge",
            "By JANE DOE, Associated Press",
            "Published May 19, 2025 10:03 AM EDT",
            *PARAGRAPHS[:2],
        ]
    )
    clean = _clean(text)
    assert clean.byline == ["Jane Doe"]
    assert clean.published == "2025-05-19T10:03:00-04:00"
    assert clean.title == "Council approves footbridge"
    assert clean.text == "\n\n".join(PARAGRAPHS[:2])


def test_undated_update_stamp_dropped_from_top() -> None:
    clean = _clean("Updated at 1:23 p.m.\n" + PARAGRAPHS[0])
    assert clean.text == PARAGRAPHS[0] and clean.published is None


def test_published_never_today_when_absent() -> None:
    assert _clean(wire_text()).published is None
    assert date_from_line("Updated: May 19 10:03 AM") is None  # no year: no guess


@pytest.mark.parametrize(
    "value,iso",
    [
        ("2025-05-19T14:03:00Z", "2025-05-19T14:03:00+00:00"),
        ("2025-05-19 14:03:00", "2025-05-19T14:03:00"),
        ("Mon, 19 May 2025 14:03:00 GMT", "2025-05-19T14:03:00+00:00"),
        ("May 19, 2025", "2025-05-19"),
        ("19 May 2025", "2025-05-19"),
        ("yesterday", None),
    ],
)
def test_published_metadata_normalized_to_iso(value: str, iso: str | None) -> None:
    assert normalize_published(value) == iso


@pytest.mark.parametrize(
    "line", ["Published May 19, 2025 10:03 AM EDT", "Updated: 2025-05-19", "Posted on 19 May 2025"]
)
def test_published_date_line_read(line: str) -> None:
    assert (date_from_line(line) or "").startswith("2025-05-19")


# ------------------------------------------------------------------ paragraphs and language
def test_paragraphs_one_per_line_and_wrapped_blocks_joined() -> None:
    assert split_paragraphs("One line.\nTwo line.\r\n\nThree.") == ["One line.", "Two line.", "Three."]
    wrapped = "The council voted on Tuesday to approve a new\nfootbridge over the river.\n\nNext paragraph here."
    assert split_paragraphs(wrapped) == [
        "The council voted on Tuesday to approve a new footbridge over the river.",
        "Next paragraph here.",
    ]
    assert split_paragraphs("A\u00a0 b\u200b c") == ["A b c"]


def test_english_detected_and_french_flagged() -> None:
    assert guess_language(" ".join(PARAGRAPHS)).english
    french = (
        "Le conseil municipal a voté mardi pour approuver la construction d'une passerelle sur la rivière, "
        "et le maire a dit que le projet sera payé par la région pour la plus grande partie."
    )
    guess = guess_language(french)
    assert not guess.english and guess.language == "fr"
    assert not guess_language("Президент заявил в понедельник, что переговоры продолжатся.").english


def test_box_score_and_recipe_lists_stay_english() -> None:
    scores = "\n".join(
        [
            "GIRLS BASKETBALL",
            "Riverside d. Hilltop 61-40",
            "Riverside (2-0): Ames 21 points. Brook 12 points. Cole 9 points.",
        ]
        + ["Hilltop (0-2): Dunn 14 points. Ember 10 points. Fox 8 points. Gale 8 points."] * 3
    )
    assert guess_language(scores).english
    recipe = PARAGRAPHS[0] + "\n" + "\n".join(["Eggs [2 large] Asparagus [6 spears] Olive oil [1 tsp] Salt Pepper"] * 6)
    assert guess_language(recipe).english


def test_headline_directly_above_date_line_is_not_joined_to_it() -> None:
    text = (
        "Share this @example.org\n"
        "Europe tightens the screws: 48 firms hit in latest EU sanctions\n"
        "Published June 10, 2025 9:05 AM EDT\n\n"
        "BRUSSELS (AP) — European Union foreign ministers agreed early Tuesday on a new package.\n"
    )
    assert split_paragraphs(text)[1:3] == [
        "Europe tightens the screws: 48 firms hit in latest EU sanctions",
        "Published June 10, 2025 9:05 AM EDT",
    ]


def test_hard_wrapped_wire_copy_is_rejoined() -> None:
    text = (
        "The package freezes the assets of 48 companies and bars more than\n"
        "120 people from entering the bloc, officials said on Tuesday after\n"
        "nearly 14 hours of talks in Brussels.\n\n"
        "Second paragraph.\n"
    )
    assert split_paragraphs(text)[0].startswith("The package freezes") and len(split_paragraphs(text)) == 2


def test_wiki_image_size_and_a_split_surname_are_repaired() -> None:
    text = "120px Acme, the region's largest mill, will close.\n\nIts chief, Sean O' Hara, said so. O'Neill agreed."
    assert split_paragraphs(text) == [
        "Acme, the region's largest mill, will close.",
        "Its chief, Sean O'Hara, said so. O'Neill agreed.",
    ]
    # Sizes inside a sentence and an apostrophe before a lower-case word stay.
    assert split_paragraphs("The banner is 300px wide. O' the wind!") == ["The banner is 300px wide. O' the wind!"]


def test_no_break_spaces_become_plain_spaces_one_for_one() -> None:
    # Web copy puts no-break and thin spaces between words; each becomes a plain space and no
    # character moves, so offsets into the raw text (an evaluation's gold) still hold.
    raw = "Hillary Clinton\u00a0was headed to the\u2009rally at 5\u202fp.m."
    plain = plain_spaces(raw)
    assert plain == "Hillary Clinton was headed to the rally at 5 p.m."
    assert len(plain) == len(raw)
