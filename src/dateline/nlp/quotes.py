"""The quotes layer: who said what, as direct, partial, mixed and indirect quotes with speakers.

Stages, each with the reason it exists:
1. ``quote_marks.find_segments``: quotation marks are paired on the plain text, because the
   tokenizer and sentence splitter do not know that a quote may run over paragraphs.
2. ``quote_indirect.find_attributions``: reporting cues, their speakers and reported clauses from
   the dependency parse, because that is where ``X said (that) …`` lives.
3. ``quote_direct.SegmentLinker``: each quoted segment is tied to a cue (or to the previous
   quote's speaker, the news convention), or dropped as a scare quote or title.
4. Indirect speech is what remains of the attributions: content outside quotation marks. With
   the shipped model (``quote_model``, learnt on PolNeAR train), every verb, stance adjective and
   nominal cue with a complement is a candidate too, and the model decides which candidates are
   attributed speech; open candidates never take words another attribution holds (univocal).
   Without it (``use_model=False``) the cue lists and their learnt reliabilities decide. A second
   learnt model (``quote_extent``) may then carry an indirect quote on past where its parse
   subtree ends, or end it sooner, as PolNeAR's annotators read such sentences.
5. ``speaker_mentions.refine_speaker`` corrects the speaker mention where news style misleads the
   parser (a dateline as the subject, a conjunct cue borrowing a reported clause's subject), and
   ``speakers.SpeakerResolver`` turns each speaker mention into an article entity.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.nlp.quote_data import QuoteLexicon, lexicon
from dateline.nlp.quote_direct import (
    LEAD_IN_MAX_WORDS,
    LinkedSegment,
    SegmentLinker,
    aside_after,
    clause_before_tag,
    reach_partials,
    word_count,
)
from dateline.nlp.quote_extent import extensions, extent_model
from dateline.nlp.quote_frames import FINITE_TAGS, frame_attributions, inverted_tag_speakers, surface_tags
from dateline.nlp.quote_indirect import ADDRESSEE_VERBS, Attribution, find_attributions, negated_cue, speaker_span
from dateline.nlp.quote_marks import OPEN_MARKS, STRAIGHT, QuotedSegment, find_segments, paragraphs
from dateline.nlp.quote_model import CueModel, cue_model
from dateline.nlp.speaker_mentions import refine_speaker
from dateline.nlp.speakers import SpeakerResolver
from dateline.nlp.state import ArticleState
from dateline.schema import Quote, QuoteAct, QuoteKind, Span

MIN_INDIRECT_WORDS = 2
# Relative pronouns that stand for a thing (a statement, a video), never for a person.
DOCUMENT_RELATIVES = frozenset({"that", "which"})
# "wrote in a letter saying …", "said in a statement …": the document the sender speaks through.
SENDING_PREPS = frozenset({"in", "through", "via"})
JOINT_CHARS = " \t\n,;:—–-"
# Verbs of talking to someone that take no reported clause themselves ("spoke to reporters").
TALK_VERBS = frozenset({"talk", "speak"})
JOINT_WORDS = frozenset({"and", "but", "or", "that"})
TIME_TYPES = ("DATE", "TIME")
# Characters of a closing quotation mark (a curly or straight one, or the two apostrophes of '').
CLOSING_CHARS = "”’\"'»"
# Right children of a cue that are not its complement: "pledged Saturday to …", "called again for …".
COMPLEMENT_SKIP_DEPS = frozenset({"punct", "advmod", "npadvmod", "prt", "dep"})
# Attribution patterns that report words by their form, whatever the lemma: "according to X",
# a headline "X: …", a verb framing a quotation.
SPEECH_PATTERNS = frozenset({"according_to", "headline", "frame"})
# Attribution patterns whose content is a complement of the cue, not a reported clause.
OBJECT_PATTERNS = frozenset({"object", "noun_object", "adjective"})


@dataclass(frozen=True)
class PlannedQuote:
    """A quote before its speaker is resolved: content span, kind and the attribution it came from."""

    start: int
    end: int
    kind: QuoteKind
    attribution: Attribution | None


def plan_quotes(
    doc: Doc,
    text: str,
    lex: QuoteLexicon,
    model: CueModel | None = None,
    *,
    candidates: bool = False,
    extent: CueModel | None = None,
) -> list[PlannedQuote]:
    """Stages 1-4: every quote of ``doc`` (whose text is ``text``) with its attribution, in text order.

    With ``model``, every verb with a complement is a candidate and the model decides which unquoted
    ones are speech; without it, the cue lists and their learnt reliabilities decide (rules only).
    With ``extent`` (``quote_extent``), an indirect quote may end further on in its sentence, or sooner.
    ``candidates`` emits every unquoted candidate unjudged, with its features (for training)."""
    segments = find_segments(text)
    open_cues = model is not None or candidates
    attributions = find_attributions(doc, text, list(paragraphs(text)), lex, open_cues=open_cues)
    opens = [s.open_mark for s in segments]
    attributions = [_sender_speaks(doc, _speaker_outside_quotes(doc, a, segments, opens), lex) for a in attributions]
    tags = surface_tags(doc, text, segments)  # quote tags read from their words, once
    attributions = inverted_tag_speakers(doc, text, attributions, tags, lex)
    if model is not None and not candidates:
        attributions = _rejoined_participles(text, attributions, model, segments)
    rules = [a for a in attributions if not a.open]  # only the cue lists link quoted words
    if not candidates:  # and the verbs that frame a quote ("Trump shot back"), as the cue lists miss
        rules = sorted(rules + frame_attributions(doc, text, segments, rules, tags, lex), key=_cue_start)
    linker = SegmentLinker(text, [s.start_char for s in doc.sents], rules, lex)
    planned = _plan(doc, text, linker.link(segments), attributions, segments, lex, model, candidates)
    if candidates:
        return sorted(planned, key=lambda p: (p.start, p.end))
    planned = _without_second_sources(_without_repeats(planned))
    if extent is not None:
        planned = _run_on(doc, text, planned, extent, lex)
    return sorted(planned, key=lambda p: (p.start, p.end))


def _run_on(
    doc: Doc, text: str, planned: list[PlannedQuote], extent: CueModel, lex: QuoteLexicon
) -> list[PlannedQuote]:
    """``planned`` with each indirect quote ending where ``extent`` most believes it does, among the
    ends ``quote_extent.extensions`` proposes (the end of its sentence, the next clause break, its
    last break); a quote no proposal convinces keeps its end."""
    rows = [(p.start, p.end, p.attribution, p.kind == QuoteKind.indirect) for p in planned]
    best: dict[int, tuple[float, int]] = {}
    for k, stop, features in extensions(doc, text, rows, lex):
        p = extent.probability(features)
        if p >= extent.threshold and p > best.get(k, (0.0, 0))[0]:
            best[k] = (p, stop)
    return [dataclasses.replace(q, end=best[k][1]) if k in best else q for k, q in enumerate(planned)]


def _without_second_sources(planned: list[PlannedQuote]) -> list[PlannedQuote]:
    """One report of the same words: ``X said his country would “…”, according to a statement from
    his office`` finds the words twice, for "said" and for "according to"; the speaker's own verb
    keeps them, and the source the writer names for that report gives way."""
    spans: dict[tuple[int, int], set[str]] = {}
    for p in planned:
        if p.attribution is not None:
            spans.setdefault((p.start, p.end), set()).add(p.attribution.pattern)
    return [
        p
        for p in planned
        if p.attribution is None
        or p.attribution.pattern != "according_to"
        or spans[(p.start, p.end)] <= {"according_to"}
    ]


def _without_repeats(planned: list[PlannedQuote]) -> list[PlannedQuote]:
    """One quote for the words of one cue: two partial quotes of one clause each find the clause (one
    of them may stop at its own closing mark), so a quote inside another of the same kind and cue
    goes. Partial quotes are of another kind than the clause around them and stay; a clause that is
    no more than its partial quote (``cautioned against “a waste of our budget” in the way …``: the
    complement ends at the closing mark) is that quote again, and goes."""
    out = [p for p in planned if p.attribution is None]  # unattributed quotes: none of them repeats a cue
    partials = {(p.start, p.end, p.attribution.cue) for p in planned if p.kind == QuoteKind.partial and p.attribution}
    kept: dict[tuple[QuoteKind, tuple[int, int]], list[PlannedQuote]] = {}
    for p in sorted(planned, key=lambda p: (p.start, -p.end)):
        if p.attribution is not None:
            if p.kind == QuoteKind.mixed and (p.start, p.end, p.attribution.cue) in partials:
                continue
            same = kept.setdefault((p.kind, p.attribution.cue), [])
            if not any(q.start <= p.start and p.end <= q.end for q in same):
                same.append(p)
    return out + [p for group in kept.values() for p in group]


def _rejoined_participles(
    text: str, attributions: list[Attribution], model: CueModel, segments: list[QuotedSegment]
) -> list[Attribution]:
    """A reported clause was cut before a participle cue of its own (``said he hoped for …, saying that
    …``) for that participle to report as a second act; where the model does not keep the participle,
    its words go back to the clause, as PolNeAR's annotators leave them (nobody else reports them).
    Not a participle that leads in a quote (``…, telling the host that “we owe them an answer …”``):
    it speaks for that quote."""
    opens = [s.open_mark for s in segments]

    def leads_in(cue_end: int) -> bool:
        k = bisect.bisect_left(opens, cue_end)
        return k < len(opens) and word_count(text[cue_end : opens[k]]) <= LEAD_IN_MAX_WORDS

    participles = {a.cue[0] for a in attributions if a.pattern == "participle" and a.content is not None}
    if not participles:
        return attributions
    readings: dict[int, list[Attribution]] = {}
    for a in attributions:
        if a.cue[0] in participles and a.content is not None:
            readings.setdefault(a.cue[0], []).append(a)
    rejected = {
        a.cue[0]: a.content[1]
        for a in attributions
        if a.pattern == "participle"
        and not a.open
        and a.content is not None
        and not leads_in(a.cue[1])
        and not any(model.keeps(r.features) for r in readings[a.cue[0]])  # no reading of it is kept
    }
    if not rejected:
        return attributions
    out: list[Attribution] = []
    for a in attributions:
        if a.content is not None and a.pattern == "verb" and not a.open:
            start, end = a.content
            gap = end  # the participle's cue right after ", "
            while gap < len(text) and text[gap] in " ,":
                gap += 1
            if rejected.get(gap, end) > end and text[end:gap].strip() == ",":
                a = dataclasses.replace(a, content=(start, rejected[gap]))
        out.append(a)
    return out


def annotate_quotes(
    state: ArticleState, lex: QuoteLexicon | None = None, *, use_model: bool = True, model: CueModel | None = None
) -> None:
    """Fill ``state.quotes`` (text order) from ``state.doc`` and ``state.entities``. The shipped
    model (or ``model``) judges the candidates; ``use_model=False`` runs the rules alone."""
    text = state.clean.text  # == doc.text, which spaCy rebuilds on every access
    lex = lex or lexicon()
    resolver = SpeakerResolver(state.doc, text, state.entities, lex)
    quotes: list[Quote] = []
    judge, extent = ((model or cue_model()), extent_model()) if use_model else (None, None)
    for p in plan_quotes(state.doc, text, lex, judge, extent=extent):
        attr = refine_speaker(state.doc, p.attribution, lex) if p.attribution is not None else None
        speaker = resolver.resolve(attr.speaker_i, attr.speaker, (p.start, p.end)) if attr is not None else None
        cue, negated = None, False
        if attr is not None and attr.cue[1] > attr.cue[0]:  # a bare name line has no cue
            cue = Span(text=text[attr.cue[0] : attr.cue[1]], start=attr.cue[0], end=attr.cue[1])
            negated = attr.cue_i >= 0 and negated_cue(state.doc[attr.cue_i], lex)
        quotes.append(
            Quote(
                text=text[p.start : p.end],
                start=p.start,
                end=p.end,
                kind=p.kind,
                speaker=speaker,
                cue=cue,
                act=speech_act(p.kind, attr, lex),
                negated=negated,
            )
        )
    state.quotes = quotes


def speech_act(kind: QuoteKind, attr: Attribution | None, lex: QuoteLexicon) -> QuoteAct:
    """``speech`` for quoted words and for unquoted ones reported by a verb of saying ("said",
    "confirmed", "according to"); ``stance`` for what the model attributes without one: beliefs,
    intentions, judgements and choices ("hopes to …", "opted not to …", "endorsed X")."""
    if kind != QuoteKind.indirect or attr is None:
        return QuoteAct.speech
    if attr.pattern in SPEECH_PATTERNS or attr.lemma in lex.speech_verbs:
        return QuoteAct.speech
    return QuoteAct.stance


# Rules that link a quote to the attribution of the quote before it (its sentence or paragraph goes
# on): the quote carries that speaker, but the attribution's own reported clause is still its own
# (``… after hinting that “roster changes” could come. “Every option is open.”``).
CARRIED_RULES = frozenset({"split", "paragraph"})


def _plan(
    doc: Doc,
    text: str,
    linked: list[LinkedSegment],
    attributions: list[Attribution],
    segments: list[QuotedSegment],
    lex: QuoteLexicon,
    model: CueModel | None = None,
    candidates: bool = False,
) -> list[PlannedQuote]:
    """Which quotes to emit: every linked segment, then the indirect speech no segment covers."""
    planned: list[PlannedQuote] = []
    kept: list[tuple[float, PlannedQuote]] = []
    judged: list[tuple[float, PlannedQuote]] = []
    deferred: list[tuple[PlannedQuote, int]] = []  # rule readings giving way to a wider open one (its end)
    consumed: set[int] = set()
    opens = [s.open_mark for s in segments]
    partial_in: set[int] = set()
    twins: dict[int, list[Attribution]] = {}  # cue start -> the cue's open readings
    for reading in attributions:
        if reading.open and reading.content is not None:
            twins.setdefault(reading.cue[0], []).append(reading)
    open_by_cue = {start: readings[-1] for start, readings in twins.items()}
    quoted: dict[int, list[tuple[int, int]]] = {}  # attribution id -> its partial quotes, marks included
    for item in linked:
        seg, attr = item.segment, item.attribution
        planned.append(PlannedQuote(seg.start, seg.end, QuoteKind(item.kind), attr))
        if attr is not None and item.kind == "partial":
            close = seg.after_close
            quoted.setdefault(id(attr), []).append((seg.open_mark, close))
        wrap = _complement_around(item, open_by_cue) if not candidates else None
        if wrap is not None and attr is not None:
            # "blamed the shootings on “implicit bias”": the partial quote is the cue's complement's.
            a, b = _reported_around(doc, text, (wrap[0], wrap[1]), attr, [(seg.open_mark, seg.end)])
            kept.append((1.0, PlannedQuote(a, b, QuoteKind.mixed, attr)))
            consumed.add(id(open_by_cue[wrap[2]]))
        elif attr is not None and item.kind == "partial" and not candidates:
            after = _complement_after_cue(doc, text, attr, seg) or clause_before_tag(text, attr, seg)
            if after is not None and seg.close_mark is not None and after[1] == seg.after_close:
                after = (after[0], _governed_tail(doc, text, after, attr.cue_i, lex))
            held = after is not None and any(
                q.attribution is attr and q.start <= after[0] and after[1] <= q.end for _, q in kept
            )
            if after is not None and not held:
                kept.append((1.0, PlannedQuote(after[0], after[1], QuoteKind.mixed, attr)))
        if attr is not None and item.rule == "content":
            (consumed if item.kind == "direct" else partial_in).add(id(attr))
        elif attr is not None and item.kind == "direct" and item.rule not in CARRIED_RULES:
            consumed.add(id(attr))  # the quote is the cue's own words: its clause is no second quote
    for attr in attributions:
        if attr.content is None or id(attr) in consumed:
            continue
        mixed = id(attr) in partial_in
        start, end = attr.content
        if not candidates and id(attr) in quoted:  # the clause may run on into its partial quotes
            start, end = reach_partials(text, attr.content, quoted[id(attr)])
            if any(close == end for _, close in quoted[id(attr)]):  # and on after the last one
                end = _governed_tail(doc, text, (start, end), attr.cue_i, lex)
            if (start, end) != attr.content:
                mixed, own = True, quoted[id(attr)]
                attr = dataclasses.replace(attr, content=(start, end))
                quoted[id(attr)] = own
        if _inside_segment(attr.cue[0], segments, opens) or _inside_segment(start, segments, opens, end):
            continue  # speech reported inside someone's quote is theirs, not the article's
        if word_count(text[start:end]) < MIN_INDIRECT_WORDS and not (model is not None or candidates):
            continue
        kind = QuoteKind.mixed if mixed else QuoteKind.indirect
        if candidates:
            planned.append(PlannedQuote(start, end, kind, attr))
        elif model is not None:
            p = model.probability(attr.features)
            if mixed or p >= model.threshold:
                pieces = [PlannedQuote(a, b, kind, attr) for a, b in _pieces(doc, text, attr, kind, quoted)]
                wider = None if attr.open or mixed else _wider_twin(text, attr, twins.get(attr.cue[0], []), model)
                if wider is not None:
                    # the cue's complement reading holds this clause and more: the model takes it, and
                    # this one stands in when that reading gives way to other words
                    deferred.extend((q, wider) for q in pieces)
                    continue
                (judged if attr.open else kept).extend((p, q) for q in pieces)
        elif not mixed and attr.key in lex.unreliable_cues:
            continue  # a cue that rarely reports speech without quotation marks (learnt on PolNeAR train)
        else:
            planned.extend(PlannedQuote(a, b, kind, attr) for a, b in _pieces(doc, text, attr, kind, quoted))
    planned.extend(q for _, q in kept)
    chosen = _univocal(text, planned, judged)
    taken_cues = {q.attribution.cue[0] for q in chosen if q.attribution is not None}
    standing = [(q, end) for q, end in deferred if q.attribution is not None and q.attribution.cue[0] not in taken_cues]
    rule_cues = sorted(a.cue[0] for a in attributions if not a.open)
    planned = planned + chosen + _stand_ins(text, standing, planned + chosen, rule_cues)
    return planned if candidates else _without_nested_indirect(planned)


def _stand_ins(
    text: str, standing: list[tuple[PlannedQuote, int]], taken: list[PlannedQuote], rule_cues: list[int]
) -> list[PlannedQuote]:
    """Rule readings whose wider open reading (ending at the paired end) gave way to other words, and
    whose own words are nobody else's: each runs on as its twin did, to the last comma before those
    words or another cue of the rules (``announced that development …, begun two years ago, has been
    pushed back several years, Boeing saying that …``), and ends before the speaker of another quote
    that the parse ran it into."""
    used = _used_chars(text, taken)
    speakers = [  # (cue, speaker) of the quotes taken
        (q.attribution.cue[0], q.attribution.speaker[0]) for q in taken if q.attribution and q.attribution.speaker
    ]
    out: list[PlannedQuote] = []
    for q, twin_end in standing:
        if used.find(1, q.start, q.end) >= 0:
            continue  # its own words are another quote's ("pushed back against …, saying …" holds them)
        k = bisect.bisect_left(rule_cues, q.end)
        stop = rule_cues[k] if k < len(rule_cues) and rule_cues[k] < twin_end else -1
        first = used.find(1, q.end, stop if stop >= 0 else twin_end)
        stop = first if first >= 0 else stop  # the twin's words up to there are nobody else's
        cut = text.rfind(",", q.end, stop) if stop > q.end else -1
        end = cut if cut > q.end else q.end
        for cue, start in speakers:  # "… the rift between Russia and the US, Boeing's Scott Carson replied, “…”"
            if q.start < start < end and q.attribution is not None and cue != q.attribution.cue[0]:
                comma = text.rfind(",", q.start, start)
                end = comma if comma > q.start else end
        out.append(dataclasses.replace(q, end=end) if end != q.end else q)
    return out


def _wider_twin(text: str, attr: Attribution, twins: list[Attribution], model: CueModel) -> int | None:
    """Where an open reading of ``attr``'s cue ends that runs on past its content and clears the
    model's threshold, or None: the rules cut a clause at a coordination or a trailing comma, which
    PolNeAR train annotates inside the content far more often than not (``saw how the crews work and
    how they rest, how they plan …``). A verb of telling keeps its clause's start: ``told
    reporters that …`` does not report the reporters."""
    assert attr.content is not None
    a, b = attr.content
    for other in twins:  # the open readings of the same cue
        assert other.content is not None
        start, end = other.content
        if end <= b or start > a or start <= attr.cue[0] < end:
            continue  # not wider, or a reading that runs over its own cue ("which X said would …")
        if attr.lemma in ADDRESSEE_VERBS and text[start:a].strip().lower() not in ("", "that"):
            continue
        if model.keeps(other.features):
            return end
    return None


def _without_nested_indirect(planned: list[PlannedQuote]) -> list[PlannedQuote]:
    """One attribution per reported act (PolNeAR gives each token one role in one attribution):
    indirect speech whose cue lies inside a reported clause is part of that report (``Trump said
    most voters think …``: not "think"), and a complement that holds a clause cue gives way to it
    (``issued a statement saying …``: "saying" reports, not "issued")."""
    clauses = [q for q in planned if _reports_clause(q.attribution)]
    spans = sorted((q.start, q.end, id(q.attribution)) for q in clauses)
    starts = [s for s, _, _ in spans]
    reach: list[int] = []  # reach[j]: the furthest end of spans[: j + 1]
    for _, end, _ in spans:
        reach.append(max(end, reach[-1]) if reach else end)
    cues = sorted(q.attribution.cue[0] for q in clauses if q.attribution is not None)
    out: list[PlannedQuote] = []
    for q in planned:
        attr = q.attribution
        if q.kind == QuoteKind.indirect and attr is not None:
            if _inside_other(spans, starts, reach, attr):
                continue
            k = bisect.bisect_left(cues, q.start)
            if not _reports_clause(attr) and k < len(cues) and cues[k] < q.end:
                continue
        out.append(q)
    return out


def _reports_clause(attr: Attribution | None) -> bool:
    """Whether ``attr`` reports a clause (``said that …``), not a complement (``issued a statement
    saying …``, where the inner cue is the report)."""
    return attr is None or attr.pattern not in OBJECT_PATTERNS


def _inside_other(spans: list[tuple[int, int, int]], starts: list[int], reach: list[int], attr: Attribution) -> bool:
    """Whether ``attr``'s cue lies inside a span of another attribution (spans sorted by start)."""
    cue = attr.cue[0]
    j = bisect.bisect_right(starts, cue) - 1
    while j >= 0 and reach[j] > cue:
        a, b, owner = spans[j]
        if a <= cue < b and owner != id(attr):
            return True
        j -= 1
    return False


