"""Attributions from the dependency parse: a reporting cue, who it is tied to, and what was reported.

The patterns, in the order they are tried for each token:
1. ``X said (that) …`` / ``X told reporters …`` / ``X confirmed …``: a cue verb with a subject and
   a clausal complement; the complement is the content.
2. ``…, officials said.`` / ``The talks, he said, were …``: a parenthetical cue hanging off the
   reported clause; the clause (less the cue's own words) is the content.
3. ``…, saying that …`` / ``…, adding …``: a participle cue borrows the subject of the verb it hangs off.
4. ``According to X, …``: the speaker is the object of ``to``; the clause it modifies is the content.
5. ``He called the conversation “important”``: a cue verb whose object and predicate carry the words.
6. ``Zelenskyy: Russia doesn't want …``: a headline whose head is a name and a colon.
Cues without a speaker are kept (``speaker=None``) when they still have content.
In open mode (the model judges), more candidates: any verb's complement, a passive verb's subject
(``The merits … are being debated``), the noun a relative clause modifies (``a proposal he has
raised``), stance adjectives and nouns with a that-clause, a prepositional or infinitival object
(``his obsession with Mexico``, ``Obama's decision to …``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.nlp.lines import crosses_line
from dateline.nlp.quote_data import QuoteLexicon
from dateline.nlp.quote_model import MARKS, feature_names

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Finite verb tags: a verb in one of them cannot be coordinated with an infinitive or a participle.
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
NON_FINITE_HEAD_TAGS = frozenset({"VB", "VBG"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Entity labels of a time: "on Monday", "last week".
TIME_ENTS = frozenset({"DATE", "TIME"})
# How the tagger reads a cue in a title-case headline: as a name, a verb or a plural noun ("Vows").
TITLE_CUE_POS = frozenset({"PROPN", "VERB", "NOUN"})
PUNCT_EDGE = frozenset({"PUNCT", "SPACE"})
CONTENT_DEPS = frozenset({"ccomp"})
# How far back (chars) a reported clause may start and still hold a later cue: one long paragraph.
NESTING_WINDOW = 3000
OPENERS = frozenset({"“", "``", "«"})
CLOSERS = frozenset({"”", "''", "»"})
# Marks that open or close by position: an odd count of them in a content leaves a quote open.
STRAIGHT_TOKENS = frozenset({'"', "''"})
CLOSING_MARKS = CLOSERS | STRAIGHT_TOKENS  # a mark that may close a quote
BRACKETS = (("(", ")"), ("[", "]"))


@dataclass
class Attribution:
    """One reporting act found in the parse (char offsets into the document text)."""

    cue: tuple[int, int]
    cue_i: int
    speaker: tuple[int, int] | None
    speaker_i: int | None
    content: tuple[int, int] | None
    scope: tuple[int, int]  # the cue verb's whole clause, to tell its own quoted words from others'
    pattern: str
    lemma: str = ""
    # Open mode: a verb outside the cue lists, proposed for the model to judge (never links quotes).
    open: bool = False
    features: list[str] = field(default_factory=list)
    # The attribution's own words set inside its content (``Now, according to the poll, some …``).
    aside: tuple[int, int] | None = None

    @property
    def key(self) -> str:
        """``say/verb``, ``according to/according_to``: how reliable cues are looked up."""
        return f"{self.lemma}/{self.pattern}"


def _subtree_chars(tok: Token) -> tuple[int, int]:
    """Char span of a token's whole subtree: its clause."""
    first, last = tok.left_edge, tok.right_edge
    return first.idx, last.idx + len(last)


def _attribution_at(
    tok: Token,
    speaker: Token | None,
    content: tuple[int, int] | None,
    scope: tuple[int, int],
    pattern: str,
    *,
    open_: bool = False,
) -> Attribution:
    """An attribution whose cue is the one word ``tok`` and whose speaker (if any) is ``speaker``."""
    return Attribution(
        cue=(tok.idx, tok.idx + len(tok)),
        cue_i=tok.i,
        speaker=speaker_span(speaker) if speaker is not None else None,
        speaker_i=speaker.i if speaker is not None else None,
        content=content,
        scope=scope,
        pattern=pattern,
        lemma=tok.lemma_.lower(),
        open=open_,
    )


def _span_chars(tokens: list[Token]) -> tuple[int, int] | None:
    """Char span of ``tokens`` (sorted), trimmed of punctuation. A leading complementizer stays: the
    reported clause is ``that Germany would send …`` (PolNeAR train marks the "that" in 2,626 contents
    and leaves it out of 31)."""
    lo, hi = 0, len(tokens)
    while lo < hi and (tokens[lo].pos_ in PUNCT_EDGE or tokens[lo].dep_ == "cc"):
        if _opens_quote_inside(tokens, lo, hi):
            break  # "cited “serious flaws” in the design": the quote opens the content, marks and all
        lo += 1  # "But the plan, he said, would …": the opening conjunction is the writer's link
    while hi > lo and (tokens[hi - 1].pos_ in PUNCT_EDGE or tokens[hi - 1].dep_ == "cc"):
        hi -= 1
    if hi <= lo:
        return None
    inside = [t.text for t in tokens[lo:hi]]
    straight = sum(m in STRAIGHT_TOKENS for m in inside)
    opened = sum(m in OPENERS for m in inside) - sum(m in CLOSERS and m not in STRAIGHT_TOKENS for m in inside)
    last = tokens[hi - 1]
    doc = last.doc
    # Keep the closing mark of a quote the content opened (the parser may hang it elsewhere).
    if opened > 0 or straight % 2:
        for tok in doc[last.i + 1 : min(len(doc), last.i + 3)]:
            if tok.text in CLOSERS or tok.text in STRAIGHT_TOKENS:
                last = tok
                break
    # And the bracket it opened: "for 9.9 billion yuan (about US$1.4 billion)".
    for opener, closer in BRACKETS:
        if inside.count(opener) > inside.count(closer):
            nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
            if nxt is not None and nxt.text == closer:
                last = nxt
    return tokens[lo].idx, last.idx + len(last)


def _opens_quote_inside(tokens: list[Token], lo: int, hi: int) -> bool:
    """Whether ``tokens[lo]`` is a quotation mark that opens a quote closed before ``hi``."""
    mark = tokens[lo].text
    if mark in OPENERS:
        return any(t.text in CLOSERS for t in tokens[lo + 1 : hi])
    # a straight mark opens only where the content's marks pair up ('" the city managed to "lose" …' closes one)
    return mark in STRAIGHT_TOKENS and sum(t.text == mark for t in tokens[lo:hi]) % 2 == 0


def _without_trailing_clause(tokens: list[Token], lex: QuoteLexicon) -> list[Token]:
    """``… his donations, which he said …``, ``… the plan was fair, although she refused to …``: a
    relative clause, apposition or loose noun phrase set off by a comma at the end of the content
    (``trailing_cut_deps``), or an adverbial clause there that reports an act of its own, is the
    writer's, not the speaker's; so is a participle right after a partial quote's closing mark
    (``_participle_after_quote``). Other adverbial clauses stay (``…, because …``, ``…, bringing …``):
    PolNeAR train annotates them inside the reported words about two times in three."""
    if not lex.trailing_cut_deps or len(tokens) < 4:
        return tokens
    last = len(tokens) - 1
    while last > 0 and tokens[last].pos_ in PUNCT_EDGE:
        last -= 1
    end_i = tokens[last].i
    position = {t.i: k for k, t in enumerate(tokens)}
    for k in range(1, last):
        tok = tokens[k]
        if tok.right_edge.i < end_i or tok.left_edge.i not in position:
            continue
        if (
            tok.dep_ in lex.trailing_cut_deps
            or (tok.dep_ == "advcl" and _holds_cue(tok, lex))
            or _participle_after_quote(tok)
        ):
            absolute = _with_phrase_before(tok) if tok.lemma_.lower() in lex.speech_verbs else None
            if absolute is not None and absolute.i in position:
                tok = absolute  # "…, with one analyst saying …": the "with" opens the other act
            before = position[tok.left_edge.i] - 1
            if before > 0 and tokens[before].text == "," and tokens[before].i == tok.left_edge.i - 1:
                return tokens[:before]
            # News style puts the comma inside the closing mark: ``the “War On Drugs,” which …``
            if (
                before > 1
                and tokens[before].text in CLOSERS | MARKS
                and tokens[before - 1].text == ","
                and tokens[before].i == tok.left_edge.i - 1
            ):
                return [*tokens[: before - 1], tokens[before]]
    return tokens


