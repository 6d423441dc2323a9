"""Quote frames: a quotation's own punctuation makes any verb beside it a reporting cue.

News copy frames a direct quote in two fixed ways, whatever the verb:
1. lead-in: ``Trump reacted: “…”``, ``The statement read: “…”`` — a subject and its verb end the
   clause with a colon right before the opening mark;
2. tag: ``“…,” Trump shot back.`` — the quote closes on a comma, question or exclamation mark and
   a subject and its verb follow, ending the sentence; or the verb comes first, its subject right
   after it (``“…!” beamed Maria Lopez of Springfield``).
3. A verb of voice or writing (``data/quote_frames.json``) right before the opening mark:
   ``the protesters chanted “…”``, ``a man yelled, “…”``; any finite verb before a comma and a
   quoted sentence: ``Hillary shot back, “I suppose …”``.
4. A tag read from its words, whatever the parse made of them (``“…,” Ramos, 58, told AFP on
   Monday``, ``“…,” Trump barked and a guard …``): after the closing mark, a noun phrase (an
   apposition set off by commas allowed), then a finite verb; the parser often hangs such a tag
   on the quote's own verbs.
The cue lists cannot hold every verb of that slot ("shot back", "reacted", "read", "snapped"), so
these frames supply an attribution (without reported clause: the quote is the content) where the
listed cues found none.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from dateline.nlp.quote_data import QuoteLexicon, frame_verbs
from dateline.nlp.quote_direct import opens_sentence
from dateline.nlp.quote_indirect import Attribution, quoted_speaker, speaker_span, writer_aside
from dateline.nlp.quote_marks import QuotedSegment

SUBJECTS = frozenset({"nsubj"})
# Clauses that share the subject of the verb they hang off.
BORROWING_DEPS = frozenset({"advcl", "conj", "xcomp", "dep"})
# Between a tag's verb and the end of its sentence: a particle ("shot back"), an adverb ("said
# simply") or a time ("said Tuesday").
TAG_TAIL_DEPS = frozenset({"prt", "advmod", "npadvmod"})
TAG_CLOSERS = (",", "?", "!", "—", "–")
# How a quote ends right before an inverted tag's verb: ``,”``, ``?"``, ``!”``.
TAG_QUOTE_ENDS = (",”", ',"', "?”", '?"', "!”", '!"', ",''", "?''", "!''")
# A speaker's noun phrase after an inverted tag's verb: ``the woman``, ``Oversight ranking Democrat
# Elijah Cummings``.
NOUN_RUN_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
NOUN_RUN_MAX = 8
# What may follow the speaker of an inverted tag: ``, said Ann Hale, a professor``, ``… Hale (D-Md.).``
RUN_ENDS = frozenset({",", ".", ";", "(", ")", "—", "–", "-", "--", ":", "!", "?"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# A tag read from its words (``surface_tag``): how the quote closes, the pronouns that stand
# alone as its subject, the verb forms that report, and the bounds of its subject's words.
TAG_SURFACE_CLOSERS = (",", "?", "!")
TAG_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
# The tagger often reads a tag's past tense after a quote as a participle ("Trump barked").
TAG_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})
TAG_AUXILIARIES = frozenset({"have", "has", "had"})
TAG_RUN_MAX = 12
TAG_RUN_PREPOSITIONS = frozenset({"of", "in", "at", "from", "for", "with"})
# Words that stand alone as an inverted tag's speaker: ``read one``, ``added another``.
TAG_LONE_SPEAKERS = frozenset({"one", "another", "others", "someone", "he", "she", "they"})
TAG_APPOSITION_MAX = 32
TAG_APPOSITION_STOPS = frozenset({".", "?", "!", ";", ":"})
# Tokens that may end a lead-in right before its colon: the verb or its particle/adverb.
LEAD_IN_TAIL_DEPS = frozenset({"prt", "advmod"})
# Relative pronouns whose verb frames a quote for someone above (``a sign that read “…”``).
RELATIVE_SUBJECTS = frozenset({"which", "that", "what"})
RELATIVE_LINKS = frozenset({"relcl", "pcomp", "acl", "pobj"})
SENDER_CLIMB = 3
# A comma lead-in frames a quote of more words than this (``fired back, “If they sue us …”``).
COMMA_LEAD_IN_MIN_WORDS = 3
# How a lead-in's last word may hang under its verb (``makes a case:``, ``had one message:``).
LEAD_IN_OBJECT_DEPS = frozenset({"dobj", "pobj", "prep", "attr", "compound", "amod"})
LEAD_IN_CLIMB = 3


def surface_tags(doc: Doc, text: str, segments: list[QuotedSegment]) -> list[Attribution | None]:
    """``surface_tag`` of each segment (None where it has none), read once for the whole article."""
    return [surface_tag(doc, text, seg) for seg in segments]


def frame_attributions(
    doc: Doc,
    text: str,
    segments: list[QuotedSegment],
    rules: list[Attribution],
    tags: list[Attribution | None],
    lex: QuoteLexicon,
) -> list[Attribution]:
    """Attributions for verbs framing a quote (a lead-in or a tag), skipping verbs the rules
    (``rules``) already read as cues and the writer's asides; ``tags``: ``surface_tags`` of the segments."""
    cue_starts = {a.cue[0] for a in rules}
    out: list[Attribution] = []
    seen: set[int] = set()
    for seg, tag in zip(segments, tags, strict=True):
        if tag is not None and tag.cue[0] not in cue_starts and tag.cue_i not in seen:
            seen.add(tag.cue_i)
            out.append(tag)
            continue
        verbs = (_lead_in_verb(doc, text, seg), _tag_verb(doc, text, seg), _voice_verb(doc, text, seg))
        for verb in (*verbs, _comma_lead_in_verb(doc, text, seg)):
            if verb is None or verb.idx in cue_starts or verb.i in seen or writer_aside(text, verb, lex):
                continue
            subject = _subject_of(verb) or _participle_subject(verb)
            subject = _sender_of(subject) or subject if subject is not None else None
            if subject is None or subject.pos_ in ("PUNCT", "SPACE", "NUM"):
                continue
            seen.add(verb.i)
            toks = list(verb.subtree)
            out.append(
                Attribution(
                    cue=(verb.idx, verb.idx + len(verb)),
                    cue_i=verb.i,
                    speaker=speaker_span(subject),
                    speaker_i=subject.i,
                    content=None,
                    scope=(toks[0].idx, toks[-1].idx + len(toks[-1])),
                    pattern="frame",
                    lemma=verb.lemma_.lower(),
                )
            )
    return sorted(out, key=lambda a: a.cue[0])