def _pieces(
    doc: Doc, text: str, attr: Attribution, kind: QuoteKind, quoted: dict[int, list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """The spans of an attribution's reported words: split around a parenthetical cue, and for mixed
    speech the reported clause around its partial quotes (``quoted``: attribution id -> quotes)."""
    spans = around_cue(text, attr)
    if kind != QuoteKind.mixed:
        return spans
    return [_reported_around(doc, text, ab, attr, quoted.get(id(attr), [])) for ab in spans]


def around_cue(text: str, attr: Attribution) -> list[tuple[int, int]]:
    """The reported words of ``attr`` without its own cue clause: ``The bridge, Ms. Hale said, would
    carry trucks …`` and ``Now, according to the poll, some are swinging`` are two pieces of one
    quote (PolNeAR's discontinuous content)."""
    assert attr.content is not None
    start, end = attr.content
    lo, hi = attr.aside or attr.scope
    if (attr.pattern != "parenthetical" and attr.aside is None) or not start < lo < hi < end:
        return [(start, end)]
    left = text[start:lo].rstrip(" ,—–-")
    right_text = text[hi:end]
    right_start = hi + len(right_text) - len(right_text.lstrip(" ,—–-"))
    pieces = [(start, start + len(left)), (right_start, end)]
    return [(a, b) for a, b in pieces if b > a and text[a:b].strip()] or [(start, end)]


def _speaker_outside_quotes(
    doc: Doc, attr: Attribution, segments: list[QuotedSegment], opens: list[int]
) -> Attribution:
    """``“… Full panic mode,” said Leslie Wimes``: the parser gives the cue two subjects, the first
    inside the quote; a speaker is never inside the quote it introduces, so the other one speaks."""
    if attr.speaker is None or attr.speaker_i is None or attr.cue_i < 0:
        return attr
    if not _inside_segment(attr.speaker[0], segments, opens, attr.speaker[1]):
        return attr
    if _inside_segment(attr.cue[0], segments, opens, attr.cue[1]):
        return attr
    for child in doc[attr.cue_i].children:
        if child.dep_ == "nsubj" and child.i != attr.speaker_i:
            span = speaker_span(child)
            if not _inside_segment(span[0], segments, opens, span[1]):
                return dataclasses.replace(attr, speaker=span, speaker_i=child.i)
    return attr


def _sender_speaks(doc: Doc, attr: Attribution, lex: QuoteLexicon) -> Attribution:
    """``The union issued a statement saying …``, ``she sent an email saying …``, ``Lee
    posted a video that says …``: the one who issued the statement speaks through it, not the
    statement."""
    if attr.speaker_i is None or attr.cue_i < 0:
        return attr
    cue, noun = doc[attr.cue_i], doc[attr.speaker_i]
    relative = noun.lower_ in DOCUMENT_RELATIVES and cue.dep_ == "relcl"
    if relative:
        noun = cue.head  # "released a statement that says …": "that" is the statement
    elif cue.dep_ != "acl" or cue.head.i != noun.i:
        return attr
    if noun.pos_ != "NOUN":
        return attr
    # "wrote a letter to residents saying …": the residents are addressed (but "gave millions to a
    # group backing Rubio": the group backs him)
    addressed = not relative and noun.dep_ == "pobj" and noun.head.lower_ == "to"
    sender_verb = _sent_to(noun.head, lex) if addressed and cue.lemma_.lower() in lex.speech_verbs else None
    if noun.dep_ == "dobj":
        verb = noun.head
    elif not relative and noun.dep_ == "pobj" and noun.head.lower_ in SENDING_PREPS and noun.head.head.pos_ == "VERB":
        verb = noun.head.head  # "Jobs resigned in a letter to the board stating …"
    elif sender_verb is not None:
        verb = sender_verb
    else:
        return attr
    sender = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if sender is None and not relative and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "…, releasing a statement saying …": the participle's verb has the subject
        sender = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if sender is None:
        return attr
    return dataclasses.replace(attr, speaker=speaker_span(sender), speaker_i=sender.i)


def _sent_to(to: Token, lex: QuoteLexicon) -> Token | None:
    """The verb that sends words to the addressee of ``to``: ``wrote a letter to residents``
    (through the letter), ``sent out a message to supporters`` (a verb with an object of its own),
    ``spoke to reporters`` (a verb of saying or talking)."""
    head = to.head
    if head.pos_ == "NOUN" and head.dep_ == "dobj":
        return head.head
    lemma = head.lemma_.lower()
    if head.pos_ == "VERB" and (
        lemma in lex.speech_verbs or lemma in TALK_VERBS or any(c.dep_ == "dobj" and c.i < to.i for c in head.children)
    ):
        return head
    return None


def _cue_start(attr: Attribution) -> int:
    return attr.cue[0]


def _reported_around(
    doc: Doc, text: str, span: tuple[int, int], attr: Attribution, quoted: list[tuple[int, int]]
) -> tuple[int, int]:
    """The reported clause around partial quotes, less what the parse let into it: the cue itself
    when every quote follows it (``He pledged to be “…”`` reports ``to be “…”``), and a verb after
    the last quote coordinated with the cue or above it (``called it “shameful” and called on
    leaders …``, ``calling him a “nice guy” and he didn't …``: other acts)."""
    start, end = span
    inside = [(a, b) for a, b in quoted if start <= a and b <= end]
    if not inside:
        return span
    first, last = min(a for a, _ in inside), max(b for _, b in inside)
    if start <= attr.cue[0] and attr.cue[1] <= first:
        start = attr.cue[1]
    clause = doc.char_span(start, end, alignment_mode="expand")
    cue_tag = doc[attr.cue_i].tag_ if attr.cue_i >= 0 else ""
    for tok in clause if clause is not None else []:
        above = tok.head.i == attr.cue_i or not start <= tok.head.idx < end
        # "pledged to be “…” and cast doubt on …": a finite verb in the cue's tense cannot be
        # coordinated with the infinitive the parse hung it on; it is the cue's conjunct.
        above = above or (
            cue_tag in FINITE_TAGS
            and tok.tag_ == cue_tag
            and tok.head.tag_ not in FINITE_TAGS
            and not any(c.dep_ == "mark" for c in tok.children)  # "… and that the emails were …"
        )
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and tok.left_edge.idx >= last and above:
            end = tok.left_edge.idx  # with its own subject: "and he didn't provide …"
            break
    end = aside_after(text, last, end)
    return _strip_joints(text, start, end) or span


def _strip_joints(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``start``-``end`` without the commas, spaces and conjunctions left at its edges by a cut."""
    words = text[start:end]
    core = words.lstrip(JOINT_CHARS)
    start += len(words) - len(core)
    while True:
        core = core.rstrip(JOINT_CHARS)
        tail = core.rsplit(None, 1)
        if len(tail) == 2 and tail[1].lower() in JOINT_WORDS:
            core = tail[0]
            continue
        break
    return (start, start + len(core)) if core.strip() else None


def _complement_after_cue(doc: Doc, text: str, attr: Attribution, seg: QuotedSegment) -> tuple[int, int] | None:
    """``called both rivals “reckless” during …``, ``vowed Sunday to clear the harbor of
    “every rotting hulk” in …``: when the rules found no reported clause, the words from
    the cue's first complement to the quote's closing mark are what was said (the time or place
    after the quote is the writer's; ``_governed_tail`` carries them on over a phrase that is not)."""
    if attr.content is not None or attr.cue_i < 0:
        return None
    cue = doc[attr.cue_i]
    if seg.open_mark < cue.idx + len(cue) or seg.open_mark > cue.right_edge.idx:
        return None
    first = next((c for c in cue.rights if c.dep_ not in COMPLEMENT_SKIP_DEPS), None)
    if first is None or first.dep_ in ("conj", "cc"):
        return None
    start = first.left_edge.idx
    if first.dep_ == "prep" and first.left_edge.i == first.i and first.i + 1 < len(doc):
        start = doc[first.i + 1].idx  # "called for [compensation …]": PolNeAR starts after the preposition
    close = seg.after_close
    if start > seg.open_mark or "\n" in text[start:close]:
        return None
    return _strip_joints(text, start, close)


def _governed_tail(doc: Doc, text: str, span: tuple[int, int], cue_i: int, lex: QuoteLexicon) -> int:
    """Where reported words that end on a partial quote's closing mark (``span``) end: at the mark,
    or further when the phrase right after it hangs on the quoted words, on the words before them or
    on the cue (``had taken “about $90,000” from two developers``, ``he “would gladly build” a new
    bridge``): the quote stops inside the sentence, the speaker's words go on. A comma, a tag, a
    phrase of date or time, one of the medium (``in a speech``), a scene-setting preposition
    (``“…” during a hearing``) and a phrase that holds another act (``… in trying to block a rule
    that he said …``) end them."""
    start, close = span
    mark = doc.char_span(close - 1, close, alignment_mode="expand")
    if mark is None or text[max(0, close - 4) : close].rstrip(CLOSING_CHARS).endswith(","):
        return close  # "“…,” in a letter": the comma inside the mark (one or two of them) ends the words
    end, j, sent_start = close, mark.end, mark.sent.start
    while True:  # the phrases one after another: "from two banks through a fund"
        while j < len(doc) and doc[j].is_space:
            j += 1
        if j >= len(doc) or doc[j].is_punct or text[end : doc[j].idx].strip() or doc[j].sent.start != sent_start:
            return end
        first = top = doc[j]
        while top.head.i != top.i and top.head.idx >= end:
            top = top.head
        on_words = start <= top.head.idx < close or top.head.i == cue_i
        if top.dep_ not in lex.quote_tail_deps or not on_words or top.left_edge.i < first.i:
            return end
        if top.dep_ == "prep" and (
            top.lower_ in lex.writer_preps
            or any(
                c.dep_ == "pobj" and (c.ent_type_ in TIME_TYPES or c.lemma_ in lex.source_nouns) for c in top.children
            )
        ):
            return end  # "… on Monday", "… in a speech": when and where it was said
        if any(t.pos_ == "VERB" and t.lemma_.lower() in lex.cue_verbs for t in top.subtree):
            return end  # "… in trying to block a rule he said …", "… before claiming …": another act
        last = top.right_edge
        tail = _strip_joints(text, end, min(last.idx + len(last), first.sent.end_char))
        if tail is None or any(c in OPEN_MARKS or c == STRAIGHT for c in text[end : tail[1]]):
            return end  # "quoted a “Senate aide” as saying: “…”": another quote is not this one's
        end, j = tail[1], last.i + 1


def _complement_around(item: LinkedSegment, open_by_cue: dict[int, Attribution]) -> tuple[int, int, int] | None:
    """The span of the open candidate of a partial quote's own cue when it holds the quote
    (start, end, cue start); None when the cue's reported clause holds the quote or none fits
    (``…, calling him a “train wreck”``: the participle's rule clause is the sentence before it)."""
    attr = item.attribution
    if attr is None or item.kind != "partial":
        return None
    seg = item.segment
    if attr.content is not None and attr.content[0] <= seg.start and seg.end <= attr.content[1]:
        return None  # the cue's own reported clause holds the quote
    other = open_by_cue.get(attr.cue[0])
    if other is None or other.content is None:
        return None
    start, end = other.content
    return (start, end, attr.cue[0]) if start <= seg.start and seg.end <= end else None


def _univocal(text: str, taken: list[PlannedQuote], judged: list[tuple[float, PlannedQuote]]) -> list[PlannedQuote]:
    """Open candidates, most probable first, each kept only when its cue and content are nobody
    else's words (PolNeAR gives each token one role in one attribution)."""
    used = _used_chars(text, taken)
    out: list[PlannedQuote] = []
    for _, q in sorted(judged, key=lambda pq: -pq[0]):
        assert q.attribution is not None
        cue = q.attribution.cue
        if used[cue[0]] or 1 in used[q.start : q.end]:
            continue
        out.append(q)
        used[q.start : q.end] = b"\x01" * (q.end - q.start)
        used[cue[0] : cue[1]] = b"\x01" * (cue[1] - cue[0])
    return out


def _used_chars(text: str, taken: list[PlannedQuote]) -> bytearray:
    """1 at every character of ``text`` that a quote of ``taken`` holds as its content or its cue."""
    used = bytearray(len(text) + 1)
    for q in taken:
        used[q.start : q.end] = b"\x01" * (q.end - q.start)
        if q.attribution is not None:  # a rule's cue is its own, not an open candidate's words
            a, b = q.attribution.cue
            used[a:b] = b"\x01" * (b - a)
    return used


def _inside_segment(start: int, segments: list[QuotedSegment], opens: list[int], end: int | None = None) -> bool:
    stop = start + 1 if end is None else end
    k = bisect.bisect_right(opens, start) - 1
    if k < 0:
        return False
    s = segments[k]
    return s.open_mark <= start and stop <= (s.close_mark or s.end) + 1