def _participle_after_quote(tok: Token) -> bool:
    """``called him the “ultimate hypocrite,” linking to a story …``: a participle clause right
    after a partial quote's closing mark and comma is the writer's (PolNeAR train: 36 such clauses
    stop the reported words, 8 go on with them)."""
    if tok.tag_ != "VBG" or tok.left_edge.i != tok.i or tok.i < 2:
        return False
    before, mark = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    if before.text in CLOSING_MARKS:
        before, mark = mark, before
    return before.text == "," and mark.text in CLOSING_MARKS


def _holds_cue(clause: Token, lex: QuoteLexicon) -> bool:
    """Whether a clause reports speech of its own (``…, although he refused to pledge …``,
    ``…, contradicting the police's claim that …``): another act, another attribution."""
    return any(t.pos_ in ("VERB", "NOUN") and t.lemma_.lower() in lex.cue_verbs for t in clause.subtree)


def _subtree(tok: Token, exclude: Token | None = None) -> list[Token]:
    skip = set(t.i for t in exclude.subtree) if exclude is not None else set()
    return [t for t in tok.subtree if t.i not in skip]


def speaker_span(head: Token) -> tuple[int, int]:
    """The surface mention of a subject: its left modifiers up to the head, on the head's line, plus
    compound names after it. A fronted topic the parser hung on the head and set off by a comma is
    not part of it: ``Of Carson, Levine`` is Levine."""
    start = head.left_edge.i
    end = head.i
    doc = head.doc
    for left in head.lefts:
        if left.dep_ == "nmod" and left.right_edge.i + 1 < head.i and doc[left.right_edge.i + 1].text == ",":
            start = max(start, left.right_edge.i + 2)
    while end + 1 < len(doc) and doc[end + 1].dep_ in ("compound", "flat") and doc[end + 1].head.i == head.i:
        end += 1
    while start < head.i and crosses_line(doc[start], head):  # not from the line above: "2009\nAmerican …"
        start += 1
    first = doc[start]
    while start < end and first.pos_ in PUNCT_EDGE:
        start += 1
        first = doc[start]
    return doc[start].idx, doc[end].idx + len(doc[end])


def _subject(tok: Token, lex: QuoteLexicon) -> Token | None:
    """The subject of ``tok``, or of the verb a participle or conjunct hangs off (a relative pronoun
    stays: PolNeAR marks ``who`` and ``that`` as the source)."""
    seen = 0
    cur: Token | None = tok
    if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.dep_ in ("dobj", "attr", "oprd"):
        cur = tok.head.head  # "He adopted a fake Southern accent and joked": a verb joined to the object
    cur = _reporting_conjunct(tok, lex) or cur  # "said that she will try … and insisted": "said"'s subject
    cur = _joined_participle(tok, lex) or cur  # "saying that …, and merely saying that …": the first's
    skip = False  # a subordinate clause's subject, passed over (see below)
    while cur is not None and seen < 4:
        if cur.i != tok.i and _thing_relative(cur, lex):
            # "blocked a law that would ban …, saying it …": a thing cannot say; the participle is the
            # main clause's, whose subject speaks
            cur, skip = cur.head.head, False
            seen += 1
            continue
        for child in cur.children if not skip else ():
            if child.dep_ in SUBJECT_DEPS:
                return child
        if cur.i == tok.i:
            own = _unlabelled_subject(tok)
            if own is not None:
                return own
        # "He described … so that their children could live in …, concluding that …": a participle
        # after a purpose clause is the main clause's, whose subject speaks.
        skip = (
            cur.tag_ == "VBG"
            and cur.dep_ == "advcl"
            and cur.head.i < cur.i
            and cur.head.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in lex.purpose_marks for c in cur.head.children)
        )
        stolen = _subject_of_relative_before(cur, lex)
        if stolen is not None:
            return stolen
        run_on = _run_on_clause(cur) if cur.i == tok.i else None
        if run_on is not None:
            return next(c for c in run_on.lefts if c.dep_ in SUBJECT_DEPS)
        absolute = _with_phrase_before(cur) if cur.i == tok.i else None
        if absolute is not None:
            return next((c for c in absolute.children if c.dep_ == "pobj"), None)
        if cur.dep_ in ("advcl", "conj", "xcomp", "acl", "acomp") and cur.head.i != cur.i:
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return cur.head  # a statement saying …, the ministry saying …
            cur = cur.head
            seen += 1
            continue
        if cur.dep_ == "advmod" and cur.pos_ == "ADV" and cur.head.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            cur = cur.head  # "went so far as to say …": the clause hangs on an adverb of the verb
            seen += 1
            continue
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("VERB", "AUX"):
            if cur.head.lower_ == "as" and cur.tag_ == "VBG" and cur.lemma_.lower() in lex.as_saying_verbs:
                quoted = _quoted_as(cur.head.head, lex)
                if quoted is not None:
                    return quoted
            cur = cur.head.head  # "began by saying …", "was criticised for saying …"
            seen += 1
            continue
        return None
    return None


def _unlabelled_subject(verb: Token) -> Token | None:
    """A subject the parser gave another label: ``About 4 in 10 say …`` (the number as the verb's
    modifier) and ``He's said he …`` ("'s" read as the passive's "is" where a clause of its own
    follows: "has said")."""
    lefts = list(verb.lefts)
    if lefts and lefts[-1].dep_ == "nummod" and lefts[-1].tag_ == "CD" and lefts[-1].i == verb.i - 1:
        return lefts[-1]
    if _has_said(verb):
        return next((c for c in lefts if c.dep_ == "nsubjpass"), None)
    return None


def _has_said(verb: Token) -> bool:
    """``He's said he …``: "'s" the parser read as a passive's "is", though a clause with its own
    subject follows (a passive reports none): "has said", and its "subject" speaks."""
    has = any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.lefts)
    return has and any(c.dep_ == "ccomp" and any(g.dep_ in SUBJECT_DEPS for g in c.children) for c in verb.rights)


def _quoted_as(verb: Token, lex: QuoteLexicon) -> Token | None:
    """Who ``verb … as saying`` has say it: its object (``quoted the mayor as saying``, ``cited an
    engineer as saying``), or the subject of a passive verb of quoting (``was quoted as saying``).
    Only a verb of saying: ``painted her rival as offering …`` is the painter's view of the rival."""
    for c in verb.children:
        if c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and verb.lemma_.lower() in lex.quoting_verbs):
            return c
    return None


def quoted_speaker(verb: Token, lex: QuoteLexicon) -> Token | None:
    """The one a verb of quoting quotes (``the Gazette quoted the mayor as saying``: "mayor"), or
    None: the speaker of the words, not the outlet that passes them on."""
    if verb.lemma_.lower() not in lex.quoting_verbs:
        return None
    says = (p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children)
    if not any(p.tag_ == "VBG" and p.lemma_.lower() in lex.as_saying_verbs for p in says):
        return None
    return _quoted_as(verb, lex)


def participle_read_as_past(tok: Token) -> bool:
    """``Asked whether he would run, Reyes said …``: a past form opening its sentence and hung on the
    main verb, with no subject or auxiliary of its own, is a participle the tagger read as a past
    tense."""
    return (
        tok.tag_ == "VBD"
        and tok.dep_ == "advcl"
        and tok.i == tok.sent.start
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("nsubjpass", "aux", "auxpass") for c in tok.children)
    )


def _thing_relative(verb: Token, lex: QuoteLexicon) -> bool:
    """A relative clause whose pronoun subject ("that", "which") stands for a thing that cannot
    say anything (``a law that would ban …``), hung on a verb the noun is an argument of."""
    if verb.dep_ != "relcl" or verb.head.head.i == verb.head.i or verb.head.head.pos_ not in ("VERB", "AUX"):
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and subject.lower_ in ("that", "which") and not _may_hold(verb.head, lex)


def _subject_of_relative_before(verb: Token, lex: QuoteLexicon) -> Token | None:
    """``Lee, meanwhile, who has won no such backing yet, said …``: the parser read the relative
    clause as a clause of its own before the verb, and gave it both subjects. The one before the
    relative pronoun is the verb's."""
    for clause in verb.lefts:
        if clause.dep_ in ("advcl", "ccomp") and _misread_relative(clause, lex):
            return next(c for c in clause.lefts if c.dep_ in SUBJECT_DEPS)
    return None


def _run_on_clause(cue: Token) -> Token | None:
    """``He pledged to be “…” and cast doubt on the rate, suggested that …``, ``Smith criticized
    her record said she …``: a cue with no subject, hung by the parser on the clause before it as if
    that were a quote it tags, and with a reported clause of its own after it. The clause before is
    a run-on of the same speaker: its subject speaks, and the clause after is what the cue reports.
    Not a quotation (``“…,” said Hale``) nor a clause across a sentence end."""
    if cue.tag_ not in FINITE_VERB_TAGS or any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None
    before = [c for c in cue.lefts if c.dep_ in CONTENT_DEPS]
    after = next((c for c in cue.rights if c.dep_ in CONTENT_DEPS), None)
    if not before or after is None or not _plain_clause(after, opens_with_that=True):
        return None  # not "said a former spokesman, who …, added": an inverted tag
    clause = before[-1]
    if clause.tag_ not in FINITE_VERB_TAGS or not _plain_clause(clause):
        return None  # not "Jo Hale, a Reno rabbi helping …, said": a subject read as a clause
    doc = cue.doc
    words = doc[clause.left_edge.i : cue.i]
    if any(t.is_quote or t.text in (".", "?", "!", ";", ":") or "\n" in t.text for t in words):
        return None
    return clause


