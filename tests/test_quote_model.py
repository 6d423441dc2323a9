"""The candidate model of the quotes layer: shipped weights, feature shape, and what it decides."""

from __future__ import annotations

import pytest

from dateline.nlp.model import load_nlp
from dateline.nlp.quote_data import lexicon
from dateline.nlp.quote_model import (
    FEATURE_VERSION,
    MODEL_FILE,
    CueModel,
    context_features,
    cue_model,
    feature_names,
    parse_model,
)
from dateline.nlp.quotes import plan_quotes
from quote_helpers import find, quotes_of, shipped_model, speaker_text


def test_model_file_ships_with_the_package() -> None:
    shipped_model(MODEL_FILE, "quotes_model_train.py", FEATURE_VERSION, 500)


def test_model_refuses_weights_of_another_feature_version() -> None:
    with pytest.raises(ValueError, match="feature_version"):
        parse_model({"feature_version": FEATURE_VERSION + 1, "weights": {}, "bias": 0.0, "threshold": 0.5})


def test_shipped_weights_are_features_this_code_produces() -> None:
    # Every weight is a name=value feature of a kind feature_names emits: if the features change
    # shape without retraining (and a version bump), this fails.
    kinds = {
        "bias", "lemma", "pattern", "lemma|pattern", "known", "known|pattern", "dep", "tag", "tag|pattern",
        "subject", "subject|known", "children", "lemma|children", "prep", "lemma|prep", "negated", "passive",
        "infinitive", "root", "content", "content_words", "pattern|content_words", "content_after",
        "content_before", "content_quoted", "content_first", "headline", "modal", "subject_before",
        "subject_after", "subject_of", "lemma|dep", "lemma|subject", "head", "sentence_quoted",
        "content_root", "pattern|content_root", "lemma|proposition", "lemma|content_pos", "content_ent",
        "lemma|content_ent", "content_first_pos", "lemma|content_words", "under", "pattern|under",
        "under|depth", "under|known", "ancestor", "pattern|ancestor", "ancestor_lemma", "lemma|ancestor",
        "inner_speech", "inner_verbs",
    }  # fmt: skip
    for name in cue_model().weights:
        assert name.split("=", 1)[0] in kinds, name


def test_features_describe_cue_subject_and_content() -> None:
    text = "The European Commission has imposed tariffs on individual exporters."
    doc = load_nlp()(text)
    cue = next(t for t in doc if t.lemma_ == "impose")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    content = (text.index("tariffs"), text.index("."))
    feats = feature_names(cue, subject, "object", content, text, lexicon())
    assert "lemma=impose" in feats
    assert "pattern=object" in feats
    assert "known=open" in feats  # not on any cue list: the model alone judges it
    assert "subject=ent:ORG" in feats
    assert "content_after" in feats
    assert "content_words=4-7" in feats


def test_stance_inside_a_said_clause_knows_the_verb_of_saying_above_it() -> None:
    # "The governor said she wants to repeal the tax": "wants" is part of what was said.
    text = "The governor said she wants to repeal the tax next year."
    doc = load_nlp()(text)
    cue = next(t for t in doc if t.lemma_ == "want")
    feats = context_features(cue, "object", lexicon())
    assert "under=speech" in feats
    assert "ancestor=speech|ccomp" in feats
    assert "ancestor_lemma=say|ccomp" in feats


def test_infinitive_under_an_intention_verb_names_the_verb_it_hangs_off() -> None:
    # "The union plans to endorse the mayor": the nearest verb above "endorse" is "plans", by xcomp.
    text = "The union plans to endorse the mayor in the spring."
    doc = load_nlp()(text)
    cue = next(t for t in doc if t.lemma_ == "endorse")
    feats = context_features(cue, "object", lexicon())
    assert "under=none" in feats
    assert "ancestor_lemma=plan|xcomp" in feats


def test_main_verb_of_a_sentence_has_no_ancestor() -> None:
    text = "The mayor endorsed the plan."
    doc = load_nlp()(text)
    cue = next(t for t in doc if t.lemma_ == "endorse")
    feats = context_features(cue, "object", lexicon())
    assert "ancestor=none" in feats
    assert "under|depth=none|0" in feats


def test_reported_clause_that_reports_another_act_is_marked() -> None:
    # "The mayor believes the council will announce a vote": the belief holds a verb of saying.
    text = "The mayor believes the council will announce a vote soon."
    doc = load_nlp()(text)
    cue = next(t for t in doc if t.lemma_ == "believe")
    content = (text.index("the council"), text.index("."))
    feats = feature_names(cue, doc[1], "verb", content, text, lexicon())
    assert "inner_speech=True" in feats
    assert "inner_verbs=1" in feats


