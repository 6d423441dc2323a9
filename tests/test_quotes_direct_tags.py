"""Quote tags read from their words (``quote_frames.surface_tag``) and the short tagged quote, on
our own texts: each test names the news convention it pins."""

from __future__ import annotations

from dateline.nlp.model import load_nlp
from dateline.nlp.quote_frames import surface_tag
from dateline.nlp.quote_marks import find_segments
from dateline.schema import Quote
from quote_helpers import cue_text, find, quotes_of, speaker_text


def speaker_of(quotes: list[Quote], words: str) -> str | None:
    """The speaker mention of the quote whose text starts with ``words``."""
    quote = next(q for q in quotes if q.text.startswith(words))
    return quote.speaker.text if quote.speaker is not None else None


def test_tag_with_an_age_apposition_after_the_name_gives_the_name() -> None:
    # "“…,” Ramos, 58, told AFP …": the parser hangs "told" on the quote and takes "We" as its subject.
    text = (
        "“We were badly wrong not to have stood up to him from the beginning,” Lena Ortiz, 58, "
        "told a radio station in Lisbon on Monday."
    )
    assert speaker_of(quotes_of(text), "We were badly wrong") == "Lena Ortiz"


def test_tag_with_an_unlisted_verb_followed_by_another_clause() -> None:
    # "“…,” Trump barked and a guard …": the verb is not a cue and the sentence runs on.
    text = "“Go back to your seat,” Mayor Hale barked and an usher led the heckler out."
    quotes = quotes_of(text)
    assert speaker_of(quotes, "Go back to your seat") == "Mayor Hale"
    assert next(q for q in quotes if q.text.startswith("Go back")).cue is not None


def test_tag_with_a_relative_clause_apposition() -> None:
    text = (
        "“The council needs a plan for the river district,” Nate Greer, the analyst who founded "
        "the survey, wrote on Wednesday."
    )
    assert speaker_of(quotes_of(text), "The council needs") == "Nate Greer"


def test_tag_after_a_quote_closing_on_a_nested_quote() -> None:
    # "'Oh, just vote for her,' " Sanders told CNN: the quote ends on a single mark after the comma.
    text = (
        "\"It's not just a senator saying, 'Oh, yes, just vote for the mayor,' \" Ellen Park told a reporter on Sunday."
    )
    assert speaker_of(quotes_of(text), "It's not just a senator") == "Ellen Park"


def test_inverted_tag_with_a_lone_speaker_word() -> None:
    # Signs and messages in a crowd: "“…,” read one."
    text = "“Our town is not for sale! Vote no on the mall,” read one."
    assert speaker_of(quotes_of(text), "Our town is not for sale") == "one"


def test_participle_naming_a_website_is_not_a_tag() -> None:
    # "“anybodybuttrump.us,” a website linked to a group …": a participle, not a speaker's tag.
    text = "One banner read “savethepier.org,” a website linked to a group called the Harbor Fund."
    doc = load_nlp()(text)
    seg = find_segments(text)[0]
    assert surface_tag(doc, text, seg) is None


def test_participle_needed_to_after_a_partial_quote_is_not_a_tag() -> None:
    text = "He said no one in the race is “on pace to win 1,237 delegates,” the number needed to clinch it."
    doc = load_nlp()(text)
    seg = find_segments(text)[0]
    assert surface_tag(doc, text, seg) is None


def test_short_capitalised_quote_with_an_inverted_tag_is_speech_not_a_title() -> None:
    text = "“No,” replied Jo Hale, the president of the network, on Monday."
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["No"]
    assert speaker_of(quotes, "No") == "Jo Hale"


def test_short_quote_with_a_pronoun_tag_is_speech() -> None:
    text = "The mayor was asked whether she would run again.\n\n“Absolutely,” she said."
    assert speaker_of(quotes_of(text), "Absolutely") == "she"


def test_participle_before_a_quote_speaks_for_the_subject_of_the_clause_before_it() -> None:
    # "Flea shared the news online, writing “…”": the parse makes "writing" a subject of the quote.
    text = (
        "The singer shared the news online last week, writing “Feels great to back a man I believe in. "
        "This is a man with integrity.”"
    )
    quotes = quotes_of(text)
    assert speaker_of(quotes, "Feels great") == "The singer"


def test_tag_subject_with_a_hyphenated_age() -> None:
    text = "“What if the mayor took singing lessons?” the 43-year-old asked in the video's caption."
    assert speaker_of(quotes_of(text), "What if the mayor") == "the 43-year-old"