def _plain_clause(clause: Token, *, opens_with_that: bool = False) -> bool:
    """A clause that opens on its subject (or, with ``opens_with_that``, on "that"), with its verb
    right after the subject (an auxiliary, adverb, negation or quotation mark between at most)."""
    first = clause.left_edge
    if opens_with_that and first.lower_ == "that" and first.dep_ == "mark":
        return True
    subject = next((c for c in clause.lefts if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.left_edge.i != first.i:
        return False
    between = clause.doc[subject.right_edge.i + 1 : clause.i]
    return all(t.dep_ in ("aux", "auxpass", "advmod", "neg") or t.is_quote for t in between)


def _misread_relative(clause: Token, lex: QuoteLexicon) -> bool:
    """A clause before a verb without a subject that is really that verb's subject and its relative
    clause: two subjects, a name and then a relative pronoun (``Lee, meanwhile, who has …,
    said``), or a subject with a relative clause set off by commas (``One guest, who like the rest
    asked not to be named, said``)."""
    subjects = [c for c in clause.lefts if c.dep_ in SUBJECT_DEPS]
    relative = lex.relative_pronouns
    if len(subjects) == 2:
        return subjects[1].lower_ in relative and subjects[0].lower_ not in relative
    if len(subjects) != 1 or subjects[0].lower_ in relative:
        return False
    doc = clause.doc
    for c in subjects[0].rights:
        first = c.left_edge
        if c.dep_ == "relcl" and first.lower_ in relative and first.i > 0 and doc[first.i - 1].text == ",":
            return True
    return False


def _adjacent_name(cue: Token, *, past_adverbs: bool = False) -> Token | None:
    """A name the parser attached elsewhere, right before or after the cue: ``… the Post Trump
    said`` (``past_adverbs``: ``… the Post Trump also said`` too)."""
    doc = cue.doc
    k = cue.i - 1
    while past_adverbs and k > 0 and doc[k].pos_ == "ADV" and doc[k].dep_ == "advmod":
        k -= 1
    before = doc[k] if k >= 0 else None
    if before is not None and before.pos_ in ("PROPN", "PRON") and before.tag_ != "PRP$":
        return before
    after = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if after is not None and after.pos_ == "PROPN" and cue.i > 0 and doc[cue.i - 1].is_punct:
        return after
    return None


def _clause_content(cue: Token, lex: QuoteLexicon) -> tuple[int, int] | None:
    own_subject = any(c.dep_ in SUBJECT_DEPS for c in cue.children)
    run_on = _run_on_clause(cue)
    skip = run_on.i if run_on is not None else -1
    clauses = [c for c in cue.children if c.dep_ in CONTENT_DEPS and c.i != skip]
    if len(clauses) > 1 and cue.lemma_.lower() in ADDRESSEE_VERBS:
        # "telling CBS's “Face the Nation” that the measure …": the addressee, a title the parser read
        # as a clause, comes first; the clause opened by "that" is what was told
        marked = [c for c in clauses if c.i > cue.i and any(_opens_report(m) for m in c.children)]
        clauses = marked + [c for c in clauses if c not in marked]
    for child in clauses:
        if _adverbial(child, lex) and (child.i > cue.i or len(clauses) > 1):
            continue
        if not (child.i < cue.i and not own_subject and _misread_relative(child, lex)):
            return _reported_clause(cue, child, lex)
    for child in cue.rights:
        # The small parser sometimes hangs "said that X was …" as an adverbial clause.
        if child.dep_ in ("advcl", "dep") and child.left_edge.i > cue.i and _reported_mark(cue, child.left_edge):
            return _span_chars(_without_trailing_clause(_until_coordination(child), lex))
        if child.dep_ in ("advcl", "ccomp") and _for_to_clause(cue, child):
            # "is calling for the United States to step up …": what is called for, less the "for".
            tokens = [t for t in _until_coordination(child) if t.i > child.left_edge.i]
            return _span_chars(_without_trailing_clause(tokens, lex))
    if cue.lemma_.lower() in lex.speech_verbs:
        clause = _that_clause_on_noun(cue)
        if clause is not None:
            return _reported_clause(cue, clause, lex)
    return None


def _opens_report(tok: Token) -> bool:
    """A subordinating "that", "whether" or "if" marking a reported clause."""
    return tok.dep_ == "mark" and tok.lower_ in ("that", "whether", "if")


def _adverbial(clause: Token, lex: QuoteLexicon) -> bool:
    """A clause of time, cause or concession the parser made a complement: ``shortly after the
    senator suspended his campaign, Cruz said he …`` (data: ``adverbial_marks``). Before the cue and
    its only clause, it is what the cue reports all the same: ``Since that ruling, the county has
    engaged in …, the lawsuit says`` (the parser took the preposition for a mark)."""
    return any(c.dep_ == "mark" and c.lower_ in lex.adverbial_marks for c in clause.children)


def _reported_clause(cue: Token, clause: Token, lex: QuoteLexicon) -> tuple[int, int] | None:
    tokens = _without_leading_time(cue, _without_trailing_clause(_without_own_cues(clause, lex), lex))
    if tokens and tokens[0].i < cue.i < tokens[-1].i and tokens[0].lower_ in lex.relative_pronouns:
        tokens = _relative_report(cue, tokens)
    second = _second_that_clause(cue, clause)
    if second is not None and tokens:  # "said X, but that Y": both clauses are reported
        tokens = tokens + [t for t in cue.doc[tokens[-1].i + 1 : second.right_edge.i + 1]]
    return _span_chars(tokens)


def _without_leading_time(cue: Token, tokens: list[Token]) -> list[Token]:
    """``Qantas said on Thursday it had grounded …``: a time right after the cue, before the clause's
    subject, is when it was said, though the parse hangs it on the clause (PolNeAR train leaves
    such a day out of the content 72 times in 95)."""
    if not tokens or tokens[0].i != cue.i + 1:
        return tokens
    k = 1 if tokens[0].dep_ == "prep" and tokens[0].lower_ == "on" else 0
    if k == 0 and tokens[0].dep_ != "npadvmod":
        return tokens  # "reported year-over-year revenue declines": a time word inside the words
    while k < len(tokens) and tokens[k].ent_type_ in TIME_ENTS:
        k += 1
    if k == 0 or k == len(tokens) or tokens[k - 1].ent_type_ not in TIME_ENTS:
        return tokens
    first = tokens[k]  # "that", or the first word of the clause's subject ("the deal was off")
    opens = first.lower_ == "that" or any(t.dep_ in SUBJECT_DEPS and t.left_edge.i == first.i for t in tokens)
    return tokens[k:] if opens else tokens


def _relative_report(cue: Token, tokens: list[Token]) -> list[Token]:
    """``the law, which Republicans said was needed …``: the relative pronoun opens the clause
    before its cue and speaker; the reported words are those after the cue, up to the comma that
    closes the relative clause when the parse ran the sentence's own verb into it (``The bill,
    which Democrats said would hurt voters, passed on Monday``)."""
    after = [t for t in tokens if t.i > cue.i]
    for k, tok in enumerate(after[:-1]):
        nxt = after[k + 1]
        if (
            tok.text == ","
            and nxt.dep_ == "conj"
            and nxt.pos_ == "VERB"
            and not any(c.dep_ in SUBJECT_DEPS for c in nxt.children)
        ):
            return after[:k]
    return after


def _that_clause_on_noun(cue: Token) -> Token | None:
    """``said at a briefing on Monday that she may delay …``, ``said in remarks to reporters that …``,
    ``telling aldermen that …``: the parser hangs the reported clause on the noun before it as a
    relative clause or a clause of the noun. It is the reported one when it opens with "that" as a conjunction
    and has a subject of its own (a relative "that" would be the subject or the object itself), and
    words after its verb ("an interaction that she interpreted": the object, mislabelled)."""
    nouns = [c for c in cue.rights if c.dep_ in ("dobj", "npadvmod")]
    nouns += [p for c in cue.rights if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    addressee = cue.lemma_.lower() in ADDRESSEE_VERBS  # "telling aldermen that …": told, not the aldermen's
    for noun in nouns:
        for clause in noun.rights:
            # not "cited the claim that …", a clause of the noun
            kinds = ("relcl", "acl") if noun.dep_ == "pobj" or addressee else ("relcl",)
            if clause.dep_ not in kinds or clause.left_edge.lower_ != "that" or clause.right_edge.i == clause.i:
                continue
            subjects = [c for c in clause.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl")]
            if clause.left_edge.dep_ != "mark" and not (len(subjects) > 1 and subjects[0].i == clause.left_edge.i):
                continue  # a relative "that"; but "in an email that Harborview values …" gave "that" and
                # "Harborview" both as subjects: the "that" opens the clause
            subject = next((c for c in subjects if c.tag_ not in ("WDT", "WP") and c.lower_ != "that"), None)
            if subject is not None:
                return clause
    return None


def _second_that_clause(cue: Token, clause: Token) -> Token | None:
    """``said the city must fix its bridges, but that she would not raise the toll``: a
    conjunct of the cue opened by its own "that" is a second reported clause (the parser hangs it on
    the cue)."""
    for conj in cue.rights:
        if conj.dep_ == "conj" and conj.i > clause.right_edge.i:
            first = conj.left_edge
            if first.lower_ == "that" and first.dep_ == "mark":
                return conj
            return None
    return None


# Verbs that report a question: "asked if he was ever bullied" (the parser hangs it as an adverbial clause).
QUESTION_VERBS = frozenset({"ask", "wonder", "inquire", "question"})


def _for_to_clause(cue: Token, clause: Token) -> bool:
    """``calling for the party to unite``: a "for" + subject + "to" clause right after the cue."""
    first = clause.left_edge
    return (
        first.lower_ == "for"
        and first.i == cue.i + 1
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.lefts)
        and any(c.lower_ == "to" and c.dep_ == "aux" for c in clause.lefts)
    )


def _reported_mark(cue: Token, first: Token) -> bool:
    """Whether an adverbial clause opened by ``first`` is what ``cue`` reports: ``said that …``, and
    ``asked if …`` / ``asked whether …`` for a verb of asking."""
    low = first.lower_
    return low == "that" or (low in ("if", "whether") and cue.lemma_.lower() in QUESTION_VERBS)


def _without_own_cues(head: Token, lex: QuoteLexicon) -> list[Token]:
    """The clause less what its own participle cues report (``…, arguing that …`` is a second act),
    and less a cue the parse joined to one of its verbs that is really the reporting verb's
    conjunct (``said that she will “try …” and insisted that …``)."""
    cut: set[int] = set()
    for tok in head.subtree:
        if tok.i == head.i or tok.i in cut:
            continue
        tag = tok.tag_
        if tag == "VBG":
            own = tok.dep_ in lex.participle_deps and tok.lemma_.lower() in lex.cue_verbs
            absolute = _with_phrase_of(tok) if tok.lemma_.lower() in lex.speech_verbs else None
            if absolute is not None and absolute.i != head.i:
                own = True  # "…, with the mayor saying …": another speaker's act, "with" and all
                cut.update(t.i for t in absolute.subtree)
        else:
            own = _reporting_conjunct(tok, lex) is not None
        if own:
            cut.update(t.i for t in tok.subtree)
    return [t for t in head.subtree if t.i not in cut]


def _with_phrase_of(verb: Token) -> Token | None:
    """The "with" of an absolute construction whose participle ``verb`` is: ``with the mayor saying
    …`` (the parse makes the participle the preposition's complement, its noun the subject) or
    ``with one analyst, Jane Moss, saying …`` (it hangs the participle on the main verb)."""
    if verb.tag_ != "VBG":
        return None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with" and any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return verb.head
    return _with_phrase_before(verb)


def _with_phrase_before(verb: Token) -> Token | None:
    """The "with" phrase that ends right before the participle ``verb`` when both hang on the same
    verb: in ``…, with one analyst, Jane Moss, saying …`` its noun is the subject. A comma between
    them must close an apposition: ``argued with the Democrats, saying …`` is the arguer's act."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "conj", "xcomp") or verb.i == 0:
        return None
    comma = verb.doc[verb.i - 1].text == ","
    j = verb.i - 2 if comma else verb.i - 1
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "with" or prep.i > j or prep.right_edge.i != j:
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
        # No comma between the noun and its participle, but for one that closes an apposition.
        if noun is not None and (not comma or any(c.dep_ == "appos" and c.right_edge.i == j for c in noun.children)):
            return prep
    return None


def _reporting_conjunct(tok: Token, lex: QuoteLexicon) -> Token | None:
    """The reporting verb that a cue joined by the parse to a verb of its reported clause really
    joins, or None: ``said that she will try … and insisted that …`` (a finite verb cannot be
    coordinated with the infinitive "try"; it is "said"'s conjunct, in "said"'s tense, with its
    subject). A verb with its own "did"/"does" (``had left the company, but did not say whether …``)
    is finite in that auxiliary's tense and cannot share the auxiliary of the verb it joins."""
    if tok.dep_ == "ccomp":
        return _misread_conjunct(tok, lex)
    if tok.dep_ != "conj":
        return None
    tense = _own_tense(tok)
    heads = NON_FINITE_HEAD_TAGS if tense == tok.tag_ else NON_FINITE_HEAD_TAGS | {"VBN"}
    if tense == "VBD":
        heads = heads | PRESENT_TAGS  # "said it “respects the decision” but urged talks": past after present
    # A verb of saying joined to the verb of a clause that a verb of saying reports is the reporter's
    # next act, in any tense but the perfect (whose "has" it may share): "said she regretted it and
    # promised to …", "said the move was made by the mayor and said …"
    head = tok.head
    saying = (
        tok.lemma_.lower() in lex.speech_verbs
        and head.lemma_.lower() not in lex.speech_verbs
        and head.dep_ in CONTENT_DEPS
        and head.head.lemma_.lower() in lex.speech_verbs
        and not (head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children))
    )
    if tense not in FINITE_VERB_TAGS or not (saying or head.tag_ in heads):
        return None  # after a participle ("has criticized … and called") the tagger's VBD may be a VBN
    if tok.lemma_.lower() not in lex.cue_verbs or any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None
    above = tok.head
    for _ in range(4):
        if above.head.i == above.i:
            return None
        above = above.head
        if above.tag_ == tense and above.lemma_.lower() in lex.cue_verbs:
            return above
    return None


def _misread_conjunct(tok: Token, lex: QuoteLexicon) -> Token | None:
    """The verb of saying that ``tok``, a second clause the parse gave it, really joins: ``said crews
    were on their way but warned that …`` ("but warned", with no subject, is "said"'s conjunct, a
    second act of its speaker), or None."""
    verb = tok.head
    if tok.i == 0 or tok.doc[tok.i - 1].pos_ != "CCONJ" or verb.lemma_.lower() not in lex.speech_verbs:
        return None
    if tok.lemma_.lower() not in lex.cue_verbs or _own_tense(tok) not in FINITE_VERB_TAGS:
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None
    first = next((c for c in verb.children if c.dep_ in CONTENT_DEPS and c.i < tok.i), None)
    return verb if first is not None and first.i > verb.i else None


def _joined_participle(tok: Token, lex: QuoteLexicon) -> Token | None:
    """The participle of saying that a second one really joins when the parse made the second its
    reported clause: in ``…, saying that it was a question for the Treasury, and merely saying that
    he expected …`` the "and" before it coordinates two acts of one speaker."""
    head = tok.head
    if tok.dep_ != "ccomp" or tok.tag_ != "VBG" or head.tag_ != "VBG" or head.i > tok.i:
        return None
    if tok.lemma_.lower() not in lex.speech_verbs or head.lemma_.lower() not in lex.speech_verbs:
        return None
    first = tok.left_edge
    if any(t.pos_ != "ADV" for t in tok.doc[first.i : tok.i]):
        return None  # only adverbs before it ("merely saying"), then the "and"
    return head if first.i > 0 and tok.doc[first.i - 1].dep_ == "cc" else None


def _own_tense(tok: Token) -> str:
    """The tag that makes ``tok`` finite: its own, or that of its do-support ("did not say": VBD)."""
    if tok.tag_ == "VB":
        for c in tok.children:
            if c.dep_ == "aux" and c.lemma_ == "do" and c.tag_ in FINITE_VERB_TAGS:
                return str(c.tag_)
    return str(tok.tag_)


def _until_coordination(head: Token) -> list[Token]:
    """The clause of ``head`` without the verbs coordinated after it (``… and encouraged …``)."""
    stop = next((c.i for c in head.rights if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None)
    return [t for t in head.subtree if stop is None or t.i < stop]


OWN_OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp"})


def _has_own_object(cue: Token) -> bool:
    return any(c.dep_ in OWN_OBJECT_DEPS for c in cue.children)


def _conjoined_tag(cue: Token, lex: QuoteLexicon) -> bool:
    """``The mayor stays in the race …, her campaign manager, Ann Hale, told the Gazette.``: a tag
    after a comma that the parser joined to the clause as its conjunct. The cue has a subject of its
    own, no "and"/"but" joins them, and nothing but its addressee follows it to the sentence's end."""
    head = cue.head
    if cue.dep_ != "conj" or head.i >= cue.i or head.pos_ not in ("VERB", "AUX"):
        return False
    if head.lemma_.lower() in lex.speech_verbs:
        return False  # "he said …, she said": two acts of saying
    subject = next((c for c in cue.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i == 0 or cue.doc[subject.left_edge.i - 1].text not in (",", "—", "–"):
        return False
    if any(c.dep_ == "cc" and head.i < c.i < cue.i for c in head.children):
        return False
    addressee = cue.lemma_.lower() in ADDRESSEE_VERBS
    for c in cue.rights:
        if c.is_punct:
            continue
        if c.dep_ in ("ccomp", "xcomp", "advcl", "conj") or (c.dep_ == "dobj" and not addressee):
            return False
    tail = cue.doc[cue.right_edge.i + 1 : cue.sent.end]
    return all(t.is_punct or t.is_space for t in tail)


def _parenthetical_content(cue: Token, lex: QuoteLexicon) -> tuple[int, int] | None:
    """``The museum, Mr. Obama said, would …``: the clause around a cue set into it. Not a participle
    opening the sentence (``Asked about the budget, the senator laughed``: the senator did not say that)."""
    if cue.tag_ == "VBN" and cue.i < cue.head.i and cue.dep_ == "advcl":
        return None
    if _conjoined_tag(cue, lex):
        return _span_chars(_without_trailing_clause(_subtree(cue.head, exclude=cue), lex))
    if _has_own_object(cue):
        return None  # "…, recalling summer visits to the lake": the participle reports its own object
    if cue.head.i < cue.i and any(c.dep_ == "mark" and c.lower_ != "as" and 0 < cue.i - c.i <= 3 for c in cue.children):
        return None  # "… were given loans after they warned": a subordinate clause, not a tag ("as he said" is)
    if (
        cue.dep_ in ("parataxis", "ccomp", "advcl")
        and cue.head.i != cue.i
        and cue.head.pos_ in ("VERB", "AUX")
        and cue.head.lemma_.lower() not in lex.speech_verbs  # "he said, she said": the head speaks itself
    ):
        tokens = _subtree(cue.head, exclude=cue)
        return _span_chars(_without_trailing_clause(_without_time_after_tag(cue, tokens), lex))
    return None


def _without_time_after_tag(cue: Token, tokens: list[Token]) -> list[Token]:
    """``As the mayor said last week, the plan is dead``: a time between a tag and its comma is when
    it was said, though the parse hangs it on the clause after."""
    after = [t for t in tokens if t.i > cue.right_edge.i]
    comma = next((t for t in after if t.text == ","), None)
    between = [t for t in after if comma is not None and t.i < comma.i]
    if not between or between[0].i != cue.right_edge.i + 1 or any(t.ent_type_ not in TIME_ENTS for t in between):
        return tokens
    assert comma is not None
    return [t for t in tokens if not (cue.right_edge.i < t.i <= comma.i)]


# Clauses that "according to X" after them reports together with the clause they hang on.
ACCORDING_CLIMB_DEPS = frozenset({"advcl", "xcomp"})
# Verbs whose object is the addressee, not the words: "told reporters" says nothing by itself.
ADDRESSEE_VERBS = frozenset({"tell", "ask", "warn", "inform", "brief", "remind", "assure", "notify", "advise"})


def _is_time(prep: Token) -> bool:
    return any(c.ent_type_ in TIME_ENTS for c in prep.children if c.dep_ == "pobj")


def _speech_prep(prep: Token, lex: QuoteLexicon, any_prep: bool = False) -> bool:
    """``called for a ceasefire``, not ``spoke on Monday``: a prepositional complement that is not a time."""
    if prep.lower_ not in lex.object_preps and not any_prep:
        return False
    return not _is_time(prep)


def _without_trailing_time(tokens: list[Token]) -> list[Token]:
    """``called the talks “useful” on Tuesday``: a time phrase closing the object is the writer's."""
    if len(tokens) < 3:
        return tokens
    last = tokens[-1]
    while last.pos_ in PUNCT_EDGE and last.i > tokens[0].i:
        last = last.doc[last.i - 1]
    for tok in tokens[1:]:
        if tok.dep_ == "prep" and _is_time(tok) and tok.right_edge.i == last.i:
            return [t for t in tokens if t.i < tok.i]
    return tokens


def _object_content(cue: Token, lex: QuoteLexicon, any_prep: bool = False) -> tuple[int, int] | None:
    """``called the talks “important”``, ``urged voters to …``: the verb's complements after it
    (``any_prep``: ``gone after Trump as …`` too, for the model to judge)."""
    parts: list[Token] = []
    for c in cue.rights:  # the complements right after the verb; a time or place after them is not speech
        if c.pos_ == "SPACE":
            continue  # a no-break space the parser hung off the verb ("will discuss\xa0his new book")
        if c.text in OPENERS or c.text in STRAIGHT_TOKENS:
            continue  # "calling it “absurd”": the opening mark of a complement the parser hung on the verb
        if c.dep_ in lex.object_deps and (c.dep_ != "prep" or _speech_prep(c, lex, any_prep and not parts)):
            parts.append(c)
        elif parts or c.dep_ not in ("advmod", "punct", "prt"):
            break
    if not parts:
        return None
    if cue.lemma_.lower() in ADDRESSEE_VERBS and all(c.dep_ in ("dobj", "dative") for c in parts):
        return None
    doc = cue.doc
    first = parts[0].left_edge.i
    if parts[0].dep_ == "prep" and parts[0].left_edge.i == parts[0].i and parts[0].i + 1 < len(doc):
        first = parts[0].i + 1  # "weighed in on [the allegations]": PolNeAR starts after the preposition
    tokens = list(doc[first : parts[-1].right_edge.i + 1])
    conjunct = next((t for t in tokens if second_act(t, lex)), None)
    if conjunct is not None:  # "urged the council to fund the clinic and praised its staff"
        tokens = [t for t in tokens if t.i < conjunct.left_edge.i]
    return _span_chars(_without_trailing_time(_without_trailing_clause(tokens, lex)))


def second_act(tok: Token, lex: QuoteLexicon) -> bool:
    """Whether ``tok`` is a verb the parse joined to a reported clause that is really the speaker's
    next act (``_matrix_conjunct``, ``_reporting_conjunct``): its words are not what was reported."""
    return _matrix_conjunct(tok) or _reporting_conjunct(tok, lex) is not None


def _matrix_conjunct(tok: Token) -> bool:
    """A past-tense verb the parse joined to an infinitive or participle of a complement
    (``urged the council to fund the clinic and praised its staff``): the two cannot be coordinated,
    so it is the cue's own conjunct, a second act of its subject, not words of the first. Past tense
    only: a present-tense form is too often a noun the tagger misread ("models and plans")."""
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VBD"
        and tok.head.tag_ in NON_FINITE_HEAD_TAGS
        and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
    )


def _cue_attribution(tok: Token, lex: QuoteLexicon, open_cues: bool = False) -> Attribution | None:
    pos = tok.pos_
    if pos != "VERB" and pos != "AUX":
        return None
    lemma = tok.lemma_.lower()
    known = lemma in lex.cue_verbs
    if not (known or (open_cues and pos == "VERB" and lemma.isalpha())):
        return None
    if not known:
        return _open_attribution(tok, lex)
    has_clause = any(c.dep_ in CONTENT_DEPS for c in tok.children)
    if tok.dep_ in lex.naming_deps and not has_clause:
        return None  # a group called “X”: naming, not speech
    subject = _subject(tok, lex)
    subject = quoted_speaker(tok, lex) or subject  # "“…,” the Gazette quoted the mayor as saying": hers
    passive = subject is not None and subject.dep_ == "nsubjpass" and not _has_said(subject.head)
    if passive and subject is not None and subject.head.lemma_.lower() not in lex.quoting_verbs:
        subject = None  # "was told …" hears, not says; "was quoted as saying …", "He's said he …" say
    participle = tok.tag_ == "VBN" or participle_read_as_past(tok)
    if participle and tok.lemma_.lower() in ADDRESSEE_VERBS and tok.dep_ in lex.participle_deps:
        subject = None  # "Asked about the vote, Rubio said …": the main subject was asked; the asker is unsaid
    if tok.lemma_.lower() in lex.sourceless_cues:
        subject = None  # "Trump seems to …": an impression the writer reports; its subject is the content's
    if subject is None and tok.dep_ not in lex.participle_deps:
        subject = _adjacent_name(tok, past_adverbs=tok.lemma_.lower() not in lex.sourceless_cues)
    if subject is None and tok.dep_ == "conj" and tok.head.pos_ == "VERB" and _subject(tok.head, lex) is None:
        subject = _adjacent_name(tok.head)  # "Mulally predicted …, and suggested …": the parse lost both subjects
    content = _clause_content(tok, lex)
    pattern = "verb"
    if content is None and tok.lemma_.lower() in lex.speech_verbs:
        content = _parenthetical_content(tok, lex)
        pattern = "parenthetical"
    if content is None and (tok.lemma_.lower() in lex.object_cue_verbs or _has_own_object(tok)):
        content = _object_content(tok, lex)
        pattern = "object"
    if content is None and tok.lemma_.lower() in lex.belief_verbs:
        return None  # beliefs count only with a reported clause
    if subject is None and content is None:
        return None
    if tok.dep_ in lex.participle_deps and tok.tag_ == "VBG":
        pattern = "participle"
    return _attribution_at(tok, subject, content, _subtree_chars(tok), pattern)


def _open_attribution(tok: Token, lex: QuoteLexicon, object_only: bool = False) -> Attribution | None:
    """Any verb with a reported clause or a complement: ``imposed sanctions on …``, ``focused on …``
    (``object_only``: the complement alone, for a listed cue whose clause the rules already took)."""
    if tok.dep_ in lex.naming_deps and tok.tag_ != "VBG" and not any(c.dep_ in CONTENT_DEPS for c in tok.children):
        return None  # "a group called …" names; "pastors supporting Mr. Cruz" is a stance
    content = None if object_only else _clause_content(tok, lex)
    pattern = "verb"
    # "The deal was announced during a forum …", "This is said to be …": a verb of saying in the passive
    # reports its subject or its complement, never a time or place; its subject never speaks. Not the
    # expletive "it" ("It was not disclosed whether …", which the speaker rules leave to nobody), nor a
    # passive that is an adjective ("Clinton is now assured of winning …": she holds that).
    said_passive = (
        tok.lemma_.lower() in lex.speech_verbs
        and any(c.dep_ == "nsubjpass" and c.lower_ != "it" for c in tok.children)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    )
    if content is None:
        content, pattern = _object_content(tok, lex, any_prep=not said_passive), "object"
    subject = _subject(tok, lex)
    if subject is None and tok.dep_ == "xcomp":  # "The Times is expected to endorse …"
        subject = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
    if subject is None and content is not None and not said_passive and not _names_its_subject(tok):
        subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)  # "is now assured of winning …"
    if content is None:
        content, subject, pattern = _passive_content(tok, lex)
        if said_passive and subject is not None and not _may_hold(subject, lex):
            return None  # "This fact is explained by great demand": a cause, not a speaker
    if content is None:
        content, subject, pattern = _relative_content(tok, lex)
    if content is None:
        return None
    if subject is not None and subject.dep_ == "nsubjpass" and pattern == "passive":
        subject = None  # the passive subject is what the stance is about
    if tok.lemma_.lower() in lex.sourceless_cues:
        subject = None  # "The team seemed paralyzed": the writer's impression; its subject is the content's
    if tok.dep_ in lex.participle_deps and tok.tag_ == "VBG":
        pattern = "participle"
    return _attribution_at(tok, subject, content, _subtree_chars(tok), pattern, open_=True)


def _names_its_subject(verb: Token) -> bool:
    """A passive whose complement says what its subject is or was made (``was projected the
    winner``, ``is listed as the chairman``, ``is seen as capable``): the subject is what is
    named, not one who holds a view."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    return passive and any(
        c.dep_ in ("dobj", "oprd") or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children if c.i > verb.i
    )


def _reports_clause(noun: Token) -> bool:
    """A noun followed by its own that-clause (``claim that …``, ``concerns that …``)."""
    return any(
        c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ in ("that", "whether") and c.left_edge.i == noun.i + 1
        for c in noun.rights
    )


def _noun_holder(tok: Token, lex: QuoteLexicon) -> Token | None:
    """Who holds a nominal stance without a possessor: ``Gillibrand, a supporter of …`` (apposition),
    ``has faced criticism for …`` (the verb's subject, unless the verb objects to it: data
    ``opposing_verbs``), ``acted in the hope of …`` (through the preposition)."""
    if tok.dep_ == "appos":
        return tok.head
    verb = None
    if tok.dep_ in ("dobj", "attr", "oprd"):
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        if tok.head.lower_ in lex.others_preps:
            return None  # "available on AT&T despite calls for Apple to …": the calls are not the iPhone's
        verb = tok.head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in lex.opposing_verbs:
        return None  # "protested a plan to close …": not the protesters' plan
    owner = _subject(verb, lex)
    return None if owner is not None and owner.dep_ == "nsubjpass" else owner


def _may_hold(tok: Token, lex: QuoteLexicon) -> bool:
    """Whether ``tok`` can be someone who says something: a name, a pronoun, a role, a group or an
    organisation noun (not "great demand" or "the fact")."""
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ in ("PROPN", "PRON"):
        return True
    return tok.lemma_.lower() in lex.holder_nouns or tok.lower_ in lex.holder_nouns


def _passive_content(tok: Token, lex: QuoteLexicon) -> tuple[tuple[int, int] | None, Token | None, str]:
    """``The merits of the program are being debated``, ``Valeant was spurned by …``: a passive verb's
    subject is what the stance is about; the agent (``by X``), if any, holds it."""
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ in lex.relative_pronouns or subj.lower_ == "it":
        return None, None, "passive"  # "It was announced by … that …": "it" reports nothing
    agent = next((c for c in tok.rights if c.dep_ == "agent"), None)
    speaker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return _span_chars(_without_trailing_clause(list(subj.subtree), lex)), speaker, "passive"


def _relative_content(tok: Token, lex: QuoteLexicon) -> tuple[tuple[int, int] | None, Token | None, str]:
    """``a controversial proposal he has raised``: a relative clause without an object of its own
    says something about the noun it modifies (its own subject holds the stance)."""
    if tok.dep_ != "relcl" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None, None, "relative"
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in lex.relative_pronouns or any(c.dep_ == "dobj" for c in tok.children):
        return None, None, "relative"
    skip = {t.i for t in tok.subtree}
    head = tok.head
    tokens = [t for t in head.subtree if t.i not in skip and t.i <= tok.left_edge.i]
    return _span_chars(tokens), subj, "relative"


def _adjective_attribution(tok: Token, lex: QuoteLexicon) -> Attribution | None:
    """A stance adjective with its object: ``were angry about [the war]``, ``is ready [to move on]``."""
    if tok.dep_ != "acomp" or tok.head.pos_ not in ("AUX", "VERB"):
        return None
    comp = next((c for c in tok.rights if c.dep_ in ("prep", "xcomp", "ccomp")), None)
    if comp is None:
        return None
    if comp.dep_ == "prep":
        if _is_time(comp) or comp.right_edge.i == comp.i:
            return None
        tokens = list(tok.doc[comp.i + 1 : comp.right_edge.i + 1])
    else:
        tokens = list(comp.subtree)
    content = _span_chars(_without_trailing_clause(tokens, lex))
    if content is None:
        return None
    subject = _subject(tok.head, lex)
    if subject is not None and subject.dep_ == "nsubjpass":
        subject = None
    return _attribution_at(tok, subject, content, (tok.head.left_edge.idx, content[1]), "adjective", open_=True)


def _noun_attribution(tok: Token, lex: QuoteLexicon) -> Attribution | None:
    """A nominal cue with a content clause: ``growing concerns that …``, ``Trump's claim that …``."""
    clause = next(
        (c for c in tok.rights if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ in ("that", "whether")),
        None,
    )
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if clause is None or clause.left_edge.i != tok.i + 1:
        return _noun_object_attribution(tok, owner, lex)
    content = _span_chars(_without_trailing_clause(list(clause.subtree), lex))
    if content is None:
        return None
    return _attribution_at(tok, owner, content, (tok.left_edge.idx, content[1]), "noun", open_=True)


def _noun_object_attribution(tok: Token, owner: Token | None, lex: QuoteLexicon) -> Attribution | None:
    """``his obsession with Mexico``, ``comments Tuesday on the shooting``, ``Obama's decision to …``,
    ``has faced criticism for …``: a noun's prepositional or infinitival complement. The holder is
    the possessor, else the subject of the verb whose object the noun is."""
    comp = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in lex.noun_object_preps), None)
    infinitive = next(
        (c for c in tok.rights if c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.lefts)), None
    )
    if comp is not None and (infinitive is None or comp.i < infinitive.i):
        if _is_time(comp) or comp.right_edge.i == comp.i or any(_reports_clause(o) for o in comp.children):
            return None  # "a fact check of Trump's claim that …": the inner claim reports, not the check
        tokens = list(tok.doc[comp.i + 1 : comp.right_edge.i + 1])
    elif infinitive is not None and infinitive.left_edge.i > tok.i:
        tokens = list(infinitive.subtree)
    else:
        return None
    content = _span_chars(_without_trailing_time(_without_trailing_clause(tokens, lex)))
    if content is None:
        return None
    if owner is None:
        owner = _noun_holder(tok, lex)
    return _attribution_at(tok, owner, content, (tok.left_edge.idx, content[1]), "noun_object", open_=True)