def surface_tag(doc: Doc, text: str, seg: QuotedSegment) -> Attribution | None:
    """``“…,” Ramos, 58, told AFP``, ``“…,” Trump barked and …``, ``“…?” the paper's editor
    responded``: a tag after a quote that opens its sentence and closes on a comma, question or
    exclamation mark, read from its words: a noun phrase opening right after the mark, an apposition set
    off by commas at most, then a finite verb (an adverb or a perfect's auxiliary before it)."""
    if seg.close_mark is None or not text[seg.start : seg.close_mark].rstrip(" '’").endswith(TAG_SURFACE_CLOSERS):
        return None
    if not opens_sentence(text, seg):
        return None  # "a banner read “…,” a website linked to …": inside a sentence, the parse decides
    span = doc.char_span(seg.after_close, min(len(text), seg.close_mark + 240), alignment_mode="contract")
    if span is None:
        return None
    words = [t for t in span if not t.is_space]
    if not words or "\n" in text[seg.close_mark : words[0].idx]:
        return None
    if words[0].pos_ == "VERB" and words[0].is_lower and words[0].tag_ in TAG_VERB_TAGS | {"VB"}:
        return _inverted_surface_tag(doc, seg, words[0])
    run = _subject_run(words)
    if run is None:
        return None
    k = run[1] + 1
    k = _skip_apposition(words, k)
    while k < len(words) and (words[k].pos_ == "ADV" or words[k].lemma_ in TAG_AUXILIARIES) and k - run[1] <= 3:
        k += 1
    if k >= len(words):
        return None
    verb = words[k]
    if (verb.pos_ != "VERB" or verb.tag_ not in TAG_VERB_TAGS) and not _verb_read_as_noun(words, k):
        return None
    if verb.tag_ == "VBN" and k + 1 < len(words) and words[k + 1].lower_ in ("by", "to"):
        return None  # "“…,” a website linked to …", "the slogan coined by …": a participle naming

    first, last = words[run[0]], words[run[1]]
    speaker = (first.idx, last.idx + len(last))
    return Attribution(
        cue=(verb.idx, verb.idx + len(verb)),
        cue_i=verb.i,
        speaker=speaker,
        speaker_i=_run_head(words[run[0] : run[1] + 1]).i,
        content=None,
        scope=(seg.open_mark, verb.idx + len(verb)),
        pattern="tag",
        lemma=verb.lemma_.lower(),
    )