def test_tag_subject_with_a_prepositional_phrase() -> None:
    # Campaign ads: "“…,” a voice-over in the ad states."
    text = "“She is the only one strong enough to fix the roads and the schools,” a voice-over in the ad states."
    assert speaker_of(quotes_of(text), "She is the only one") == "a voice-over in the ad"


def test_tag_verb_the_tagger_reads_as_a_noun() -> None:
    # Editorials and statements: "“…,” the editorial read." ("read" tagged as a noun).
    text = "“If he wants to be the next governor, he should act like one and visit the coast,” the editorial read."
    quotes = quotes_of(text)
    assert speaker_of(quotes, "If he wants") == "the editorial"
    assert next(q for q in quotes if q.text.startswith("If he wants")).cue is not None


def test_tag_subject_with_a_hyphenated_title() -> None:
    text = '"Governor, let me spare you - the answer is no," the Democratic vice-presidential nominee told him.'
    assert speaker_of(quotes_of(text), "Governor, let me") == "the Democratic vice-presidential nominee"


def test_inverted_tag_whose_speaker_phrase_runs_on() -> None:
    # Social media: "“…,” tweeted a user from Hanover going by the handle …".
    text = (
        '"Nobody may say a word against them. We are not free anymore," tweeted a '
        "Dutch user from Utrecht going by the handle Kleiber."
    )
    speaker = speaker_of(quotes_of(text), "Nobody may say")
    assert speaker is not None and "Dutch user" in speaker


def test_lead_in_ending_on_the_verbs_object_frames_the_quote() -> None:
    # "X makes a case: “…”", "the rally had one message: “…”": the colon ends an object, not the verb.
    text = 'The rally by the city\'s clergy had one message: "Dump the mayor."'
    quotes = quotes_of(text)
    assert speaker_of(quotes, "Dump the mayor") == "The rally"
    assert next(q for q in quotes if q.text.startswith("Dump")).kind.value == "direct"


def test_lead_in_after_a_long_object_keeps_the_whole_quote() -> None:
    text = (
        "The union's chief makes a blunt case: “Workers built this town. We stand up for them, "
        "and we will not back down.”"
    )
    quotes = quotes_of(text)
    quote = next(q for q in quotes if q.text.startswith("Workers built"))
    assert quote.speaker is not None and "chief" in quote.speaker.text


def test_tag_subject_wins_over_an_object_the_parse_took_for_the_speaker() -> None:
    # "“…,” Bozell, founder of …, tells Breitbart News": the outlet told is not the speaker.
    text = (
        "“Yes, I support the governor,” Brent Hale III, founder of the Media Watch Center, tells "
        "the Ledger in an exclusive interview."
    )
    speaker = speaker_of(quotes_of(text), "Yes, I support")
    assert speaker is not None and "Brent Hale" in speaker


def test_quote_resuming_the_sentence_after_its_tag_keeps_the_tags_cue() -> None:
    # "“…,” Thiel wrote in a statement, explaining why he spoke, “but most agree …”"
    text = (
        "“Plenty of voters are unsure this year,” Ann Hale wrote in a statement explaining "
        "why she is speaking at the convention, “but most of them know the county needs a change.”"
    )
    quotes = quotes_of(text)
    first = next(q for q in quotes if q.text.startswith("Plenty of voters"))
    second = next(q for q in quotes if q.text.startswith("but most"))
    assert first.cue is not None and second.cue is not None
    assert second.cue.start == first.cue.start


def test_sentence_after_a_quote_ending_on_a_full_stop_is_not_its_tag() -> None:
    # "“We feel good.” She noted a planned rally …": a new sentence, not a tag.
    text = (
        "“I completely disagree with the claim,” Hale said. “We feel good about the places we are going.” "
        "She noted a planned rally on Saturday in Sioux City."
    )
    quotes = quotes_of(text)
    first = next(q for q in quotes if q.text.startswith("I completely"))
    second = next(q for q in quotes if q.text.startswith("We feel good"))
    assert first.cue is not None and second.cue is not None
    assert second.cue.text == "said"


def test_misplaced_stop_before_a_short_tag_still_tags() -> None:
    text = "“If you are listening, I hope you can find the missing files.” Mayor Hale said."
    assert speaker_of(quotes_of(text), "If you are listening") == "Mayor Hale"