def _according_to(tok: Token) -> Attribution | None:
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    head = tok.head if tok.head.i != tok.i else None
    while head is not None and head.dep_ in ACCORDING_CLIMB_DEPS and head.head.i < head.i < tok.i:
        # "The currency fell, erasing $40 billion, according to Bloomberg": the parse hangs the source
        # on the participle, but it reports the whole clause before it
        head = head.head
    doc = tok.doc
    if head is not None and head.i > tok.i and any("\n" in t.text_with_ws for t in doc[tok.i : head.i]):
        # "It is now cleared to fly, according to the F.A.A.\n\nMost …": the parser ran on into the
        # next paragraph for a head; what is reported is the clause before the cue.
        content = _span_chars([t for t in doc[tok.sent.start : tok.i] if not t.is_space])
    elif head is not None and head.i < tok.i:
        # "Some 59 percent view her unfavorably, according to a poll - virtually the same as …":
        # the source closes what it reports; what follows it is the writer's again.
        content = _span_chars([t for t in _subtree(head, exclude=tok) if t.i < tok.i])
    else:
        content = _span_chars(_subtree(head, exclude=tok)) if head is not None else None
    if content is None:
        return None
    phrase_end = tok.right_edge.idx + len(tok.right_edge)
    aside = (tok.idx, phrase_end) if content[0] < tok.idx and phrase_end < content[1] else None
    return Attribution(
        cue=(tok.idx, to.idx + len(to)),
        cue_i=tok.i,
        speaker=speaker_span(obj),
        speaker_i=obj.i,
        content=content,
        scope=(tok.sent.start_char, tok.sent.end_char),
        pattern="according_to",
        lemma="according to",
        aside=aside,
    )


