"""Which words name the speaker of an attribution: the parse's subject, corrected where news style
misleads the parser.

The attribution stage takes the grammatical subject of a cue (or of the verb a participle or a
conjunct hangs off). These corrections run after it, on the mention alone (the quote's content
and the model's features are left as they are), each for a pattern the parser gets wrong:

1. A dateline, a time or a place read as the subject (``DENVER (AP) — Mayor Hale said``,
   ``Tuesday in Reno, Senator Ellis said``): the person after it speaks.
2. A conjunct or participle cue that borrowed the subject of a reported clause (``Hale said the
   budget would fail and said …``, ``Lopez argued that a tax would hurt, saying …``): the
   reporter of that clause speaks, as the sentence's main speaker.
3. A cue with no subject after a run of appositions (``In a statement, her adviser, Jo Hale,
   said``): the noun phrase that ends right before the cue speaks; after a participle clause
   (``Sen. Jo Hale (D-Ohio), noting the crowd, said``): the participle's subject.
4. A name the tagger read as a modal before a past tense (``Will described …``).
5. A share of respondents in a poll's sentence (``In a Tribune poll, 64 percent of Democrats said
   …``): the poll speaks, as PolNeAR marks it (``In`` for cue, the poll for source).
A tag read from its words (``quote_frames.surface_tag``, pattern ``tag``) is left as it is.
"""

from __future__ import annotations

import bisect
import dataclasses

from spacy.tokens import Doc, Token

from dateline.nlp import quote_data
from dateline.nlp.quote_data import QuoteLexicon
from dateline.nlp.quote_frames import inverted_tag_speaker
from dateline.nlp.quote_indirect import Attribution, participle_read_as_past, speaker_span
from dateline.nlp.quote_marks import find_segments

SUBJECT_DEPS = frozenset({"nsubj"})
# Cues whose passive names the one asked, not the asker: "Asked about the vote, Hale said …".
ASKED_VERBS = frozenset({"ask", "press"})
# Entity types that never speak: a dateline's date, a time of day, a sum (a share of voters does:
# "42 percent said").
NEVER_SPEAKER_TYPES = frozenset({"DATE", "TIME", "MONEY"})
# Places speak in the news ("Moscow said"), except as a dateline or as the place of a scene.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
# How far into its paragraph a dateline's dash may lie (``CLEVELAND, July 19 (UPI) —``).
DATELINE_MAX_TOKENS = 10
# Dependencies of a noun phrase that is not the one doing something (objects, time and place adjuncts).
NOT_AGENT_DEPS = frozenset({"pobj", "dobj", "npadvmod", "poss", "attr", "dative", "oprd"})
# A person's name in these is someone spoken to or about, or part of a longer name.
PERSON_NOT_AGENT_DEPS = frozenset({"pobj", "dobj", "poss", "compound", "flat", "dative"})
AUTHOR_PREPS = frozenset({"by", "from"})
# Per document, where quotation marks open and close (computed once, in ``Doc.user_data``).
QUOTATION_KEY = "dateline_speaker_quotation"
# Links from a cue to the verb whose subject it borrowed (``… and said``, ``…, saying``).
BORROW_DEPS = frozenset({"conj", "advcl", "xcomp"})
# How many reported clauses up a borrowed subject may be traced to the main speaker.
MAX_EMBEDDING = 3


def word_lists() -> dict[str, frozenset[str]]:
    """``data/speaker_mentions.json``: document nouns, cause verbs, poll words and nouns of time, as frozen sets."""
    return quote_data.word_lists("speaker_mentions.json")


def refine_speaker(doc: Doc, attr: Attribution, lex: QuoteLexicon) -> Attribution:
    """``attr`` with its speaker mention corrected (see the module docstring); ``attr`` itself when
    no correction applies."""
    refined = _refine(doc, attr, lex)
    if refined.speaker_i is None or refined.cue_i < 0:
        return refined
    return _with(refined, poll_of_share(doc[refined.speaker_i], doc[refined.cue_i]))