def test_probability_is_a_logistic_of_the_summed_weights() -> None:
    model = CueModel(weights={"lemma=say": 2.0, "pattern=verb": 1.0}, bias=-3.0, threshold=0.5)
    assert model.probability(["lemma=say", "pattern=verb"]) == pytest.approx(0.5)
    assert model.probability(["lemma=say", "unknown=x"]) == pytest.approx(1 / (1 + 2.718281828**1))
    assert model.keeps(["lemma=say", "pattern=verb"])
    assert not model.keeps(["pattern=verb"])


def test_model_keeps_said_clause_and_drops_a_plain_action() -> None:
    text = "The senator said the bill would pass next week. The senator ate a sandwich at noon."
    doc = load_nlp()(text)
    spans = {text[p.start : p.end] for p in plan_quotes(doc, text, lexicon(), cue_model())}
    assert "the bill would pass next week" in spans
    assert not any("sandwich" in s for s in spans)


def test_open_candidate_is_proposed_for_any_verb_with_a_complement() -> None:
    text = "The European Commission has imposed tariffs on individual exporters."
    doc = load_nlp()(text)
    found = plan_quotes(doc, text, lexicon(), candidates=True)
    imposed = [p for p in found if p.attribution is not None and p.attribution.lemma == "impose"]
    assert imposed and imposed[0].attribution is not None and imposed[0].attribution.open
    assert "tariffs on individual exporters" in text[imposed[0].start : imposed[0].end]
    # Without the model (rules only) a verb outside the cue lists proposes nothing.
    assert not any(p.attribution is not None and p.attribution.open for p in plan_quotes(doc, text, lexicon()))


def test_open_candidate_never_takes_words_of_a_reported_clause() -> None:
    # "impose" sits inside what the minister said: one attribution, the minister's.
    text = "The minister said the council would impose sanctions on the regime."
    doc = load_nlp()(text)
    planned = plan_quotes(doc, text, lexicon(), CueModel(weights={}, bias=5.0, threshold=0.5))
    cues = [p.attribution.lemma for p in planned if p.attribution is not None]
    assert cues == ["say"]


def test_nominal_cue_with_a_that_clause_is_a_candidate() -> None:
    text = "Trump's claim that he won the debate spread quickly."
    doc = load_nlp()(text)
    found = plan_quotes(doc, text, lexicon(), candidates=True)
    claim = next(p for p in found if p.attribution is not None and p.attribution.pattern == "noun")
    assert text[claim.start : claim.end] == "that he won the debate"
    assert claim.attribution is not None and claim.attribution.speaker is not None
    assert text[claim.attribution.speaker[0] : claim.attribution.speaker[1]].startswith("Trump")


def test_trailing_clause_with_an_act_of_its_own_is_not_the_reported_words() -> None:
    # "…, although she refused to …": the clause holds a cue of its own, another attribution.
    text = "She insisted that the plan was fair, although she refused to release its cost."
    doc = load_nlp()(text)
    spans = {text[p.start : p.end] for p in plan_quotes(doc, text, lexicon())}  # rules alone: the trim is a rule
    assert "that the plan was fair" in spans


def test_trailing_adverbial_clause_is_part_of_the_reported_words() -> None:
    # PolNeAR train includes a trailing "because …" / "while …" / participle clause in the reported
    # words about two times in three.
    text = "He said the vote was delayed, because the chairman was ill."
    doc = load_nlp()(text)
    spans = {text[p.start : p.end] for p in plan_quotes(doc, text, lexicon())}
    assert "the vote was delayed, because the chairman was ill" in spans


def test_listed_cue_without_a_clause_offers_its_object() -> None:
    # "tweet" is on the cue lists but has no reported clause here: its object is a candidate.
    text = "The senator tweeted a chart of wildly inaccurate crime statistics."
    doc = load_nlp()(text)
    found = plan_quotes(doc, text, lexicon(), candidates=True)
    tweeted = [p for p in found if p.attribution is not None and p.attribution.lemma == "tweet"]
    assert any(text[p.start : p.end] == "a chart of wildly inaccurate crime statistics" for p in tweeted)


def test_prepositional_complement_starts_after_the_preposition() -> None:
    text = "The governor weighed in on the allegations against the campaign manager."
    doc = load_nlp()(text)
    found = plan_quotes(doc, text, lexicon(), candidates=True)
    spans = {text[p.start : p.end] for p in found if p.attribution is not None and p.attribution.lemma == "weigh"}
    assert "the allegations against the campaign manager" in spans


