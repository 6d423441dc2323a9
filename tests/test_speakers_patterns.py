"""Speaker mentions in news patterns that mislead the parser (``speaker_mentions``): each test is
named for the pattern, on texts written for it."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from dateline.nlp.model import load_nlp
from dateline.nlp.quote_data import lexicon
from dateline.nlp.quote_indirect import Attribution
from dateline.nlp.speaker_mentions import is_dateline, refine_speaker
from quote_helpers import find, quotes_of, speaker_text


def candidate_speaker(text: str, fragment: str) -> str | None:
    """The corrected speaker mention of the candidate attribution whose content holds ``fragment``,
    whether or not the learnt model keeps it (the test is about who speaks, not what is kept)."""
    from dateline.nlp.quotes import plan_quotes

    doc = load_nlp()(text)
    for p in plan_quotes(doc, text, lexicon(), candidates=True):
        if p.attribution is not None and fragment in text[p.start : p.end]:
            attr = refine_speaker(doc, p.attribution, lexicon())
            return text[attr.speaker[0] : attr.speaker[1]] if attr.speaker else None
    raise AssertionError(f"no candidate holds {fragment!r}")


def test_dateline_with_agency_is_not_the_speaker() -> None:
    text = "Denver (AFP) – Mayor Tom Hale has criticised the transit plan, saying that fares rose too fast."
    q = find(quotes_of(text), "fares")
    assert speaker_text(q) == "Mayor Tom Hale"


def test_dateline_with_date_and_agency_is_not_the_speaker() -> None:
    text = "CLEVELAND, July 19 (UPI) — Former judge Alan Crane told delegates that the law was flawed."
    q = find(quotes_of(text), "flawed")
    assert speaker_text(q) == "Former judge Alan Crane"


def test_second_said_after_and_keeps_the_first_speaker() -> None:
    q = find(quotes_of("Hale said the budget would fail and said that the council had ignored him."), "ignored")
    assert speaker_text(q) == "Hale"


def test_saying_after_a_reported_clause_is_the_reporter_speaking() -> None:
    text = "Lopez argued that a new tax would drive people away, saying it was a mistake."
    assert candidate_speaker(text, "mistake") == "Lopez"


def test_conjunct_cue_after_a_pronoun_clause_is_the_named_reporter() -> None:
    q = find(quotes_of("Ellis said she wanted more debate and predicted that the bill would pass."), "would pass")
    assert speaker_text(q) == "Ellis"


def test_reported_clause_with_its_own_speech_verb_keeps_its_speaker() -> None:
    text = "Hale cannot say that the plan failed, Lopez added, saying it should be up to voters."
    q = find(quotes_of(text), "up to voters")
    assert speaker_text(q) == "Lopez"


def test_subject_hidden_behind_appositions_speaks() -> None:
    text = "In a statement to the Herald, her senior adviser, Jake Sullivan, said: “The mayor is wrong.”"
    q = find(quotes_of(text), "mayor is wrong")
    assert speaker_text(q) is not None and "adviser" in speaker_text(q)  # type: ignore[operator]


def test_inverted_tag_name_after_said_speaks_and_its_participle_too() -> None:
    text = "“It helps,” said Skelly, explaining that he worked with her."
    assert speaker_text(find(quotes_of(text), "It helps")) == "Skelly"
    assert candidate_speaker(text, "worked with her") == "Skelly"


def test_share_of_voters_speaks() -> None:
    q = find(quotes_of("Four in 10 voters backed Hale, and 42 percent said that the mayor was honest."), "honest")
    assert speaker_text(q) == "42 percent"


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], ents: list[str]) -> Doc:
    """A parse shaped like the small model's mistakes (the model gets these fixtures right)."""
    return Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def _attr(doc: Doc, cue_i: int, speaker_i: int) -> Attribution:
    tok = doc[speaker_i]
    cue = doc[cue_i]
    return Attribution(
        cue=(cue.idx, cue.idx + len(cue)),
        cue_i=cue_i,
        speaker=(tok.idx, tok.idx + len(tok)),
        speaker_i=speaker_i,
        content=None,
        scope=(0, len(doc.text)),
        pattern="verb",
        lemma="say",
    )


