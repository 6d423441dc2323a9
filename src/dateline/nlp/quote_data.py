"""The quotes layer's heuristics, loaded once from ``data/quote_cues.json``, ``data/first_names.json``
and ``data/quote_cue_weights.json`` (cue reliabilities learnt on PolNeAR train by
``eval/quotes_train.py``).

Reporting verbs, role nouns, pronoun features and thresholds are data so that a reader can
extend them without touching control flow (see STYLE.md, "heuristics as data").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources


@dataclass(frozen=True)
class QuoteLexicon:
    """Every list the quotes layer consults, as frozen sets."""

    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    object_cue_verbs: frozenset[str]
    object_deps: frozenset[str]
    object_preps: frozenset[str]
    headline_label_words: frozenset[str]
    naming_deps: frozenset[str]
    participle_deps: frozenset[str]
    relative_pronouns: frozenset[str]
    pronoun_features: dict[str, str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    male_role_words: frozenset[str]
    female_role_words: frozenset[str]
    role_nouns: frozenset[str]
    group_nouns: frozenset[str]
    organisation_types: frozenset[str]
    speaker_types: frozenset[str]
    naming_words: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    scare_max_words: int
    headline_max_speaker_tokens: int
    max_pronoun_sentence_distance: int
    direct_max_words_outside: int
    unreliable_cues: frozenset[str] = frozenset()
    learned_cue_verbs: frozenset[str] = frozenset()
    sourceless_cues: frozenset[str] = frozenset()
    trailing_cut_deps: frozenset[str] = frozenset()
    noun_object_preps: frozenset[str] = frozenset()
    # Open candidates: "In a CNN poll, …" (the document says so), "For most voters, …" (a viewpoint),
    # "… is reportedly spending …" (reported without a named source).
    source_nouns: frozenset[str] = frozenset()
    viewpoint_preps: frozenset[str] = frozenset()
    hearsay_adverbs: frozenset[str] = frozenset()
    negating_verbs: frozenset[str] = frozenset()
    negating_subjects: frozenset[str] = frozenset()
    # "The company said", "the Detroit automaker said": an organisation named earlier in the article.
    organisation_nouns: frozenset[str] = frozenset()
    # "the CEO" for "Apple's chief executive", "the spokesman" for "spokesperson Jo Hale".
    role_synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # "the airline": the latest organisation whose name holds one of these words.
    organisation_kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    # "the company", "the firm": a business, never a public body whose name ends on one of
    # ``public_body_heads`` ("the European Commission opened a probe into Nimbus, the company said").
    company_nouns: frozenset[str] = frozenset()
    public_body_heads: frozenset[str] = frozenset()
    # "the agency", "the regulator": a public body named before, never a company.
    public_body_nouns: frozenset[str] = frozenset()
    # "The premier of the German state of …": a prepositional phrase that describes an unnamed speaker.
    speaker_description_preps: frozenset[str] = frozenset()
    # "said Stephen Harper, Prime Minister of Canada.": a paragraph that is only the tag of the quote above.
    tag_paragraph_verbs: frozenset[str] = frozenset()
    # "despite calls for …": a noun whose stance is not the clause's subject's.
    others_preps: frozenset[str] = frozenset()
    opposing_verbs: frozenset[str] = frozenset()
    # "… so that their children could live …, concluding that …": the participle is the main clause's.
    purpose_marks: frozenset[str] = frozenset()
    # "shortly after the senator suspended his campaign, Cruz said …": a clause of time is not reported.
    adverbial_marks: frozenset[str] = frozenset()
    # "Jobs wrote: Team, I will …": the verb's subject is the author of the unquoted "I".
    writing_verbs: frozenset[str] = frozenset()
    # "accepted “about $90,000” from two developers": the reported words go on after a quote's mark,
    # unless a scene-setting preposition ("… during a hearing") follows it.
    quote_tail_deps: frozenset[str] = frozenset()
    writer_preps: frozenset[str] = frozenset()
    # "Clinton camp: …", "Democrats' new warning: …": nouns a sentence-case headline's speaker may end on,
    # besides role, group, organisation and source nouns.
    headline_speaker_nouns: frozenset[str] = frozenset()
    # "the Australian government said": nouns that speak for the country their modifier names.
    state_nouns: frozenset[str] = frozenset()
    # "said, and I quote, “…”": the writer's aside, not a cue.
    writer_asides: frozenset[str] = frozenset()
    # "quoted the mayor as saying “…”": the outlet passes on the words of the one it quotes.
    quoting_verbs: frozenset[str] = frozenset()
    as_saying_verbs: frozenset[str] = frozenset()

    @cached_property
    def holder_nouns(self) -> frozenset[str]:
        """Nouns that can hold a view or say something: roles, groups, organisations."""
        return self.role_nouns | self.group_nouns | self.organisation_nouns

    @cached_property
    def aside_verbs(self) -> frozenset[str]:
        """The verbs that end a writer's aside ("and I quote"): the only words that may open one."""
        return frozenset(phrase.split()[-1] for phrase in self.writer_asides)

    def aside_at(self, text: str, start: int, end: int) -> bool:
        """Whether the word at ``start``-``end`` of ``text`` ends a writer's aside (``said, and I quote,
        “…”``, ``All told, …``): a phrase of ``writer_asides`` that opens the text or follows a comma or
        line break, and is followed by a comma or colon."""
        if text[start:end].lower() not in self.aside_verbs:
            return False
        lo = max(0, start - 20)
        opening = max(text.rfind(",", lo, start), text.rfind("\n", lo, start))  # -1: the text opens with it
        if (opening < 0 and lo > 0) or not text[end : end + 3].lstrip(" ").startswith((",", ":")):
            return False
        return " ".join(text[opening + 1 : end].lower().replace("’", "'").split()) in self.writer_asides

    @cached_property
    def cue_verbs(self) -> frozenset[str]:
        """Lemmas that introduce reported speech or thought."""
        return self.speech_verbs | self.belief_verbs | self.object_cue_verbs