def test_time_phrase_closing_an_object_is_not_content() -> None:
    text = "The mayor called the budget “reckless” on Tuesday."
    doc = load_nlp()(text)
    spans = {text[p.start : p.end] for p in plan_quotes(doc, text, lexicon())}
    assert "the budget “reckless”" in spans


def test_past_tense_verb_joined_to_the_objects_infinitive_is_a_second_act() -> None:
    # The parse hangs "accused" on "release"; a past tense cannot join an infinitive, so it is "asked"'s
    # conjunct and its words are not what was asked.
    text = "The senator asked the agency to release the records and accused it of stalling for months."
    doc = load_nlp()(text)
    spans = {text[p.start : p.end] for p in plan_quotes(doc, text, lexicon(), candidates=True)}
    assert "the agency to release the records" in spans
    assert not any("stalling" in s and "agency" in s for s in spans)


def test_partial_quote_takes_its_cues_whole_complement() -> None:
    # "blame" reports no clause; with the model the partial quote's content is the whole complement.
    text = "The chief blamed the riots on “deep distrust” against the police."
    doc = load_nlp()(text)
    planned = plan_quotes(doc, text, lexicon(), cue_model())
    kinds = {text[p.start : p.end]: p.kind.value for p in planned}
    assert kinds.get("deep distrust") == "partial"
    assert kinds.get("the riots on “deep distrust” against the police") == "mixed"
    blame = {id(p.attribution) for p in planned if p.attribution is not None}
    assert len(blame) == 1  # one attribution: the eval groups them as one relation


def test_stance_adjective_offers_what_it_is_about() -> None:
    text = "Many voters were angry about the Iraq War and its cost."
    doc = load_nlp()(text)
    found = plan_quotes(doc, text, lexicon(), candidates=True)
    angry = [p for p in found if p.attribution is not None and p.attribution.pattern == "adjective"]
    assert angry and text[angry[0].start : angry[0].end] == "the Iraq War and its cost"
    assert angry[0].attribution is not None and angry[0].attribution.speaker is not None


def test_listed_cue_with_a_misparsed_clause_still_offers_its_object() -> None:
    # The parser may hang an earlier clause on "accept"; its object stays a candidate of its own.
    text = (
        "The mogul was expected to sail past the delegates needed on the first ballot and, "
        "if he keeps with custom, Hale will formally accept the nomination Friday."
    )
    doc = load_nlp()(text)
    found = plan_quotes(doc, text, lexicon(), candidates=True)
    spans = {text[p.start : p.end] for p in found if p.attribution is not None and p.attribution.lemma == "accept"}
    assert any(s.startswith("the nomination") for s in spans)


def _candidates(text: str) -> list[tuple[str, str, str | None]]:
    """(pattern, content, speaker) of every unjudged candidate of ``text``."""
    doc = load_nlp()(text)
    out = []
    for p in plan_quotes(doc, text, lexicon(), candidates=True):
        a = p.attribution
        if a is not None:
            speaker = text[a.speaker[0] : a.speaker[1]] if a.speaker is not None else None
            out.append((a.pattern, text[p.start : p.end], speaker))
    return out


def test_passive_stance_is_about_its_subject() -> None:
    # "The merits of the program are being debated": what the stance is about is the passive subject.
    found = _candidates("The merits of the visa program were questioned by several senators.")
    assert ("passive", "The merits of the visa program", "several senators") in found


def test_relative_clause_stance_is_about_the_noun_it_modifies() -> None:
    # "— a controversial proposal he has raised at various points": the noun is the content.
    found = _candidates("Trump repeated a controversial proposal he has raised before.")
    assert ("relative", "a controversial proposal", "he") in found


def test_noun_cue_offers_its_prepositional_object() -> None:
    # "his obsession with Mexico", "comments on the shooting": a nominal stance and its object.
    found = _candidates("The senator's comments on the shooting drew criticism.")
    assert ("noun_object", "the shooting", "The senator") in found


def test_noun_cue_offers_its_infinitive_and_the_verbs_subject() -> None:
    # "Obama's decision to …"; "Trump's latest effort to bounce back …".
    found = _candidates("The president made a decision to restore relations with Cuba.")
    assert ("noun_object", "to restore relations with Cuba", "The president") in found