def test_short_quote_after_a_lead_in_with_an_adverb_is_its_cues() -> None:
    # "…, who responds enthusiastically: "Okay!"" (not the previous quote's speaker carried on).
    text = '"Tell everybody to come to the square," Hale says to Ortiz on camera, who answers eagerly: "Sure!"'
    quote = next(q for q in quotes_of(text) if q.text == "Sure!")
    assert quote.cue is not None and quote.cue.text == "answers"


def test_cue_leading_in_the_next_quote_does_not_tag_the_one_before() -> None:
    # Email threads: "X responds with, “…?” Y then writes back, “…”".
    text = (
        "In one exchange, Ellis responds to Moore with, “Why now? That was on my way to Lima?” "
        "Moore then writes back, “You look great.”"
    )
    quotes = quotes_of(text)
    assert speaker_of(quotes, "Why now?") == "Ellis"
    assert speaker_of(quotes, "You look great") == "Moore"


def test_statement_lead_in_ending_the_paragraph_before_the_quote() -> None:
    # "X released the following statement:" then the statement as its own paragraph.
    text = (
        "Former Governor Hale released the following statement:\n\n"
        "“Mary and I send our sympathy to the family and friends of the judge. "
        "I remember working with him at the bar in 1983.”"
    )
    speaker = speaker_of(quotes_of(text), "Mary and I send")
    assert speaker is not None and "Hale" in speaker


def test_voice_verb_of_a_bystander_before_a_short_quote() -> None:
    # "a man yelled “Stay there!”": the parse hangs "yelled" on "man" as a reduced relative.
    text = "Some in the crowd jeered, and when the governor said it was good to be back, a man yelled “Go home!”"
    assert speaker_of(quotes_of(text), "Go home") == "a man"


def test_conjoined_lead_in_verb_borrows_the_sentence_subject() -> None:
    # "X gestured …, then leaned in and boomed: “…”".
    text = "Hale gestured as if to stop the noise, then leaned in and boomed: “Let’s beat them in November.”"
    assert speaker_of(quotes_of(text), "Let’s beat them") == "Hale"


def test_voice_verb_conjoined_with_a_passive_borrows_its_subject() -> None:
    text = (
        "As the crowd began to chant, Ortiz was joined on stage again by Senator Ellis and joked, "
        "“Stay home people, you are being ridiculous,” drawing loud jeers."
    )
    assert speaker_of(quotes_of(text), "Stay home people") == "Ortiz"


def test_comma_lead_in_with_any_verb_frames_a_quoted_sentence() -> None:
    # "After X criticized Y, Hillary shot back, “…”": not the earlier clause's cue.
    text = (
        "After Governor Brown criticized the senator during a debate, Ellis shot back, "
        "“I suppose I could have stayed home, but I chose to fulfill my profession.”"
    )
    assert speaker_of(quotes_of(text), "I suppose") == "Ellis"


def test_as_someone_put_it_frames_the_quoted_sentence_after_it() -> None:
    # "As one voter put it, “…”": the idiom's "it" stands between the verb and the comma.
    quotes = quotes_of(
        "Turnout fell again in the valley towns. "
        "As one retired teacher put it, “Nobody here listens to us anymore.”\n\n"
        "Or, as the governor summed it up, “We will not back down on the budget.”"
    )
    assert speaker_of(quotes, "Nobody here listens") == "one retired teacher"
    assert speaker_of(quotes, "We will not back down") == "the governor"


def test_lead_in_whose_subject_is_what_speaks_for_the_verb_above() -> None:
    # "X has since apologized for what happened: “…”": "what" is not the speaker.
    text = (
        'Ellis has since apologized for what went on: "Yes, I ought to have kept two ledgers. '
        'Not doing so was an error."'
    )
    assert speaker_of(quotes_of(text), "Yes, I ought") == "Ellis"


def test_caption_which_reads_speaks_for_who_added_it() -> None:
    text = "Henry added the caption which reads, “Aides told me the photo of the governor violates the rules.”"
    assert speaker_of(quotes_of(text), "Aides told me") == "Henry"


def test_title_case_slogan_chanted_by_a_crowd_is_speech() -> None:
    text = (
        "Hundreds of demonstrators marched through the square on Monday, "
        'chanting "Ellis or Ortiz, No Hale," before dusk.'
    )
    assert speaker_of(quotes_of(text), "Ellis or Ortiz") == "Hundreds of demonstrators"