def _read(name: str) -> dict[str, object]:
    text = resources.files("dateline.nlp").joinpath("data", name).read_text(encoding="utf-8")
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


@lru_cache(maxsize=1)
def frame_verbs() -> dict[str, frozenset[str]]:
    """The verb lists of ``data/quote_frames.json`` (quote frames and tags), read once per process."""
    data = _read("quote_frames.json")
    keys = ("verbs_before_quote", "inverted_tag_verbs", "tag_verb_forms", "shout_verbs")
    return {k: _set(data, k) for k in keys}


@lru_cache(maxsize=8)
def word_lists(name: str) -> dict[str, frozenset[str]]:
    """Every list of the data file ``data/<name>``, lower-cased, as frozen sets (keys holding
    anything else, such as ``_doc`` notes, are left out); read once per process."""
    data = _read(name)
    return {k: _set(data, k) for k, v in data.items() if isinstance(v, list)}


def _set(data: dict[str, object], key: str) -> frozenset[str]:
    value = data[key]
    assert isinstance(value, list)
    return frozenset(str(v).lower() for v in value)


@lru_cache(maxsize=1)
def lexicon() -> QuoteLexicon:
    """The quotes lexicon (immutable, so one shared copy per process is safe)."""
    cues = _read("quote_cues.json")
    names = _read("first_names.json")
    weights = _read("quote_cue_weights.json")
    features = cues["pronoun_features"]
    assert isinstance(features, dict)
    return QuoteLexicon(
        speech_verbs=_set(cues, "speech_verbs"),
        belief_verbs=_set(cues, "belief_verbs"),
        # Verbs learnt on PolNeAR train whose object or clause is reported content often enough.
        object_cue_verbs=_set(cues, "object_cue_verbs") | _set(weights, "learned_object_cues"),
        object_deps=_set(cues, "object_deps"),
        object_preps=_set(cues, "object_preps"),
        headline_label_words=_set(cues, "headline_label_words"),
        naming_deps=_set(cues, "naming_deps"),
        participle_deps=_set(cues, "participle_deps"),
        relative_pronouns=_set(cues, "relative_pronouns"),
        pronoun_features={str(k): str(v) for k, v in features.items()},
        male_titles=_set(cues, "male_titles"),
        female_titles=_set(cues, "female_titles"),
        male_role_words=_set(cues, "male_role_words"),
        female_role_words=_set(cues, "female_role_words"),
        role_nouns=_set(cues, "role_nouns"),
        group_nouns=_set(cues, "group_nouns"),
        organisation_types=frozenset(str(v) for v in cues["organisation_types"]),  # type: ignore[attr-defined]
        speaker_types=frozenset(str(v) for v in cues["speaker_types"]),  # type: ignore[attr-defined]
        naming_words=_set(cues, "naming_words"),
        male_names=_set(names, "male"),
        female_names=_set(names, "female"),
        scare_max_words=int(cues["scare_max_words"]),  # type: ignore[call-overload]
        headline_max_speaker_tokens=int(cues["headline_max_speaker_tokens"]),  # type: ignore[call-overload]
        max_pronoun_sentence_distance=int(cues["max_pronoun_sentence_distance"]),  # type: ignore[call-overload]
        direct_max_words_outside=int(cues["direct_max_words_outside"]),  # type: ignore[call-overload]
        unreliable_cues=_set(weights, "unreliable"),
        learned_cue_verbs=_set(weights, "learned_object_cues"),
        sourceless_cues=_set(cues, "sourceless_cues"),
        trailing_cut_deps=_set(cues, "trailing_cut_deps"),
        noun_object_preps=_set(cues, "noun_object_preps"),
        source_nouns=_set(cues, "source_nouns"),
        viewpoint_preps=_set(cues, "viewpoint_preps"),
        hearsay_adverbs=_set(cues, "hearsay_adverbs"),
        negating_verbs=_set(cues, "negating_verbs"),
        negating_subjects=_set(cues, "negating_subjects"),
        organisation_nouns=_set(cues, "organisation_nouns"),
        company_nouns=_set(cues, "company_nouns"),
        public_body_heads=_set(cues, "public_body_heads"),
        public_body_nouns=_set(cues, "public_body_nouns"),
        role_synonyms={str(k): tuple(str(w) for w in v) for k, v in cues["role_synonyms"].items()},  # type: ignore[attr-defined]
        speaker_description_preps=_set(cues, "speaker_description_preps"),
        tag_paragraph_verbs=_set(cues, "tag_paragraph_verbs"),
        others_preps=_set(cues, "others_preps"),
        opposing_verbs=_set(cues, "opposing_verbs"),
        purpose_marks=_set(cues, "purpose_marks"),
        adverbial_marks=_set(cues, "adverbial_marks"),
        writing_verbs=_set(cues, "writing_verbs"),
        quote_tail_deps=_set(cues, "quote_tail_deps"),
        writer_asides=_set(cues, "writer_asides"),
        quoting_verbs=_set(cues, "quoting_verbs"),
        as_saying_verbs=_set(cues, "as_saying_verbs"),
        writer_preps=_set(cues, "writer_preps"),
        headline_speaker_nouns=_set(cues, "headline_speaker_nouns"),
        state_nouns=_set(cues, "state_nouns"),
        organisation_kinds={str(k): frozenset(str(w) for w in v) for k, v in cues["organisation_kinds"].items()},  # type: ignore[attr-defined]
    )