def test_participle_modifying_a_noun_is_a_stance_not_a_name() -> None:
    # "pastors supporting Mr. Cruz": the participle's holder is the noun it modifies.
    found = _candidates("Dozens of pastors supporting Mr. Cruz gathered in Des Moines.")
    assert any(c == "Mr. Cruz" and s is not None and "pastors" in s for _, c, s in found)


def test_listed_cue_nested_in_a_report_keeps_an_open_candidate() -> None:
    # "In a move that shocked everyone, Christie endorsed Trump": the object is still proposed when
    # the rules drop the cue as nested inside another attribution's content.
    text = "Officials said that Christie endorsed Trump last week."
    doc = load_nlp()(text)
    found = plan_quotes(doc, text, lexicon(), candidates=True)
    endorsed = [text[p.start : p.end] for p in found if p.attribution is not None and p.attribution.lemma == "endorse"]
    assert "Trump" in endorsed


def test_fact_check_of_a_claim_leaves_the_claim_to_its_owner() -> None:
    # "Politifact's fact check of Trump's claim that …": the claim reports the content, not the check.
    found = _candidates("Politifact's review of Trump's claim that crime is rising was harsh.")
    assert not any(p == "noun_object" and "crime is rising" in c for p, c, _ in found)
    assert ("noun", "that crime is rising", "Trump") in found


def test_comma_inside_the_closing_mark_still_sets_off_a_trailing_clause() -> None:
    # "introduced the “War On Drugs,” which came with …": the relative clause is the writer's.
    text = "The senator criticized the “War On Drugs,” which came with harsh laws that filled prisons."
    doc = load_nlp()(text)
    found = plan_quotes(doc, text, lexicon(), candidates=True)
    spans = {text[p.start : p.end] for p in found if p.attribution is not None and p.attribution.lemma == "criticize"}
    assert "the “War On Drugs,”" in spans or "the “War On Drugs”" in spans, spans


def test_passive_holder_of_a_stance_object_is_its_subject() -> None:
    # "Clinton is now assured of winning at least 334 of the 865 delegates": Clinton holds it.
    found = _candidates("Lee is now assured of carrying at least 212 districts.")
    assert any(s == "Lee" and "212 districts" in c for _, c, s in found), found


def test_passive_that_names_what_its_subject_is_has_no_holder() -> None:
    # "was projected the winner", "is listed as the chairman", "is seen as capable": the subject is
    # what the complement names, not one who holds a view; nobody in the sentence says it.
    for text in (
        "The mayor was projected the winner.",
        "Hale is listed as the chairman of the group.",
        "Lee is seen as far more capable than Ortiz.",
    ):
        found = _candidates(text)
        assert found and all(s is None for _, _, s in found), (text, found)


def test_title_case_headline_verb_read_as_a_name_still_splits_who_and_what() -> None:
    # "Jeb Bush Super PAC Chief Praises Marco Rubio Donor's … Campaign": the parser tags "Praises" PROPN.
    text = "Super PAC Chief Praises Marco Rubio Donor’s Skywriting Campaign\n\nThe skies were clear on Tuesday."
    found = _candidates(text)
    assert ("title_headline", "Marco Rubio Donor’s Skywriting Campaign", "Super PAC Chief") in found, found


def test_title_case_headline_verb_read_as_a_verb_without_a_clause_still_splits_who_and_what() -> None:
    # "… Doctor Says Mayor Hid …": the parser reads "Says" as a verb whose object is the whole rest,
    # which gives the rules no reported clause.
    text = "Former Army Doctor Says Mayor Hid Past Health Problems From Voters\n\nThe council met on Monday."
    found = _candidates(text)
    assert ("title_headline", "Mayor Hid Past Health Problems From Voters", "Former Army Doctor") in found, found
    quote = find(quotes_of(text), "Health Problems")
    assert quote.kind.value == "indirect" and speaker_text(quote) == "Former Army Doctor"


def test_sentence_case_line_is_not_a_title_case_headline() -> None:
    found = _candidates("The senator praises the new budget deal.")
    assert not any(p == "title_headline" for p, _, _ in found)


def test_title_run_into_the_first_sentence_does_not_become_its_speaker() -> None:
    # A title without a final stop is parsed into the lede: "… Campaign Over Iowa Today\n\nThe chief
    # of the super PAC said …" gives "said" two subjects; the one in the cue's paragraph speaks.
    text = (
        "Super PAC Chief Praises Donor’s Skywriting Campaign Over Iowa Today\n\n"
        "The chief of the super PAC said on Tuesday that the campaign was a success."
    )
    found = _candidates(text)
    assert ("verb", "that the campaign was a success", "The chief") in found, found