def test_title_after_a_verb_of_writing_stays_a_title() -> None:
    text = "Hale wrote “The Art of the River” in 1987 and sold the rights a year later."
    assert not [q for q in quotes_of(text) if q.kind.value == "direct"]


def test_tag_whose_subject_is_a_number_standing_for_people() -> None:
    # "“…,” the two write.": "two" heads the subject and the tagger reads "write" as a noun.
    text = "“You appear to have invented a fresh test from nowhere,” the two write. “We do not see why.”"
    assert speaker_of(quotes_of(text), "You appear to have invented") == "the two"


def test_the_writers_and_i_quote_is_no_cue_of_its_own() -> None:
    # "said, and I quote, “…”": the writer vouches for the words; the mayor said them.
    text = 'No wonder the mayor said, and I quote, "We love the quiet voters." She treats them as fools.'
    quote = next(q for q in quotes_of(text) if q.text.startswith("We love"))
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text == "the mayor"


def test_a_pull_quote_signed_on_the_line_after_it() -> None:
    # A quote paragraph, then "Name, Affiliation." as the next paragraph: the signature names the
    # speaker and closes the quote (the next quote paragraph does not carry it on); a sentence
    # after the quote is no signature.
    text = (
        '"We will see more strikes before the summer is out, and the ports will feel it first."\n\n'
        "Ann Hale, Institute for Labor Studies.\n\n"
        '"Wages are rising faster than anyone expected this year."\n\n'
        "Tom Reyes, a rival economist, disagreed strongly.\n\n"
        '"The ports are ready for whatever comes next, in my view."\n\n'
        "Maria Lopez.\n"
    )
    speakers = {q.text[:9]: q.speaker.text if q.speaker else None for q in quotes_of(text)}
    assert speakers == {"We will s": "Ann Hale", "Wages are": None, "The ports": "Maria Lopez"}


def test_a_tag_after_a_long_apposition_keeps_its_verb() -> None:
    # "“…,” Ortiz, <a 26-word apposition>, said when Keller asked": the tag is "Ortiz … said", not the
    # question Keller asked in the clause after it.
    text = (
        "“A sharp mind, a really sharp mind this woman,” Ortiz, the county's longest-serving commissioner "
        "and the current chair of the finance board by a wide margin after winning the autumn vote in all "
        "four districts, said when Keller asked her about the hire."
    )
    quote = find(quotes_of(text), "sharp mind")
    assert speaker_text(quote) == "Ortiz" and cue_text(quote) == "said"


def test_a_tagged_quote_after_the_writers_clause_is_the_whole_of_what_was_said() -> None:
    # "X weighed in, telling a paper on Monday, “…,” he said": the quote opens after the writer's
    # comma and its tag follows the closing mark, so it is a direct quote of its own; the clause before
    # it is the writer's narration, no reported speech of the tag's (a second quote after the tag
    # does not make the first one part of a longer sentence).
    text = (
        "The senator weighed in as well, telling a magazine in an interview published on Monday, "
        "“But really, they are both fine,” he said, adding, “Ann is truly ready to be mayor.”"
    )
    quotes = quotes_of(text)
    assert [(q.kind.value, q.text) for q in quotes] == [
        ("direct", "But really, they are both fine"),
        ("direct", "Ann is truly ready to be mayor."),
    ]
    assert cue_text(quotes[0]) == "said" and speaker_text(quotes[0]) == "he"


def test_comma_closing_the_subjects_apposition_opens_no_inverted_tag() -> None:
    # "Cruz (R-Tex.), a candidate …, tweeted a warning": the comma ends Cruz's apposition, so
    # "a warning" after the verb is its object, not the speaker of an inverted tag.
    text = (
        "Sen. Ted Cruz (R-Tex.), a Republican candidate who has made religious liberty a centerpiece of "
        "his campaign, tweeted a warning. “Remember in November the senators who blocked this bill.”\n"
    )
    for fragment in ("a warning", "Remember in November"):
        assert speaker_text(find(quotes_of(text), fragment)) == "Sen. Ted Cruz"


def test_inverted_tag_with_a_title_noun_the_tagger_read_as_a_verb() -> None:
    # "said commuter Priya Shah, 34,": "commuter" was tagged a verb, so the tag had no speaker.
    text = "Rail strike\n\n“It is the third time this year,” said commuter Priya Shah, 34, at the station.\n"
    assert speaker_text(find(quotes_of(text), "third time")) == "commuter Priya Shah"