def test_weekday_taken_as_subject_gives_way_to_the_person_before_the_verb() -> None:
    # "Saturday at the convention Senator Ellis said …" with the day as the subject.
    words = ["Saturday", "at", "the", "convention", "Senator", "Ellis", "said", "it", "failed", "."]
    heads = [6, 0, 3, 1, 5, 3, 6, 8, 6, 6]
    deps = ["nsubj", "prep", "det", "pobj", "compound", "appos", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "ADP", "DET", "NOUN", "PROPN", "PROPN", "VERB", "PRON", "VERB", "PUNCT"]
    ents = ["B-DATE", "O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O"]
    doc = _parsed(words, heads, deps, pos, ents)
    fixed = refine_speaker(doc, _attr(doc, 6, 0), lexicon())
    assert doc.text[fixed.speaker[0] : fixed.speaker[1]] == "Senator Ellis"  # type: ignore[index]


def test_place_in_a_scene_phrase_taken_as_subject_gives_way_to_the_person() -> None:
    # "Speaking in Dover, Delaware, Kasich said …" with the state as the subject.
    words = ["Speaking", "in", "Dover", ",", "Delaware", ",", "Kasich", "said", "it", "failed", "."]
    heads = [7, 0, 1, 2, 7, 4, 7, 7, 9, 7, 7]
    deps = ["advcl", "prep", "pobj", "punct", "nsubj", "punct", "npadvmod", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "VERB", "PRON", "VERB", "PUNCT"]
    ents = ["O", "O", "B-GPE", "O", "B-GPE", "O", "B-PERSON", "O", "O", "O", "O"]
    doc = _parsed(words, heads, deps, pos, ents)
    fixed = refine_speaker(doc, _attr(doc, 7, 4), lexicon())
    assert doc.text[fixed.speaker[0] : fixed.speaker[1]] == "Kasich"  # type: ignore[index]


def test_a_capital_that_speaks_is_not_a_dateline() -> None:
    doc = load_nlp()("Moscow said on Monday that the talks were useful.")
    assert not is_dateline(doc[0])
    q = find(quotes_of("Moscow said on Monday that the talks were useful."), "useful")
    assert speaker_text(q) == "Moscow"