def _inverted_surface_tag(doc: Doc, seg: QuotedSegment, verb: Token) -> Attribution | None:
    """``“…,” read one.``, ``“No,” replied Jo Hale, the host``: the verb first, then its speaker,
    a noun phrase or a lone ``one``/``another`` standing up to a punctuation mark."""
    k = verb.i + 1
    if k + 1 < len(doc) and doc[k].lower_ in TAG_LONE_SPEAKERS and doc[k + 1].text in RUN_ENDS:
        run: tuple[int, int] | None = (k, k)
    else:
        run = _noun_run(doc, k)
    if run is None:  # "tweeted a user from Hanover going by …": the phrase runs on
        words = [t for t in doc[k : k + TAG_RUN_MAX + 2] if not t.is_space]
        found = _subject_run(words) if words and words[0].lower_ not in TAG_PRONOUNS else None
        run = (words[0].i, words[found[1]].i) if found is not None else None
    if run is None:
        return None
    first, last = doc[run[0]], doc[run[1]]
    return Attribution(
        cue=(verb.idx, verb.idx + len(verb)),
        cue_i=verb.i,
        speaker=(first.idx, last.idx + len(last)),
        speaker_i=last.i,
        content=None,
        scope=(seg.open_mark, last.idx + len(last)),
        pattern="tag",
        lemma=verb.lemma_.lower(),
    )


def _subject_run(words: list[Token]) -> tuple[int, int] | None:
    """Indices (into ``words``) of the noun phrase opening a tag: a personal pronoun alone, or
    determiners, adjectives, names and nouns, with a possessive, a bracketed party tag, a
    hyphenated word (``the 43-year-old``) and a prepositional phrase (``the mayor of Springfield``)
    inside; None when it does not end on a name, a noun or a hyphenated word."""
    if words[0].lower_ in TAG_PRONOUNS:
        return (0, 0)
    k, last = 0, -1
    while k < len(words) and k < TAG_RUN_MAX:
        tok = words[k]
        if tok.text == "(" and last >= 0:  # "Sen. Jo Hale (D-Ohio)"
            close = next((j for j in range(k + 1, min(len(words), k + 8)) if words[j].text == ")"), None)
            if close is None:
                break
            k = close + 1
            continue
        if tok.text in ("-", "–") and k > 0 and not words[k - 1].whitespace_ and not tok.whitespace_:
            k += 1  # "vice-presidential", "43-year-old"
            continue
        if tok.lower_ in TAG_RUN_PREPOSITIONS and last >= 0 and k + 1 < len(words) and _in_noun_run(words[k + 1]):
            k += 1  # "a voice-over in the ad", "the mayor of Springfield"
            continue
        if tok.is_punct or not (_in_noun_run(tok) or _name_like(tok) or tok.tag_ == "POS"):
            break
        if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound") and not _name_like(tok):
            break
        if k > 0 and _verb_read_as_noun(words, k):
            last = k - 1 if words[k - 1].pos_ == "ADJ" else last  # "the editorial" read as an adjective
            break  # "the editorial read.", "the Saudis state in …"
        if tok.pos_ in ("NOUN", "PROPN") or _name_like(tok) or (k > 0 and words[k - 1].text in ("-", "–")):
            last = k
        elif tok.pos_ == "NUM" and k > 0 and words[k - 1].lower_ == "the":
            last = k  # "“…,” the two write": a number standing for people
        k += 1
    if last < 0 or (last != k - 1 and words[k - 1].text != ")"):
        return None
    return (0, k - 1)


def _verb_read_as_noun(words: list[Token], k: int) -> bool:
    """``the editorial read.``: a tag verb form (``data/quote_frames.json``) the tagger read as a
    noun, ending the subject before a stop, a preposition or an adverb."""
    if words[k].lower_ not in frame_verbs()["tag_verb_forms"] or not words[k].is_lower:
        return False
    after = words[k + 1] if k + 1 < len(words) else None
    return after is None or after.is_punct or after.pos_ in ("ADP", "ADV", "SCONJ")


def _skip_apposition(words: list[Token], k: int) -> int:
    """Past ``, 58,`` or ``, the polling guru who founded the site,`` after a tag's subject."""
    if k >= len(words) or words[k].text != ",":
        return k
    for j in range(k + 1, min(len(words), k + TAG_APPOSITION_MAX)):
        if words[j].text == ",":
            return j + 1 if j > k + 1 else k
        if words[j].text in TAG_APPOSITION_STOPS or words[j].is_quote:
            return k
    return k