def _source_prep(tok: Token, lex: QuoteLexicon) -> Attribution | None:
    """``In a CNN poll released Monday, Clinton led …`` (the poll says so) and ``For most Democrats,
    the Clinton years remain …`` (their view): a prepositional source of the clause it opens, for the
    model to judge. Not where the clause has a cue of its own (``In an interview, she said …``)."""
    head = tok.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in lex.cue_verbs:
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    word = tok.lower_
    if word == "in":
        if obj.lemma_.lower() not in lex.source_nouns:
            return None
        pattern = "in_source"
    elif word in lex.viewpoint_preps:
        # Sentence-initial and set off by a comma before its clause: "For Sanders, the mission is …".
        between = tok.doc[tok.right_edge.i + 1 : head.i]
        if tok.i != tok.sent.start or not any(t.text == "," for t in between):
            return None
        low = obj.lower_
        if not (
            obj.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
            or obj.pos_ in ("PRON", "PROPN")
            or low in lex.group_nouns
            or low in lex.role_nouns
            or obj.lemma_.lower() in lex.group_nouns
        ):
            return None
        pattern = "viewpoint"
    else:
        return None
    tokens = _subtree(head, exclude=tok)
    commas = [t.i for t in tok.doc[tok.right_edge.i + 1 : head.i] if t.text == ","]
    if commas:  # "In a poll released Monday, Clinton led …": the clause after the opener's comma
        tokens = [t for t in tokens if t.i > commas[-1]]
    content = _span_chars(tokens)
    if content is None:
        return None
    return _attribution_at(tok, obj, content, (tok.sent.start_char, tok.sent.end_char), pattern, open_=True)