def poll_of_share(subject: Token, cue: Token) -> Token | None:
    """``In a Tribune poll released Monday, 64 percent of Democrats said …``, ``According to a new
    survey, a majority of voters said …``: a share of respondents (a percentage, ``six in 10``, ``a
    majority``) answers a poll named by a phrase opening the sentence; the poll is the source."""
    if not _is_share(subject):
        return None
    words = word_lists()
    for verb in (cue, subject.head):
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.i > subject.left_edge.i or prep.lower_ not in words["poll_preps"]:
                continue
            inner = next((c for c in prep.children if c.dep_ == "prep"), prep)  # "according to"
            noun = next((c for c in inner.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.lemma_.lower() in words["poll_nouns"]:
                return noun
    return None


def _is_share(tok: Token) -> bool:
    """``64 percent``, ``31%``, ``a majority``, ``six in 10 voters``: a share of those asked."""
    if tok.ent_type_ == "PERCENT" or tok.lower_ in word_lists()["share_nouns"]:
        return True
    return any(c.dep_ == "nummod" and any(q.lower_ == "in" for q in c.lefts) for c in tok.children)


def _refine(doc: Doc, attr: Attribution, lex: QuoteLexicon) -> Attribution:
    if attr.cue_i < 0 or attr.pattern in ("headline", "title_headline", "tag"):
        return attr
    cue = doc[attr.cue_i]
    if attr.pattern == "according_to":
        return _with(attr, _source_of_document(doc[attr.speaker_i], filed=True)) if attr.speaker_i is not None else attr
    if attr.speaker_i is None:
        if attr.speaker is None:
            return _with(attr, _passive_agent(cue) or _object_controller(cue) or _missing_subject(cue, lex))
        return attr
    subject = doc[attr.speaker_i]
    if subject.lower_ == "it" and subject.dep_ in ("nsubjpass", "expl") and _is_passive(cue):
        # "It was announced that …", "It should be mentioned that …": nobody named, unless "by X"
        agent = _passive_agent(cue)
        return _with(attr, agent) if agent is not None else dataclasses.replace(attr, speaker=None, speaker_i=None)
    if cue.lemma_.lower() in ASKED_VERBS and _is_passive(cue) and _passive_agent(cue) is None:
        return dataclasses.replace(attr, speaker=None, speaker_i=None)  # "Asked about …, X said": nobody named asks
    if _is_time_noun(subject):  # "… and several times described …": a person named nearby, else the
        agent = _agent_after(subject, cue, people_only=True) or _conjunct_subject(cue)  # joined verb's subject
        return _with(attr, agent) if agent is not None else dataclasses.replace(attr, speaker=None, speaker_i=None)
    if subject.pos_ == "ADP" and any(c.dep_ == "pobj" for c in subject.children):
        return _object_of_fronted_topic(attr, subject)  # not "From said": a name read as a preposition
    if _not_a_speaker(subject):
        return _with(attr, _agent_after(subject, cue))
    outside = _subject_outside_quotes(subject, cue) if _in_quotation(subject) and not _in_quotation(cue) else None
    nearer = outside or _nearest_subject(subject, cue)
    if nearer is not None:
        return _with(attr, nearer)
    better = _passive_agent(cue) or _object_controller(cue) or _main_speaker(subject, cue, lex)
    return _with(attr, better or _source_of_document(subject))


def _object_of_fronted_topic(attr: Attribution, prep: Token) -> Attribution:
    """``Of Carson, Levine, who backs Rubio, said …``: the parser made the fronted preposition the
    subject. Its object is the speaker with the topic hung on it (the mention leaves the topic out:
    ``speaker_span``), or the topic with the speaker in apposition."""
    obj = next(c for c in prep.children if c.dep_ == "pobj")
    return _with(attr, next((c for c in obj.rights if c.dep_ == "appos"), obj))


def _conjunct_subject(cue: Token) -> Token | None:
    """The subject of the verb ``cue`` is joined to (``He stated …, and several times described …``)."""
    if cue.dep_ != "conj" or cue.head.i >= cue.i:
        return None
    return next((c for c in cue.head.children if c.dep_ in SUBJECT_DEPS and not _not_a_speaker(c)), None)


def _subject_outside_quotes(subject: Token, cue: Token) -> Token | None:
    """``"Too much hate," she said, blaming …``: the parser took quoted words as the subject; the
    verb's other subject, the subject after the quotation, or the name after the verb speaks."""
    verb = subject.head
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.i != subject.i and not _in_quotation(child):
            return child
    doc = subject.doc
    after = [t for t in doc[subject.i + 1 : cue.i] if t.dep_ in SUBJECT_DEPS and not _in_quotation(t)]
    return after[-1] if after else inverted_tag_speaker(verb)


def _nearest_subject(subject: Token, cue: Token) -> Token | None:
    """``His allegiance has shifted to Cruz, Wilkin said``: of two subjects the parser gave the cue,
    the one right before it speaks. Without a comma between them, only a name after words that name
    no one (``No wonder Trump said``, ``Radio Vice President for news Dana Klein called``); ``Obama
    the realist knows`` is Obama's."""
    if subject.head.i != cue.i:
        return None
    others = [c for c in cue.children if c.dep_ in SUBJECT_DEPS and subject.i < c.i < cue.i]
    if not others or _not_a_speaker(others[-1]):
        return None
    nearest = others[-1]
    between = subject.doc[subject.right_edge.i + 1 : nearest.left_edge.i]
    if any(t.text == "," for t in between):
        return nearest
    return nearest if nearest.pos_ == "PROPN" and subject.ent_type_ != "PERSON" else None


def _is_passive(verb: Token) -> bool:
    """``was asked``, ``Asked about …,`` (the tagger may read it as a past tense), ``when asked``: a
    passive, not a perfect (``has asked``)."""
    if participle_read_as_past(verb):
        return True  # "Asked about …," read as a past tense
    if verb.tag_ != "VBN":
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.dep_ in ("advcl", "acl", "conj") and not any(c.dep_ == "aux" for c in verb.children)


def _passive_agent(cue: Token) -> Token | None:
    """``As reported by the Herald``, ``was asked by a reporter``: the agent of a passive cue."""
    if not _is_passive(cue):
        return None
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if obj is None or obj.like_num or obj.ent_type_ in NEVER_SPEAKER_TYPES | {"PERCENT", "CARDINAL"}:
        return None  # "found by 43%-41%": a margin, not an agent
    if _is_time_noun(obj):
        return None  # "agreed on by that time": a deadline
    return obj


def _is_time_noun(tok: Token) -> bool:
    """``times``, ``that time``, ``nine months``: a noun of time (``time_nouns``), not a title
    capitalised inside its sentence (the film ``13 Hours``)."""
    if tok.text[:1].isupper() and tok.left_edge.i != tok.sent.start:
        return False
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in word_lists()["time_nouns"]


def _object_controller(cue: Token) -> Token | None:
    """``led some voters to worry``, ``leaving many to wonder``: an infinitive cue whose verb has an
    object before it; the object holds the worry, not the verb's subject."""
    if cue.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return None
    if cue.head.lemma_.lower() not in word_lists()["cause_verbs"]:
        return None  # "used the platform to discuss", "urged voters to …": the subject acts
    obj = next((c for c in cue.head.children if c.dep_ == "dobj" and c.i < cue.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.ent_type_ in NEVER_SPEAKER_TYPES:
        return None
    return obj


def _source_of_document(noun: Token, *, filed: bool = False) -> Token | None:
    """``according to a report by the Institute``, ``A 2014 estimate by the budget office
    projected``: a document noun with its author after ``by`` or ``from``; the author speaks."""
    documents = word_lists()["document_nouns"]
    if noun.pos_ != "NOUN" or (noun.lower_ not in documents and noun.lemma_.lower() not in documents):
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in AUTHOR_PREPS:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
        if filed and prep.dep_ == "acl" and prep.lemma_.lower() in word_lists()["authoring_verbs"]:
            # "according to a court document filed by the state attorney"; not "a memo obtained by …"
            agent = _passive_agent(prep)
            if agent is not None:
                return agent
    return None


def _missing_subject(cue: Token, lex: QuoteLexicon) -> Token | None:
    """A speaker the parse did not tie to the cue (or to the verb a participle hangs off)."""
    named = _name_read_as_modal(cue)
    if named is not None:
        return named
    if cue.tag_ == "VBN" or cue.lemma_.lower() in lex.sourceless_cues:
        return None  # "when asked …": the asker is unsaid; "seeming to …": the writer's impression
    found = _subject_of_participle_before(cue)
    if found is not None:
        return found
    verb = cue
    for _ in range(3):
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "was booed after telling …"
        elif verb.dep_ in BORROW_DEPS and verb.head.i != verb.i:
            verb = verb.head  # "said Skelly, explaining …": the participle's verb has the speaker
        else:
            break
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children) or cue.head.lower_ == "by"
        if passive is not None and passive.lower_ not in lex.relative_pronouns and not purpose:
            return passive  # "FBI officials were angered by the deal and predicted …", not "raised to convince …"
    return (
        inverted_tag_speaker(verb)
        or _apposition_before(verb, lex)
        or _noun_right_before(cue)
        or _reporter_of_expletive_clause(cue, lex)
    )


def _reporter_of_expletive_clause(cue: Token, lex: QuoteLexicon) -> Token | None:
    """``Mannion stated that there was a possibility of new routes, saying …``: a participle hung off
    a reported clause whose subject is ``there`` or ``it``; the one who reported the clause speaks."""
    clause = cue.head
    if cue.tag_ != "VBG" or cue.dep_ != "advcl" or not any(c.dep_ == "expl" for c in clause.children):
        return None
    reporter = clause.head
    if clause.dep_ != "ccomp" or reporter.i > clause.i or reporter.lemma_.lower() not in lex.cue_verbs:
        return None
    subjects = [c for c in reporter.children if c.dep_ in SUBJECT_DEPS and c.i < reporter.i]
    outer = subjects[-1] if subjects else None  # the nearest, where the parse found two
    return None if outer is None or _in_quotation(outer) else outer


def _noun_right_before(cue: Token) -> Token | None:
    """``In an interview with hosts Jo Hale and Ann Ortiz, the Democratic candidate stated that …``:
    a finite cue without a subject right after a noun the parser hung elsewhere (an apposition of
    the phrase before it); that noun is the subject, or the noun a relative clause ending there
    describes (``an official who spoke to discuss strategy said``)."""
    if cue.tag_ not in ("VBD", "VBZ") or cue.i == 0 or any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        return None
    tok = cue.doc[cue.i - 1]
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in NEVER_SPEAKER_TYPES or tok.ent_type_ in PLACE_TYPES:
        return None
    if _in_quotation(tok):
        return None
    cur = tok
    for _ in range(6):  # "an official who spoke anonymously to discuss strategy said": the official
        if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("NOUN", "PROPN") and cur.head.i < cue.i:
            return cur.head
        if cur.head.i == cur.i or cur.head.i >= cue.i:
            break
        cur = cur.head
    return tok if tok.dep_ in ("appos", "conj", "pobj", "compound") else None


def _subject_of_participle_before(cue: Token) -> Token | None:
    """``Sen. Jo Hale (D-Ohio), noting the size of the crowd, said``: the parser hangs the name on
    the participle between commas; the participle's subject before it is the speaker of the verb."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.i == 0 or cue.doc[cue.i - 1].text != ",":
        return None
    participles = [c for c in cue.lefts if c.dep_ in ("advcl", "ccomp")]
    if cue.dep_ == "parataxis" and cue.head.i < cue.i:  # or the parse made the participle the root
        participles.append(cue.head)
    for child in participles:
        if child.tag_ == "VBG":
            subject = next((c for c in child.lefts if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and subject.pos_ in ("PROPN", "NOUN") and not _in_quotation(subject):
                return subject
    return None


def _name_read_as_modal(cue: Token) -> Token | None:
    """``Will described Trump as …``: a modal never comes right before a past tense or a
    participle (the tagger reads either there), so a capitalised "modal" is a name (George Will,
    Theresa May) and the speaker."""
    if cue.tag_ not in ("VBD", "VBN"):
        return None
    aux = next((c for c in cue.lefts if c.dep_ == "aux" and c.tag_ == "MD"), None)
    if aux is None or not aux.text[:1].isupper() or aux.i + 1 != cue.i:
        return None
    return aux


def _with(attr: Attribution, tok: Token | None) -> Attribution:
    if tok is None or tok.i == attr.speaker_i:
        return attr
    return dataclasses.replace(attr, speaker=speaker_span(tok), speaker_i=tok.i)


def is_dateline(tok: Token) -> bool:
    """``tok`` opens its paragraph and a dash follows it closely: ``BOSTON (AP) —``,
    ``HARTFORD, May 3 (UPI) —``, ``Denver (AFP) –``."""
    doc = tok.doc
    start = tok.i
    while start > 0 and "\n" not in doc[start - 1].text and not doc[start - 1].is_space:
        start -= 1
        if tok.i - start > 3:
            return False
    stop = min(len(doc), tok.i + DATELINE_MAX_TOKENS)
    for t in doc[tok.i + 1 : stop]:
        if t.text in DATELINE_DASHES:
            return True
        if t.is_space or (t.is_alpha and t.is_lower):
            return False
    return False


def _not_a_speaker(tok: Token) -> bool:
    """A date, time or quantity, a noun of time, or a place in a dateline or set off by a comma before the verb
    (``Speaking in Reno, Nevada, Hale said``: the parser makes the state the subject)."""
    if tok.ent_type_ in NEVER_SPEAKER_TYPES:
        return not tok.lower_.endswith("old")  # "the 46-year-old" is a person
    if _is_time_noun(tok):
        return True  # "… and several times described …": the parser's subject is an adverb of time
    if tok.ent_type_ not in PLACE_TYPES and not tok.is_upper:
        return False
    if is_dateline(tok):
        return True
    doc = tok.doc
    right = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    left = doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    # "in Salem, New Hampshire, Trump …": a place inside a place phrase, a comma after it
    in_phrase = left is not None and (left.text == "," or left.pos_ == "ADP")
    return tok.ent_type_ in PLACE_TYPES and in_phrase and right is not None and right.text == ","


def _agent_after(subject: Token, cue: Token, *, people_only: bool = False) -> Token | None:
    """The noun phrase between a non-speaker subject and the cue that does the speaking: another
    subject of the same verb, else a person named there, else (unless ``people_only``) the first
    noun phrase outside prepositional phrases and objects."""
    verb = subject.head
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.i != subject.i and child.i < cue.i and not _not_a_speaker(child):
            return child
    doc = subject.doc
    after = range(subject.right_edge.i + 1, cue.i)
    before = range(subject.sent.start, subject.left_edge.i)  # "Jo Hale, the mayor, on Tuesday said"
    # A person the parser hung off the date or place itself ("Saturday at the fair Senator Ellis").
    for k in [*range(subject.i + 1, cue.i), *before]:
        tok = doc[k]
        if tok.ent_type_ == "PERSON" and tok.dep_ not in PERSON_NOT_AGENT_DEPS and not _in_quotation(tok):
            return tok
    if people_only:
        return None
    for k in [*after, *before]:
        tok = doc[k]
        if tok.pos_ not in ("PROPN", "NOUN") or tok.dep_ in ("compound", "flat", *NOT_AGENT_DEPS):
            continue
        if tok.ent_type_ in NEVER_SPEAKER_TYPES or tok.ent_type_ in PLACE_TYPES:
            continue
        if not _inside_adjunct(tok, cue) and not _in_quotation(tok):
            return tok
    return None


def _inside_adjunct(tok: Token, cue: Token) -> bool:
    """``tok`` sits in a prepositional phrase or a clause that is not the cue's subject."""
    cur = tok
    for _ in range(6):
        if cur.i == cue.i or cur.head.i == cur.i:
            return False
        if cur.dep_ in ("prep", "advcl", "pobj", "relcl", "acl"):
            return True
        cur = cur.head
    return False


def _main_speaker(subject: Token, cue: Token, lex: QuoteLexicon) -> Token | None:
    """The subject of the verb that reports the clause a borrowed subject belongs to (through a
    ``that`` clause of the verb's object noun too: ``denied the notion that …``)."""
    verb = subject.head
    if verb.i == cue.i or subject.dep_ not in SUBJECT_DEPS or not _borrowed_by(cue, verb):
        return None
    if verb.lemma_.lower() in lex.speech_verbs:
        return None  # "X cannot say that …, Y added, saying": the reported clause has its own speaker
    found = None
    for _ in range(MAX_EMBEDDING):
        if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and _reports_clause_of(verb.head, verb):
            verb = verb.head  # "rejected the idea that X would …, saying": the idea's clause
        elif verb.dep_ != "ccomp":
            break
        if verb.head.pos_ not in ("VERB", "AUX") or verb.head.i > subject.i:
            break  # the reporting verb comes first: "X said (that) Y …"
        noun_clause = verb.pos_ == "NOUN"
        verb = verb.head
        if not noun_clause and verb.lemma_.lower() not in lex.cue_verbs:
            break
        outer = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if outer is None or _in_quotation(outer):
            break
        found = outer
    return found


def _reports_clause_of(noun: Token, clause: Token) -> bool:
    """``the idea that …``, ``accusations that …``: ``clause`` opens with ``that`` right after ``noun``."""
    return clause.left_edge.lower_ == "that" and clause.left_edge.i == noun.i + 1


def _in_quotation(tok: Token) -> bool:
    """``tok`` lies inside quotation marks (``quote_marks.find_segments``: the pairing rules the
    quotes themselves are read with)."""
    spans = tok.doc.user_data.get(QUOTATION_KEY)
    if spans is None:  # (``Doc.text`` joins every token: read it once per document)
        segments = find_segments(tok.doc.text)
        spans = tok.doc.user_data[QUOTATION_KEY] = (
            [s.open_mark for s in segments],
            [s.close_mark if s.close_mark is not None else s.end for s in segments],
        )
    opens, closes = spans
    k = bisect.bisect_left(opens, tok.idx) - 1  # the last quote opened before the token
    return k >= 0 and tok.idx < closes[k]


def _borrowed_by(cue: Token, verb: Token) -> bool:
    """The cue hangs off ``verb`` through conjuncts, adverbial clauses and open complements."""
    cur = cue
    for _ in range(4):
        if cur.dep_ not in BORROW_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == verb.i:
            return True
    return False


def _apposition_before(cue: Token, lex: QuoteLexicon) -> Token | None:
    """``…, her adviser, Jo Hale, said``, ``Jo Hale, wearing a red hat, said``: a speech verb
    without a subject, its words before it set off by a comma; the noun phrase that ends there
    (climbing out of its prepositional phrases, objects and participles) is the speaker."""
    if cue.lemma_.lower() not in lex.speech_verbs or cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        return None
    doc = cue.doc
    k = cue.i - 1
    if k > 0 and doc[k].text == ")":  # "Sen. Jo Hale (D-Ohio) said": the party tag is the name's
        while k > 0 and doc[k].text != "(" and cue.i - k < 8:
            k -= 1
        if doc[k].text != "(":
            return None
    elif k < 1 or doc[k].text != ",":
        return None
    tok = doc[k - 1]
    if tok.pos_ not in ("PROPN", "NOUN") or tok.ent_type_ in NEVER_SPEAKER_TYPES:
        return None
    for _ in range(8):
        head = tok.head
        if head.i == tok.i or head.i >= cue.i or (head.i > tok.i and tok.dep_ not in ("compound", "flat")):
            break
        if tok.dep_ == "conj" and tok.ent_type_ == "PERSON" and head.ent_type_ != "PERSON":
            break  # "Alarmed by the unrest in Nevada, Senator Harry Reid, …, said": not joined to Nevada
        if tok.dep_ in ("compound", "flat", "pobj", "prep", "dobj", "conj", "acl", "amod"):
            tok = head  # "a spokesman in Baghdad,", "Jo Hale, wearing a red hat,"
        elif tok.dep_ == "appos" and head.dep_ not in NOT_AGENT_DEPS:
            tok = head  # "Jo Hale, the mayor,"
        else:
            break
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in NOT_AGENT_DEPS:
        return None  # "In criticizing Clinton, hints …": an object, not a speaker
    return tok