def _run_head(run: list[Token]) -> Token:
    """The head word of a tag's subject: its last name or noun before any bracketed party tag or
    prepositional phrase."""
    cuts = [k for k, t in enumerate(run) if t.text == "(" or (k > 0 and t.lower_ in TAG_RUN_PREPOSITIONS)]
    stop = cuts[0] if cuts else len(run)
    heads = [t for t in run[:stop] if t.pos_ in ("NOUN", "PROPN", "PRON") or _name_like(t)]
    return heads[-1] if heads else run[-1]


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it hangs off (``Protesters marching …
    chanted “…”``: the parser makes "chanted" a clause of "marching"; ``Hale was joined on stage
    and joked, “…”``: a passive's subject too). A past tense the parser hung on a noun as a
    reduced relative (``a man yelled “…”``) has that noun for subject."""
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    deps = SUBJECTS
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in deps), None)
        if subject is not None or verb.dep_ not in BORROWING_DEPS or verb.head.i == verb.i:
            return subject
        verb = verb.head
        deps = SUBJECTS | {"nsubjpass"}
    return None


def _sender_of(subject: Token) -> Token | None:
    """``He held up the sign — which read “…”``, ``apologized for what happened: “…”``: a relative
    pronoun standing for a sign, a caption or an event frames the quote; the one who holds up,
    posts or answers for it (the subject of the verb above) speaks."""
    verb = subject.head
    if subject.lower_ not in RELATIVE_SUBJECTS or not subject.text.islower() or verb.dep_ not in RELATIVE_LINKS:
        return None
    tok = verb.head
    for _ in range(SENDER_CLIMB):
        if tok.pos_ == "VERB" and tok.i != verb.i:
            found = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
            if found is not None and found.lower_ not in RELATIVE_SUBJECTS:
                return found
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _participle_subject(verb: Token) -> Token | None:
    """``The singer shared the news, writing “…”``: a participle after a comma speaks for the
    subject of the clause before it, whatever the parse made of the participle (a quote right
    after it often makes it a subject of the quote's verb)."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    for k in range(verb.i - 2, verb.sent.start - 1, -1):
        tok = doc[k]
        if tok.pos_ in ("VERB", "AUX"):
            subject = next((c for c in tok.children if c.dep_ in SUBJECTS and c.i < tok.i), None)
            if subject is not None:
                return subject
    return None


def _token_before(doc: Doc, char: int) -> Token | None:
    """The last non-space token ending at or before ``char``."""
    span = doc.char_span(0, char, alignment_mode="contract") if char > 0 else None
    if span is None or len(span) == 0:
        return None
    k = span.end - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return doc[k] if k >= 0 else None


def _lead_in_verb(doc: Doc, text: str, seg: QuotedSegment) -> Token | None:
    """``Trump reacted: “…”``: the verb whose clause ends on the colon before the quote (in the
    paragraph before too: ``Hale released the following statement:`` then the quote)."""
    before = text[: seg.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    tok = _token_before(doc, len(before) - 1)
    if tok is None:
        return None
    if tok.dep_ in LEAD_IN_TAIL_DEPS and tok.head.i != tok.i:
        tok = tok.head
    if tok.pos_ == "VERB":
        return tok
    # "The letter makes a libertarian-style case: “…”", "The rally had one message: “…”": the
    # colon ends the verb's object; the verb above it frames the quote.
    colon = tok.i
    for _ in range(LEAD_IN_CLIMB):
        if tok.dep_ not in LEAD_IN_OBJECT_DEPS or tok.head.i == tok.i or tok.head.i > colon:
            return None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok if any(c.dep_ in SUBJECTS for c in tok.children) else None
    return None


def _comma_lead_in_verb(doc: Doc, text: str, seg: QuotedSegment) -> Token | None:
    """``Hillary shot back, “I suppose …”``, ``Clinton fired back, “If they sue us …”``: a finite
    verb (a particle or adverb after it at most) right before a comma and a quote that opens with
    a capital and runs past a few words: the sentence's verb frames the whole quoted sentence."""
    before = text[: seg.open_mark].rstrip(" \t")
    words = text[seg.start : seg.end]
    if not before.endswith(",") or not words[:1].isupper() or len(words.split()) <= COMMA_LEAD_IN_MIN_WORDS:
        return None
    tok = _token_before(doc, len(before) - 1)
    if tok is None:
        return None
    if tok.dep_ in LEAD_IN_TAIL_DEPS and tok.head.i != tok.i and tok.head.i < tok.i:
        tok = tok.head  # "shot back,", "said simply,"
    if tok.lower_ == "it" and tok.dep_ == "dobj" and tok.head.i == tok.i - 1 and _as_clause(tok.head):
        tok = tok.head  # "As one voter put it, “…”": the words are the way the voter put it
    if tok.pos_ != "VERB" or tok.tag_ not in FINITE_TAGS:
        return None
    return tok


def _as_clause(verb: Token) -> bool:
    """Whether ``verb`` heads a clause opened by "as" (``as one voter put it``)."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _tag_verb(doc: Doc, text: str, seg: QuotedSegment) -> Token | None:
    """``“…,” Trump shot back.``: a subject and verb right after the closing mark, ending the sentence."""
    if seg.close_mark is None or not text[seg.start : seg.close_mark].rstrip().endswith(TAG_CLOSERS):
        return None
    span = doc.char_span(seg.after_close, min(len(text), seg.close_mark + 120), alignment_mode="contract")
    if span is None:
        return None
    words = [t for t in span if not t.is_space]
    for k, tok in enumerate(words[:8]):
        if tok.is_punct:
            return None
        if tok.pos_ != "VERB" or tok.dep_ in SUBJECTS:  # the tagger reads "Trump" as a verb at times
            continue
        if k == 0:  # inverted: “…!” beamed Maria Lopez of Springfield.
            return tok if _inverted_subject(tok, words) else None
        rest = words[k + 1 :]
        while rest and rest[0].dep_ in TAG_TAIL_DEPS and rest[0].head.i == tok.i:
            rest = rest[1:]
        if rest and rest[0].text not in (".", ",", "!", "?", ";"):
            return None
        subject = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.left_edge.i != words[0].i:
            return None  # the subject opens the tag: “…,” Trump shot back — not “…,” and then …
        return tok
    return None


def _inverted_subject(verb: Token, words: list[Token]) -> bool:
    """The verb opening a tag has its subject right after it (``“…,” joked Sam Ortiz``), a
    particle or adverb at most between (``“…,” shot back the mayor``)."""
    subject = next((c for c in verb.rights if c.dep_ in SUBJECTS), None)
    if subject is None or len(words) < 2:
        return False
    between = [t for t in words[1:] if t.i < subject.left_edge.i]
    return all(t.dep_ in TAG_TAIL_DEPS and t.head.i == verb.i for t in between)


def inverted_tag_speakers(
    doc: Doc,
    text: str,
    attributions: list[Attribution],
    tags: list[Attribution | None] | None = None,
    lex: QuoteLexicon | None = None,
) -> list[Attribution]:
    """``“…,” said the woman, who …``, ``“…,” said Skelly, explaining …``: the parser often fails to
    make the name after an inverted tag's verb its subject, leaving the cue without a speaker; the
    noun phrase right after the verb is the speaker. With ``tags`` (``surface_tags``), a cue that is the verb of a
    tag read from its words (``surface_tag``: ``“…,” Ramos, 58, told AFP``) takes the tag's speaker
    when the parse gave it none or another (one inside the quote, the object: ``“…,” Bozell tells
    Breitbart News``), unless the cue quotes its speaker (``“…,” the Gazette quoted the mayor as
    saying``: ``lex`` tells). Other attributions are returned unchanged."""
    by_cue = {t.cue_i: t for t in tags or [] if t is not None}
    out: list[Attribution] = []
    for a in attributions:
        verb = doc[a.cue_i] if a.cue_i >= 0 else None
        if verb is not None and verb.tag_ in FINITE_TAGS and _inverted_without_speaker(text, verb, a):
            run = _noun_run(doc, a.cue_i + 1)
            if run is not None:
                first, last = doc[run[0]], doc[run[1]]
                a = dataclasses.replace(a, speaker=(first.idx, last.idx + len(last)), speaker_i=last.i)
        tag = by_cue.get(a.cue_i) if a.cue_i >= 0 else None
        if tag is not None and not _overlaps(a.speaker, tag.speaker) and not _quotes_its_speaker(verb, a, lex):
            a = dataclasses.replace(a, speaker=tag.speaker, speaker_i=tag.speaker_i, pattern=tag.pattern)
        out.append(a)
    return out


def _quotes_its_speaker(verb: Token | None, a: Attribution, lex: QuoteLexicon | None) -> bool:
    """``“…,” the Gazette quoted the mayor as saying``: the tag's subject passes the words on; the
    speaker the cue was given, the one quoted, stays."""
    if verb is None or a.speaker_i is None or lex is None:
        return False
    quoted = quoted_speaker(verb, lex)
    return quoted is not None and quoted.i == a.speaker_i


def _inverted_without_speaker(text: str, verb: Token, a: Attribution) -> bool:
    """The verb opens an inverted tag and the parse gave it no speaker, or (``…, said Ann Hale``
    after a comma, for the tag verbs of ``data/quote_frames.json``) one before the verb: the
    sentence's subject the parser took for the speaker."""
    if a.speaker is None:
        return _opens_inverted_tag(text, verb)
    before_comma = text[max(0, verb.idx - 16) : verb.idx].rstrip().endswith(",")
    if a.speaker_i is not None and verb.doc[a.speaker_i].right_edge.i >= verb.i - 1:
        return False  # the comma closes the subject's own apposition: "Cruz (R-Tex.), a candidate …, tweeted"
    return before_comma and a.speaker[1] <= verb.idx and verb.lemma_.lower() in frame_verbs()["inverted_tag_verbs"]


def inverted_tag_speaker(verb: Token) -> Token | None:
    """The speaker of an inverted tag (``“…,” said Jo Hale``, ``“…,” added another Ohio Democrat``):
    the last word of the noun phrase right after ``verb`` when it follows a closing quote."""
    if not verb.doc[max(0, verb.i - 3) : verb.i].text.endswith(TAG_QUOTE_ENDS):
        return None
    run = _noun_run(verb.doc, verb.i + 1)
    return verb.doc[run[1]] if run is not None else None


def _opens_inverted_tag(text: str, verb: Token) -> bool:
    """The verb comes right after a quote that closes on a comma, question or exclamation mark."""
    before = text[max(0, verb.idx - 4) : verb.idx].rstrip()
    return before.endswith(TAG_QUOTE_ENDS)


def _noun_run(doc: Doc, i: int) -> tuple[int, int] | None:
    """Token indices of the noun phrase starting at ``i`` (determiners, adjectives, names, nouns)
    that runs up to a punctuation mark or the end; None when it ends elsewhere or not on a noun."""
    while i < len(doc) and doc[i].ent_type_ in ("DATE", "TIME"):
        i += 1  # "said Tuesday the mayor"
    end = i
    if i + 1 < len(doc) and doc[i].tag_ in ("VB", "VBP") and doc[i].is_lower and _name_like(doc[i + 1]):
        end += 1  # "said commuter Priya Shah": a title noun the tagger read as a verb
    while end < len(doc) and end - i < NOUN_RUN_MAX and (_in_noun_run(doc[end]) or _name_like(doc[end])):
        end += 1
    while end > i and not (doc[end - 1].pos_ in ("NOUN", "PROPN") or _name_like(doc[end - 1])):
        end -= 1
    if end == i or (end < len(doc) and doc[end].text not in RUN_ENDS and not doc[end].is_space):
        return None  # "the large number of …", "the Trump “train …”": no name standing alone
    return i, end - 1


def _in_noun_run(tok: Token) -> bool:
    """A word of a noun phrase: ``the``, ``former``, ``ranking`` (a participle as adjective)."""
    return tok.pos_ in NOUN_RUN_POS or tok.tag_ in ("VBG", "VBN")


def _name_like(tok: Token) -> bool:
    """A capitalised word, whatever the tagger made of it (``said Skelly`` tags Skelly an adverb)."""
    return tok.is_alpha and tok.text[:1].isupper()


def voice_verbs() -> frozenset[str]:
    """Lemmas that report a quote placed right after them (``data/quote_frames.json``)."""
    return frame_verbs()["verbs_before_quote"]


def _voice_verb(doc: Doc, text: str, seg: QuotedSegment) -> Token | None:
    """``the protesters chanted “…”``: a verb of voice or writing right before the opening mark."""
    before = text[: seg.open_mark].rstrip(" \t,")
    tok = _token_before(doc, len(before))
    if tok is None:
        return None
    if tok.dep_ in LEAD_IN_TAIL_DEPS and tok.head.i != tok.i and tok.head.i < tok.i:
        tok = tok.head  # "yelled out “…”"
    return tok if tok.pos_ == "VERB" and tok.lemma_.lower() in voice_verbs() else None