def _hearsay_adverb(tok: Token) -> Attribution | None:
    """``The club is reportedly spending $1.5 million …``: content reported without a named source."""
    head = tok.head
    if tok.dep_ != "advmod" or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    content = _span_chars(_subtree(head))
    if content is None:
        return None
    return _attribution_at(tok, None, content, (tok.sent.start_char, tok.sent.end_char), "hearsay", open_=True)


def _headline(doc: Doc, text: str, start: int, end: int, lex: QuoteLexicon, *, titled: bool) -> Attribution | None:
    """``Zelenskyy: Russia doesn't want …`` (a headline) or ``PENCE: Well, …`` (a transcript)."""
    colon = text.find(":", start, min(end, start + 80))
    if colon < 0:
        return None
    left = doc.char_span(start, colon, alignment_mode="contract")
    right = doc.char_span(colon + 1, end, alignment_mode="contract")
    if left is None or right is None or len(left) == 0 or len(right) < 3:
        return None
    words = [t for t in left if not t.is_punct]
    if words and left[0].is_punct:  # a transcript inside quotation marks: "PENCE: …
        left = doc[words[0].i : left.end]
    if not words or len(left) > lex.headline_max_speaker_tokens:
        return None
    if any(t.lower_ in lex.headline_label_words or any(c.isdigit() for c in t.text) for t in words):
        return None
    if titled:
        if not all(t.text[:1].isupper() for t in words) and not _headline_speaker(left, right, lex):
            return None
    elif not all(t.is_upper or t.pos_ == "PROPN" for t in words):
        return None
    content = _span_chars(list(right))
    if content is None:
        return None
    cue = doc.char_span(colon, colon + 1, alignment_mode="expand")
    return Attribution(
        cue=(colon, colon + 1),
        cue_i=cue.start if cue is not None else left.end,
        speaker=(left.start_char, left.end_char),
        speaker_i=left.root.i,
        content=content,
        scope=(start, end),
        pattern="headline",
        lemma=":",
    )