def test_party_tag_after_the_name_before_said() -> None:
    # "At the fair Sen. Ellis (D-Ohio) said …" with the name hung off the fair and no subject.
    words = ["At", "the", "fair", "Sen.", "Ellis", "(", "D-Ohio", ")", "said", "it", "failed", "."]
    heads = [8, 2, 0, 4, 2, 4, 4, 4, 8, 10, 8, 8]
    deps = ["prep", "det", "pobj", "compound", "appos", "punct", "appos", "punct", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["ADP", "DET", "NOUN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"]
    tags = ["IN", "DT", "NN", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD", "PRP", "VBD", "."]
    lemmas = ["at", "the", "fair", "Sen.", "Ellis", "(", "D-Ohio", ")", "say", "it", "fail", "."]
    ents = ["O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O", "O"]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)
    attr = dataclasses.replace(_attr(doc, 8, 4), speaker=None, speaker_i=None)
    fixed = refine_speaker(doc, attr, lexicon())
    assert fixed.speaker is not None and doc.text[fixed.speaker[0] : fixed.speaker[1]] == "Sen. Ellis"


def test_cause_verb_object_holds_the_worry() -> None:
    q = find(quotes_of("The abrupt announcement led some voters to worry that the party would split."), "split")
    assert speaker_text(q) == "some voters"


def test_instrument_object_of_used_does_not_speak() -> None:
    q = find(quotes_of("Ellis used her speech to call for new elections."), "new elections")
    assert speaker_text(q) == "Ellis"


def test_asked_by_a_reporter_the_reporter_asks() -> None:
    q = find(quotes_of("“Absolutely,” Hale said when asked by a reporter whether the race was over."), "race was over")
    assert speaker_text(q) == "a reporter"


def test_according_to_a_report_by_its_author() -> None:
    q = find(quotes_of("Sales rose 60 percent, according to a report by the Energy Institute."), "Sales rose")
    assert speaker_text(q) == "the Energy Institute"


def test_estimate_by_an_office_speaks_for_the_office() -> None:
    text = "A 2014 estimate by the budget office projected that the cuts would cost billions."
    q = find(quotes_of(text), "cost billions")
    assert speaker_text(q) == "the budget office"


def test_parenthetical_tag_after_a_fronted_noun_is_the_speaker() -> None:
    q = find(quotes_of("Voters, Ellis suggested, do not have to worry about the banks."), "worry")
    assert speaker_text(q) == "Ellis"


def test_quoted_words_taken_as_subject_give_way_to_the_tag() -> None:
    q = find(quotes_of("“Too much hate,” she said, blaming some of it on the campaign."), "on the campaign")
    assert speaker_text(q) == "she"


def test_the_one_asked_does_not_speak() -> None:
    # "Sanders was asked about the case." with the open candidate's subject kept.
    words = ["Sanders", "was", "asked", "about", "the", "case", "."]
    heads = [2, 2, 2, 2, 5, 3, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "punct"]
    pos = ["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", "VBN", "IN", "DT", "NN", "."]
    lemmas = ["Sanders", "be", "ask", "about", "the", "case", "."]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    assert refine_speaker(doc, _attr(doc, 2, 0), lexicon()).speaker is None
    active = "Hale has asked the council to delay the vote."
    assert speaker_text(find(quotes_of(active), "delay")) == "Hale"  # a perfect, not a passive


def test_passive_subject_speaks_through_its_conjunct_cue() -> None:
    text = "Election officials were angered by the ruling and predicted that it would delay the count."
    q = find(quotes_of(text), "delay the count")
    assert speaker_text(q) == "Election officials"


def test_participle_after_a_denied_notion_is_the_denier_speaking() -> None:
    text = "Reached by phone, Hale denied the notion that a shakeup is coming, explaining that he was away on Monday."
    assert candidate_speaker(text, "away on Monday") == "Hale"


def test_name_with_party_tag_before_a_participle_clause_speaks_for_the_verb() -> None:
    # "Sen. X (D-Ill.), noting …, said, “…”": the parser hangs the name on the participle.
    text = (
        "But Sen. Ruth Palmer (D-Ore.), noting the size of the mayor's following, said, "
        '"Let me tell you, she has a heck of an email list, and she will use it."'
    )
    q = find(quotes_of(text), "heck of an email list")
    assert speaker_text(q) is not None and "Ruth Palmer" in str(speaker_text(q))


def test_capitalised_modal_before_a_past_tense_is_a_columnists_name() -> None:
    # "Will described Trump as …" (George Will): a modal never precedes a past tense.
    text = "In his column on Sunday, Will described the mayor as a “caricature of the city's worst habits.”"
    q = find(quotes_of(text), "caricature")
    assert speaker_text(q) == "Will"


def test_share_of_respondents_in_a_poll_sentence_is_the_poll_speaking() -> None:
    text = 'In a Tribune poll released Monday, 64 percent of Democrats said they were "very worried" about jobs.'
    q = find(quotes_of(text), "very worried")
    assert speaker_text(q) == "a Tribune poll"


def test_share_in_ten_of_a_survey_is_the_survey_speaking() -> None:
    text = "In the Ridley survey, six in 10 voters said the new tax on fuel was unfair to farmers."
    assert candidate_speaker(text, "unfair") == "the Ridley survey"


def test_share_of_voters_without_a_poll_speaks_for_itself() -> None:
    text = 'At the rally on Friday, 64 percent of the crowd said they were "very worried" about jobs.'
    q = find(quotes_of(text), "very worried")
    assert speaker_text(q) != "the rally"


def test_subject_hung_on_an_apposition_before_the_cue_speaks() -> None:
    text = (
        "In a call with radio hosts Tom Reed and Lara Quinn, the Republican presidential candidate "
        'stated that the governor\'s "reckless" plans do not "match anything I expected of him."'
    )
    q = find(quotes_of(text), "match anything")
    assert speaker_text(q) == "the Republican presidential candidate"


def test_official_described_by_a_relative_clause_before_the_cue_speaks() -> None:
    from dateline.nlp.speaker_mentions import _noun_right_before

    text = "Talks went on, a Treasury official who spoke anonymously to describe the private talks said."
    doc = load_nlp()(text)
    found = _noun_right_before(next(t for t in doc if t.text == "said"))
    assert found is not None and found.text == "official"


def test_a_noun_of_time_is_never_the_speaker() -> None:
    text = (
        "President Barack Obama expected the new company to make safe cars, and several times "
        "described what he anticipated as “better” and “fuel-efficient” cars."
    )
    assert speaker_text(find(quotes_of(text), "fuel-efficient")) != "several times"
    # The first verb's subject speaks for the second (Wikinews, in the demo corpus).
    text = (
        "He stated that he expected the restructured GM to make “high quality, safe, and fuel-efficient cars of "
        "tomorrow,” and several times described what he anticipated as “better” and “fuel-efficient” cars, "
        "after a streamlining of GM's brands."
    )
    assert speaker_text(find(quotes_of(text), "anticipated")) == "He"
    text = "If a price is not agreed on by that time, Fiat will pay the average of two estimates."
    assert all(speaker_text(q) != "that time" for q in quotes_of(text))


def test_a_title_with_a_noun_of_time_still_speaks() -> None:
    text = "Specifically, 24 Hours will tell the story of five American nurses who defended the clinic."
    assert candidate_speaker(text, "five American") == "24 Hours"


def test_saying_after_a_there_clause_is_the_reporter_speaking() -> None:
    text = (
        "Mannion stated that there was a possibility of routes elsewhere, saying, “We will prioritize the U.S. "
        "but we have an eye on the Far East.”"
    )
    assert speaker_text(find(quotes_of(text), "prioritize")) == "Mannion"


def test_a_person_the_parse_joined_to_a_place_before_said_speaks() -> None:
    text = (
        "Troubled by the unrest in Nevada, Senator Harry Wells, the minority leader, said that he had called "
        "Mr. Ellis on Tuesday."
    )
    assert speaker_text(find(quotes_of(text), "had called")) == "Senator Harry Wells"


def test_a_joined_verb_takes_the_name_the_parse_lost_from_the_first() -> None:
    # The parser hangs "Mulally" off "predicted" as a modifier, leaving both verbs without a subject.
    text = (
        "Mulally predicted that his company would meet or even surpass all of its financial targets, and "
        "suggested that the fourth quarter of this year could see it post an operating profit."
    )
    assert speaker_text(find(quotes_of(text), "fourth quarter")) == "Mulally"
    # A verb the parser joined to an object speaks for the object's verb's subject, not for the name
    # before that noun ("a fake British accent and joked").
    text = "He then put on a fake British accent and joked, “But I am just going to make it easier for them.”"
    assert speaker_text(find(quotes_of(text), "easier for them")) == "He"


def test_of_two_subjects_without_a_comma_a_name_after_words_naming_no_one_speaks() -> None:
    # The parser gives the verb two subjects: the idiom's noun ("No wonder") or a title run with a
    # phrase inside it, then the name. The name speaks; "Obama the realist" stays Obama's.
    text = 'Viewers left early.\n\nNo wonder Hale said, and I quote, "We love the quiet voters." He meant it.'
    assert speaker_text(find(quotes_of(text), "quiet voters")) == "Hale"
    text = "Harbor FM Senior Vice President for sports and music Dana Klein called the lineup “the best in the region.”"
    assert speaker_text(find(quotes_of(text), "best in")) == "Dana Klein"


def test_a_fronted_topic_before_the_speaker_is_not_the_speaker() -> None:
    # "Of Keller, Brandt, …, said": Keller is whom Brandt speaks about; the parser hangs the topic on
    # the name (or makes "Of" the subject, the name its object).
    text = (
        "“She works hard,” lawyer Paul Brandt said of Ortiz. Of Keller, Brandt, who has donated to the "
        "governor, said, “He is a mystery to me. I doubt he will last.”"
    )
    assert speaker_text(find(quotes_of(text), "mystery")) == "Brandt"
    text = (
        "“She works hard,” lawyer Paul Brandt said of Ortiz. “But she is new.” Of Keller, Brandt, who has "
        "donated to the governor, said, “He is a mystery to me.”"
    )
    assert speaker_text(find(quotes_of(text), "mystery")) == "Brandt"