def _headline_speaker(left: Span, right: Span, lex: QuoteLexicon) -> bool:
    """Whether a headline's words before its colon name who speaks though they hold lowercase
    words (``Clinton camp: …``, ``Democrats' new warning: …``, ``Former AG Mukasey at RNC: …``): a noun
    phrase, capitalised, headed by a name or a speaker noun, with a clause or a quote after the colon
    (``Netanyahu and Obama: A tortured relationship`` and ``The next tactic: …`` are topics)."""
    first = next((t for t in left if not t.is_punct), None)
    if first is None or not first.text[:1].isupper() or first.pos_ in ("ADP", "ADV", "SCONJ"):
        return False
    if any(t.pos_ in ("VERB", "AUX", "CCONJ") for t in left):
        return False
    root = left.root
    nouns = lex.role_nouns | lex.group_nouns | lex.organisation_nouns | lex.source_nouns | lex.headline_speaker_nouns
    if root.pos_ != "PROPN" and (root.pos_ != "NOUN" or root.lemma_.lower() not in nouns):
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in right) or right[0].text in OPENERS | STRAIGHT_TOKENS


def _title_case_headline(doc: Doc, start: int, end: int, lex: QuoteLexicon) -> Attribution | None:
    """``Harbor Union Chief Praises Port Board Member's Plan``: in a title-case headline the
    parser reads the cue as a name; a listed cue verb in its third-person form splits the line into
    who (before) and what (after), for the model to judge."""
    line = doc.char_span(start, end, alignment_mode="contract")
    if line is None or len(line) < 3 or len(line) > 30:
        return None
    words = [t for t in line if t.is_alpha]
    if not words or sum(t.text[:1].isupper() for t in words) < 0.8 * len(words):
        return None
    for tok in line[1:-1]:
        low = tok.lower_
        if tok.pos_ not in TITLE_CUE_POS or not low.endswith("s"):
            continue
        stems = (low[:-1], low[:-2]) if low.endswith(("es",)) else (low[:-1],)
        if not any(stem in lex.cue_verbs for stem in stems):
            continue
        content = _span_chars(list(doc[tok.i + 1 : line.end]))
        speaker = doc[tok.i - 1]
        if content is None or speaker.is_punct:
            return None
        return Attribution(
            cue=(tok.idx, tok.idx + len(tok)),
            cue_i=tok.i,
            speaker=(line.start_char, speaker.idx + len(speaker)),
            speaker_i=speaker.i,
            content=content,
            scope=(start, end),
            pattern="title_headline",
            lemma=low,
            open=True,
        )
    return None


def negated_cue(tok: Token, lex: QuoteLexicon) -> bool:
    """Whether the cue ``tok`` reports what was not said or held: ``did not say``, ``never said``,
    ``declined to say``, ``stopped short of saying``, ``denied saying`` (``negating_verbs``), ``has
    yet to say``, ``left without saying``, ``Nobody said``, ``No official confirmed``
    (``negating_subjects``). Not ``not only said … but …``."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    doc = tok.doc
    for c in tok.children:
        if c.dep_ == "neg" and not (c.i + 1 < len(doc) and doc[c.i + 1].lower_ == "only"):
            return True
    governing = None  # the verb whose complement the cue is: "declined to say", "refrained from saying"
    if tok.dep_ == "xcomp":
        governing = tok.head
    elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
        if tok.head.lower_ == "without":
            return True
        governing = tok.head.head
    if governing is not None and (
        governing.lemma_.lower() in lex.negating_verbs
        or any(c.dep_ == "advmod" and c.lower_ == "yet" for c in governing.children)
    ):
        return True
    holder = governing if governing is not None else tok
    subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    return subject.lower_ in lex.negating_subjects or any(
        c.dep_ == "det" and c.lower_ in lex.negating_subjects for c in subject.children
    )


def writer_aside(text: str, tok: Token, lex: QuoteLexicon) -> bool:
    """``said, and I quote, “…”``, ``All told, …``: the verb stands in a phrase that is the writer's
    aside (``writer_asides``), not a cue of its own."""
    return lex.aside_at(text, tok.idx, tok.idx + len(tok))


def find_attributions(
    doc: Doc, text: str, paragraph_spans: list[tuple[int, int]], lex: QuoteLexicon, *, open_cues: bool = False
) -> list[Attribution]:
    """Every attribution in ``doc`` (whose text is ``text``), in text order. With ``open_cues``,
    every verb with a complement is a candidate too (``open``), and each attribution carries the
    model's ``features``."""
    found: list[Attribution] = []
    starts = [p[0] for p in paragraph_spans]
    for tok in doc:
        if tok.lower_ == "according":
            attr = _according_to(tok)
        elif tok.pos_ == "VERB" and writer_aside(text, tok, lex):
            continue
        elif open_cues and tok.pos_ == "NOUN":
            attr = _noun_attribution(tok, lex)
        elif open_cues and tok.pos_ == "ADJ":
            attr = _adjective_attribution(tok, lex)
        elif open_cues and tok.dep_ == "prep":
            attr = _source_prep(tok, lex)
        elif open_cues and tok.lower_ in lex.hearsay_adverbs:
            attr = _hearsay_adverb(tok)
        else:
            attr = _cue_attribution(tok, lex, open_cues)
        extra = None
        if open_cues and tok.pos_ == "VERB" and (attr is None or not attr.open) and tok.lemma_.lower() in lex.cue_verbs:
            # A listed cue: the rules keep their reading (to link quotes); its complement ("tweeted a
            # chart", "rails against …", "will accept the nomination") is an open candidate as well.
            # The same reading stays as an open twin (see below).
            extra = _open_attribution(tok, lex, object_only=attr is not None and attr.content is not None)
        for item in (attr, extra):
            if item is not None:
                found.append(_in_paragraph(doc, text, item, paragraph_spans, starts))
    for start, end in paragraph_spans:
        stripped = text[start:end].rstrip()
        # Headlines and subheads carry no final stop; a body paragraph needs a capitalised name.
        titled = start == 0 or not stripped.endswith((".", "”", '"', "?", "!"))
        attr = _headline(doc, text, start, start + len(stripped), lex, titled=titled)
        if attr is not None:
            found.append(attr)
        elif open_cues and titled:
            attr = _title_case_headline(doc, start, start + len(stripped), lex)
            if attr is not None:
                found.append(attr)
    found.sort(key=lambda a: a.cue[0])
    kept = _without_nested_beliefs(doc, [a for a in found if not a.open], lex)
    if open_cues:
        # A rule dropped as nested, or whose cue a quotation takes, leaves its open twin for the model
        # to judge (``Christie endorsed Trump``); a kept rule's cue blocks its twin (univocal).
        kept.extend(a for a in found if a.open)
        kept.sort(key=lambda a: a.cue[0])
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        sent_starts = [s[0] for s in sents]
        quoted = [any(c in MARKS for c in text[a:b]) for a, b in sents]
        for a in kept:
            subject = doc[a.speaker_i] if a.speaker_i is not None else None
            k = max(0, bisect.bisect_right(sent_starts, a.cue[0]) - 1)
            in_quoted = bool(quoted) and quoted[k]
            cue = doc[a.cue_i]
            frame = _reporting_conjunct(cue, lex)  # the reporting verb whose second act the cue is
            a.features = feature_names(cue, subject, a.pattern, a.content, text, lex, in_quoted, frame)
    return kept


def _in_paragraph(
    doc: Doc, text: str, attr: Attribution, paragraph_spans: list[tuple[int, int]], starts: list[int]
) -> Attribution:
    """``attr`` with its content and speaker kept inside its cue's paragraph."""
    attr.content = _clip_to_paragraph(attr.content, attr.cue[0], paragraph_spans, starts)
    if attr.speaker is not None and not _speaker_line_ok(text, attr, paragraph_spans, starts):
        # The parser ran over a line break: keep the part of the subject in the cue's paragraph.
        clipped = _clip_to_paragraph(attr.speaker, attr.cue[0], paragraph_spans, starts)
        head = doc[attr.speaker_i].idx if attr.speaker_i is not None else -1
        inside = clipped is not None and clipped[0] <= head < clipped[1]
        local = None
        if not inside and attr.speaker_i is not None:
            local = _local_head(doc[attr.speaker_i], attr, paragraph_spans, starts)
        if local is not None:  # "Title line\n\nThe chief of the PAC said …": the title became the subject
            attr.speaker, attr.speaker_i = speaker_span(local), local.i
        else:
            attr.speaker = clipped if inside else None
            attr.speaker_i = attr.speaker_i if inside else None
    return attr


def _local_head(subject: Token, attr: Attribution, paras: list[tuple[int, int]], starts: list[int]) -> Token | None:
    """A second subject of the cue inside its paragraph, or the noun of ``subject``'s subtree that
    heads its part inside the cue's paragraph, if any."""
    k = max(0, bisect.bisect_right(starts, attr.cue[0]) - 1)
    lo, hi = paras[k]
    for tok in subject.head.children:
        if tok.dep_ in SUBJECT_DEPS and lo <= tok.idx < hi and tok.i != subject.i:
            return tok
    for tok in subject.subtree:
        if lo <= tok.idx < hi and tok.pos_ in ("NOUN", "PROPN", "PRON") and not lo <= tok.head.idx < hi:
            return tok
    return None


def _without_nested_beliefs(doc: Doc, found: list[Attribution], lex: QuoteLexicon) -> list[Attribution]:
    """``said he believes …``, ``said he wants …``: a belief or a stance inside what was said is part
    of it, not a second attribution (PolNeAR-style univocal attribution)."""
    contents = sorted(a.content for a in found if a.content is not None)
    starts = [c[0] for c in contents]
    kept = []
    for a in found:
        lemma = doc[a.cue_i].lemma_.lower()
        weak = (lemma in lex.belief_verbs and lemma not in lex.speech_verbs) or a.pattern == "object"
        if weak:
            lo = bisect.bisect_left(starts, a.cue[0] - NESTING_WINDOW)
            hi = bisect.bisect_right(starts, a.cue[0])
            if any(c[0] <= a.cue[0] < c[1] and c != a.content for c in contents[lo:hi]):
                continue
        kept.append(a)
    return kept


def _speaker_line_ok(text: str, attr: Attribution, paras: list[tuple[int, int]], starts: list[int]) -> bool:
    """A speaker sits in its cue's paragraph, or on a bare name line just above it (a list of voices)."""
    assert attr.speaker is not None
    k_cue = max(0, bisect.bisect_right(starts, attr.cue[0]) - 1)
    k_spk = max(0, bisect.bisect_right(starts, attr.speaker[0]) - 1)
    if k_cue == k_spk:
        return attr.speaker[1] <= paras[k_cue][1]  # and ends there ("the F.A.A.\n\nMost …" does not)
    line = text[paras[k_spk][0] : paras[k_spk][1]].strip()
    return (
        k_spk == k_cue - 1
        and len(line.split()) <= 5
        and not any(c.isdigit() for c in line)
        and not line.endswith((".", ":"))
    )


def _clip_to_paragraph(
    content: tuple[int, int] | None, anchor: int, paras: list[tuple[int, int]], starts: list[int]
) -> tuple[int, int] | None:
    """The parser may run a sentence over a line break; reported speech stays in its paragraph."""
    if content is None or not paras:
        return content
    k = max(0, bisect.bisect_right(starts, anchor) - 1)
    p_start, p_end = paras[k]
    start, end = max(content[0], p_start), min(content[1], p_end)
    return (start, end) if end > start else None


def sentence_starts(doc: Doc) -> list[int]:
    """Start char of every sentence (for bisecting offsets to sentence numbers)."""
    return [s.start_char for s in doc.sents]


def token_sentence(tok: Token) -> Span:
    """The sentence a token belongs to."""
    return tok.sent
