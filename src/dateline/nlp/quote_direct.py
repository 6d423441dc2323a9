"""Quoted segments → direct and partial quotes tied to an attribution.

Each segment tries, in order (the first that applies wins):
0. ``split`` at once: it resumes, in lower case after a comma, the sentence its tag interrupted
   (“…,” Hale wrote, explaining why, “but most …”).
1. ``content``: it lies inside (or covers) the content of a cue outside it: ``X said “…”``,
   ``“…,” X said``, ``Trump said he hoped for a “productive day”``.
2. ``clause``: a cue in the same or the neighbouring sentence whose clause governs it
   (``He called the conversation “important”``), or any nearby cue for a long, sentence-like quote;
   ``X said:`` at the end of the sentence before counts too, and a short quote right after a
   lead-in (``who responds enthusiastically: “Okay!”``, ``a man yelled “Stay there!”``). A cue in
   the next sentence tags the quote only when that sentence is a tag, not a new statement or the
   lead-in of another quote.
3. ``dash``: it is signed after its closing mark: ``“…” ― Sonya Herridge``; or ``bare_tag``: its
   tag lost its verb (``“…,” Jesse Toprak, an analyst for Edmunds.``) or stands as the next
   paragraph (``said Stephen Harper, Prime Minister of Canada.``).
4. ``split``: an earlier quote of the same paragraph is attributed: “…,” he said. “…”
5. ``paragraph``: it re-opens a multi-paragraph quote, or opens a paragraph right after a
   paragraph holding an attributed quote (the news convention: the speaker carries on).
6. Otherwise a long quote stays, unattributed; a short one is a scare quote, a title or a nickname.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass

from dateline.nlp.quote_data import QuoteLexicon, frame_verbs, word_lists
from dateline.nlp.quote_indirect import Attribution
from dateline.nlp.quote_marks import OPEN_MARKS, SINGLE_OPEN, STRAIGHT, QuotedSegment

# A signature on the line after the quote: a dash (a hyphen too), a name, then a stop, a comma or the end.
SIGNATURE_LINE = re.compile(r"(?P<dash>[―—–-]|--)\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*(?:[,.]|$)")
SENTENCE_END = (".", "?", "!", "…")
# A dash set off by spaces (or a double hyphen): an aside opens.
DASH_ASIDE = re.compile(r"\s(?:[―—–-]|--)\s")
TITLE_MAX_WORDS = 12
# Words a title leaves in lower case.
TITLE_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "nor",
        "but",
        "in",
        "on",
        "to",
        "for",
        "at",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "vs",
        "vs.",
        "into",
        "over",
        "up",
        "de",
        "la",
        "del",
    }
)
# What may stand between a quote and its cue for the quote to be the cue's whole content.
ADJACENT_PUNCT = " \t,:—–-"
LEAD_IN_MARKS = OPEN_MARKS | {STRAIGHT, SINGLE_OPEN}
LEAD_IN_MAX_WORDS = 4
# Four words and their spaces fit well within this; a cue further back never leads in.
LEAD_IN_MAX_CHARS = 200
# What may follow a tag's verb up to its end: a few words (a time, "in a statement"), then a stop.
TAG_END = re.compile(r"(?:\s+[\w’'-]+){0,4}\s*[.,;]")
SENTENCE_BREAK = re.compile(r"[.?!][\"”’']*\s")
SENTENCE_CLOSERS = (".", "?", "!", "…", "”", '"', ":")
# A tag without its verb: “…,” Jesse Toprak, an analyst for Edmunds. (a name of two to four words,
# an optional apposition, the paragraph's end).
BARE_NAME_TAG = re.compile(r"\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})(?:\s*,[^“”\"\n.]{1,80})?\.\s*$")
# The most words of the affiliation on a pull quote's signature line ("Ann Hale, Institute for Labor Studies.").
SIGNATURE_MAX_WORDS = 8
# A tag set as a paragraph of its own after the quote: ``said Stephen Harper, Prime Minister.`` (its
# verbs are the lexicon's ``tag_paragraph_verbs``).
TAG_PARAGRAPH = (
    r"(?P<cue>{verbs})\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,4}})(?:\s*,[^“”\"\n]{{1,80}})?\.?\s*$"
)
# A signature after the closing mark: a dash, then one to five capitalised words, then the end.
DASH_SIGNATURE = re.compile(r"\s*(?P<dash>[―—–]|--)\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*(?:,|$)")


@functools.lru_cache(maxsize=4)
def _tag_paragraph(verbs: frozenset[str]) -> re.Pattern[str]:
    return re.compile(TAG_PARAGRAPH.format(verbs="|".join(sorted(map(re.escape, verbs), key=len, reverse=True))))


# What may set off a source label inside a line: a dash between spaces (a digest's headline before it).
LABEL_DASH = re.compile(r"\s(?:[―—–-]|--)\s")
LABEL_MAX_WORDS = 7
LABEL_PARTY = re.compile(r"\s*\([A-Z][\w.]*-[\w. ]+\)$")  # "Rep. Ann Ortiz (D-Ohio)"
LABEL_NAME_WORD = re.compile(r"[A-Z][\w.’'-]*$")
LABEL_NOUN_WORD = re.compile(r"[\w’'.-]+$")
LABEL_DETERMINERS = frozenset({"the", "a", "an", "our", "his", "her", "their", "its"})


def label_words() -> dict[str, frozenset[str]]:
    """``data/quote_labels.json``: the word lists of source labels (``Jo Hale: “…”``)."""
    return word_lists("quote_labels.json")


def source_label(label: str) -> tuple[int, int] | None:
    """The source named by ``label``, the words before a colon that introduces a quote (offsets
    into ``label``): a name of capitalised words (``Jeffrey M. Jones``, ``Frank Newport and Jim
    Harter``, ``Rep. Ann Ortiz (D-Ohio)``), or after a lead word any short noun phrase (``More
    from the report``, ``Stated Stone``); None for a sentence or an announcement (``Update``)."""
    words = label_words()
    core = label.rstrip()
    lowered = core.lower()
    if not core or lowered in words["not_sources"]:
        return None
    start = 0
    for lead in sorted(words["lead_words"], key=len, reverse=True):
        if lowered.startswith(lead + " "):
            start = len(lead) + 1
            break
    name = core[start:]
    party = LABEL_PARTY.search(name)
    tokens = (name[: party.start()] if party else name).split()
    if not tokens or len(tokens) > LABEL_MAX_WORDS or name.lower() in words["not_sources"]:
        return None
    if start and tokens[0].lower() in LABEL_DETERMINERS:  # "More from the report"
        if len(tokens) > 4 or not all(LABEL_NOUN_WORD.match(t) for t in tokens):
            return None
    elif not (
        LABEL_NAME_WORD.match(tokens[0])
        and LABEL_NAME_WORD.match(tokens[-1])
        and all(LABEL_NAME_WORD.match(t) or t in words["connectors"] for t in tokens)
    ):
        return None
    return start, len(core)


@dataclass
class LinkedSegment:
    """A quoted segment with the attribution it was tied to and how."""

    segment: QuotedSegment
    attribution: Attribution | None
    rule: str
    kind: str = "direct"


def _words(text: str) -> list[str]:
    """Whitespace words of ``text`` that hold a letter or digit (not bare punctuation)."""
    return [w for w in text.split() if any(c.isalnum() for c in w)]


def word_count(text: str) -> int:
    """Whitespace words in ``text``."""
    return len(text.split())


def is_title_like(text: str) -> bool:
    """Short Title Case text: a book, a show, a slogan, a nickname (``Orange is the New Black``,
    ``Harbor Lights: A Mayor's Long Fight for the River Docks``). A final
    stop is allowed from three capitalised words on: a sentence is seldom in Title Case."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if not words or len(words) > TITLE_MAX_WORDS:
        return False
    if not words[0][0].isupper() or not all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words):
        return False
    core = text.rstrip().rstrip("”\"’',")
    if core.endswith(("?", "!")) or has_sentence_break(core):
        return False  # a question, an exclamation or two sentences are said, not titled
    if core.endswith(SENTENCE_END):
        return sum(1 for w in words if w[0].isupper()) >= 3
    return True


def is_stage_direction(text: str) -> bool:
    """``"(CROSSTALK.)``, ``[inaudible]``: a transcript's bracketed note is nobody's words."""
    core = text.strip().rstrip(".")
    return len(core) > 2 and core[0] in "([" and core[-1] in ")]" and not any(c in core[1:-1] for c in "()[]")


def preceded_by_naming_word(text: str, open_mark: int, lex: QuoteLexicon) -> bool:
    """``the so-called “…”``, ``a film titled “…”``: the quote names something."""
    before = text[max(0, open_mark - 40) : open_mark].split()
    if not before:
        return False
    last = before[-1].lower().strip(",:")
    two = " ".join(before[-2:]).lower()
    return (last in lex.naming_words and last != "called") or two in lex.naming_words


def previous_paragraph_start(text: str, para_start: int) -> int:
    """Where the paragraph before the one starting at ``para_start`` starts, blank lines skipped
    (wire copy often separates paragraphs with an empty line)."""
    prev_end = end_before_blanks(text, para_start)
    return text.rfind("\n", 0, prev_end) + 1 if prev_end > 0 else 0


def end_before_blanks(text: str, end: int) -> int:
    """``end`` moved back over the whitespace before it (``len(text[:end].rstrip())`` without
    copying the text: it runs once per quote)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _mark_attribution(cue: tuple[int, int], speaker: tuple[int, int], pattern: str, lemma: str) -> Attribution:
    """A speaker named by a mark rather than a verb (a source label's colon, a signature's dash):
    no token, no reported clause of its own."""
    return Attribution(
        cue=cue, cue_i=-1, speaker=speaker, speaker_i=None, content=None, scope=speaker, pattern=pattern, lemma=lemma
    )


@dataclass
class SegmentLinker:
    """Links the quoted segments of one article to the attributions found in its parse."""

    text: str
    sent_starts: list[int]
    attributions: list[Attribution]
    lex: QuoteLexicon

    def sentence_of(self, offset: int) -> int:
        """The index of the sentence holding char ``offset``."""
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)

    def link(self, segments: list[QuotedSegment]) -> list[LinkedSegment]:
        """Every segment that is speech, with its attribution (or None) and kind."""
        starts = [s.start for s in segments]
        # A cue or a speaker inside quotation marks belongs to the quoted words, not to the article.
        usable = [
            a
            for a in self.attributions
            if not _inside_any(a.cue, segments, starts)
            and not (a.speaker is not None and _inside_any(a.speaker, segments, starts))
        ]
        cue_starts = [a.cue[0] for a in usable]
        out: list[LinkedSegment] = []
        prev_para_last: LinkedSegment | None = None
        current_para = -1
        para_last: LinkedSegment | None = None
        for seg in segments:
            if is_stage_direction(self.text[seg.start : seg.end]):
                continue
            para_start = self.text.rfind("\n", 0, seg.open_mark) + 1
            if para_start != current_para:
                prev_para_last = (
                    para_last if para_last is not None and self._adjacent_para(para_last, para_start) else None
                )
                current_para, para_last = para_start, None
            # Only cues of this paragraph and the one before can tie to it: keeps long articles linear.
            lo = bisect.bisect_left(cue_starts, previous_paragraph_start(self.text, para_start))
            para_end = self.text.find("\n", seg.end)
            hi = bisect.bisect_right(cue_starts, para_end if para_end >= 0 else len(self.text))
            near = usable[lo:hi]
            linked = (
                self._resumes_sentence(seg, para_last, near)
                or self._speaker_label(seg)
                or self._source_label(seg)
                or self._lead_in_over_content(seg, near, self._by_content(seg, near))
                or self._by_clause(seg, near)
            )
            if linked is not None and linked.rule != "label" and self._names_a_work(seg, linked.attribution):
                continue
            seg = linked.segment if linked is not None else seg
            if linked is None:
                dash = self._dash_signature(seg)
                linked = LinkedSegment(seg, dash, "dash") if dash is not None else None
            if linked is None:
                bare = self._bare_tag(seg)
                linked = LinkedSegment(seg, bare, "bare_tag") if bare is not None else None
            if linked is None and para_last is not None and para_last.attribution is not None and self._splits(seg):
                linked = LinkedSegment(seg, para_last.attribution, "split")
            if linked is None and prev_para_last is not None and prev_para_last.attribution is not None:
                opens_para = not self.text[para_start : seg.open_mark].strip()
                if seg.continued or opens_para:
                    linked = LinkedSegment(seg, prev_para_last.attribution, "paragraph")
            if linked is None and prev_para_last is None:
                reported = self._reported_speech_above(seg, para_start, near, segments, starts)
                linked = LinkedSegment(seg, reported, "paragraph") if reported is not None else None
            if linked is None and para_last is None:
                reported = self._report_just_before(seg, para_start, near)
                linked = LinkedSegment(seg, reported, "split") if reported is not None else None
            if linked is None:
                linked = self._unattributed(seg)
            if linked is None:
                continue
            linked.kind = self._kind(linked)
            out.append(linked)
            para_last = linked
        _share_along_chains(out)
        return out

    def _resumes_sentence(
        self, seg: QuotedSegment, last: LinkedSegment | None, near: list[Attribution]
    ) -> LinkedSegment | None:
        """``“Many are uncertain,” Thiel wrote in a statement, explaining why he spoke, “but most
        agree …”``: a quote that resumes, in lower case after a comma, the sentence its tag
        interrupted (the quote before it closed on a comma) is the same utterance, whatever other
        cue the tag's clause holds, unless that cue's reported clause holds it (``…, noting that
        he and his wife “have talked …”``)."""
        if last is None or last.attribution is None or last.segment.close_mark is None:
            return None
        words = self.text[seg.start : seg.end]
        if not words[:1].islower() or not self.text[: last.segment.close_mark].rstrip().endswith(","):
            return None
        if any(
            a.content is not None and a.content[0] <= seg.open_mark < a.content[1] and a is not last.attribution
            for a in near
        ):
            return None
        between = self.text[last.segment.after_close : seg.open_mark]
        cue = last.attribution.cue
        if not (last.segment.close_mark < cue[0] < seg.open_mark) or not between.rstrip().endswith(","):
            return None
        if "\n" in between or has_sentence_break(between):
            return None
        return LinkedSegment(seg, last.attribution, "split")

    def _reported_speech_above(
        self,
        seg: QuotedSegment,
        para_start: int,
        near: list[Attribution],
        segments: list[QuotedSegment],
        starts: list[int],
    ) -> Attribution | None:
        """``Carter said that critics had long predicted a withdrawal.`` then a paragraph of its own
        ``“That's because this region …”``: an untagged quote paragraph right after a paragraph whose
        last report is someone's speech (a verb of saying with its speaker, no quote of its own)
        carries on that speaker's words (``near``: the cues of this paragraph and the one before)."""
        if not seg.closed or self._short(seg) or self.text[para_start : seg.open_mark].strip():
            return None
        prev_start = previous_paragraph_start(self.text, para_start)
        k = bisect.bisect_left(starts, prev_start)
        if prev_start >= para_start or (k < len(segments) and segments[k].start < para_start):
            return None  # the paragraph above quotes someone: its quote, not its report, goes on
        above = [a for a in near if prev_start <= a.cue[0] < para_start and a.speaker is not None]
        outer = [
            a
            for a in above
            if not any(b is not a and b.content is not None and b.content[0] <= a.cue[0] < b.content[1] for b in above)
            and self.text[a.speaker[0] : a.speaker[1]].lower() not in self.lex.relative_pronouns  # type: ignore[index]
        ]  # the report of the sentence, not one inside it ("…, which included …")
        last = outer[-1] if outer else None
        if last is None or last.content is None or last.lemma not in self.lex.speech_verbs:
            return None
        return last

    def _report_just_before(self, seg: QuotedSegment, para_start: int, near: list[Attribution]) -> Attribution | None:
        """``The senator tweeted a warning. “Remember in November …”``: an untagged quote sentence
        right after a sentence of the same paragraph that reports someone's words after its cue goes on
        with that report."""
        if not seg.closed or self._short(seg) or not opens_sentence(self.text, seg):
            return None
        if is_title_like(self.text[seg.start : seg.end]) or not self.text[para_start : seg.open_mark].strip():
            return None  # a paragraph of its own: ``_reported_speech_above``
        for a in reversed(near):
            if not (para_start <= a.cue[0] < seg.open_mark) or a.content is None or a.speaker is None:
                continue
            between = self.text[a.cue[1] : seg.open_mark].rstrip()
            if a.content[0] < a.cue[1] or a.content[1] > seg.open_mark or not between.endswith(SENTENCE_END):
                return None
            if has_sentence_break(between[:-1]) or self.sentence_of(a.cue[0]) < self.sentence_of(seg.open_mark) - 1:
                return None  # a sentence of other words comes between
            if self.text[a.speaker[0] : a.speaker[1]].lower() in self.lex.relative_pronouns:
                return None
            return a
        return None

    def _splits(self, seg: QuotedSegment) -> bool:
        """A later quote of the paragraph carries the earlier one's speaker when it opens its
        sentence (“…,” he said. “…”); a partial quote inside someone else's sentence does not
        (``… over his role in the “Gang of Eight”`` after a quote of another speaker)."""
        return not self._short(seg) or opens_sentence(self.text, seg)

    def _speaker_label(self, seg: QuotedSegment) -> LinkedSegment | None:
        """A quoted transcript: ``"PENCE: Well, look, …`` names its speaker before a colon; the words
        after the colon are the quote."""
        for a in self.attributions:
            if a.pattern != "headline" or a.speaker is None or a.content is None:
                continue
            if seg.open_mark <= a.speaker[0] <= seg.start + 1 and a.content[0] < seg.end:
                return LinkedSegment(dataclasses.replace(seg, start=a.content[0]), a, "label")
        return None

    def _source_label(self, seg: QuotedSegment) -> LinkedSegment | None:
        """``… TOO EARLY - Jo Hale and Ann Ortiz: “Although the polls …”``, ``Rep. Ann Ortiz
        (D-Ohio):`` on the line above the quote: a digest or a transcript names the source before
        a colon, at the start of the line or after a dash (see ``source_label``)."""
        para_start = self.text.rfind("\n", 0, seg.open_mark) + 1
        before = self.text[para_start : seg.open_mark].rstrip()
        base = para_start
        if not before:  # the label alone on the line above
            prev_end = end_before_blanks(self.text, para_start)
            base = self.text.rfind("\n", 0, prev_end) + 1
            before = self.text[base:prev_end]
        if not before.endswith(":"):
            return None
        dashes = list(LABEL_DASH.finditer(before))
        cut = dashes[-1].end() if dashes else 0
        label = before[cut:-1]
        lead = len(label) - len(label.lstrip())
        found = source_label(label.lstrip())
        if found is None:
            return None
        offset = base + cut + lead
        speaker = (offset + found[0], offset + found[1])
        colon = base + len(before) - 1
        return LinkedSegment(seg, _mark_attribution((colon, colon + 1), speaker, "label", ":"), "label")

    def _names_a_work(self, seg: QuotedSegment, attr: Attribution | None) -> bool:
        """``author of “Empire of the Fund”``, ``“Orange is the New Black” star``: a Title Case quote
        inside someone's sentence names a book, a show or a campaign; it is speech only opening
        the sentence, after a colon or right beside its cue (``Obama said: “Yes We Can.”``)."""
        if not is_title_like(self.text[seg.start : seg.end]) or word_count(self.text[seg.start : seg.end]) < 2:
            return False
        if opens_sentence(self.text, seg):  # after a colon or opening the sentence: a statement
            return False
        if attr is not None and self._title_cased_line(seg):
            return False  # a headline capitalises every word: its casing names no work
        if attr is not None and attr.lemma in frame_verbs()["shout_verbs"] and self._leads_in(seg, attr):
            return False  # a slogan chanted or shouted: chanting "Bernie or Jill, No Hill"
        return attr is None or not adjacent_to_cue(self.text, seg, attr)

    def _title_cased_line(self, seg: QuotedSegment) -> bool:
        """``Mayor Says Council Plan ‘Would Sink The Port.’``: the words of the quote's line
        outside it, three or more, are all capitalised (small words aside), as in a headline."""
        start = self.text.rfind("\n", 0, seg.open_mark) + 1
        end = self.text.find("\n", seg.end)
        line = self.text[start : seg.open_mark] + " " + self.text[seg.end : end if end >= 0 else len(self.text)]
        words = [w for w in line.split() if w[0].isalpha()]
        return len(words) >= 3 and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)

    def _adjacent_para(self, last: LinkedSegment, para_start: int) -> bool:
        # The previous quoted paragraph must be the paragraph right before this one, or its tag
        # must be: "“…”" then "said Stephen Harper." then "“…”". A signature line ("Ann Hale,
        # Institute for Labor Studies.", no verb) closes its quote: the next one is another's.
        before = previous_paragraph_start(self.text, para_start)
        if last.segment.open_mark >= before:
            return True
        attr = last.attribution
        return attr is not None and attr.pattern == "bare_tag" and attr.cue[0] >= before and attr.cue[1] > attr.cue[0]

    def _by_content(self, seg: QuotedSegment, attrs: list[Attribution]) -> LinkedSegment | None:
        # Of two reported clauses holding the quote alike, the outer is the speech act PolNeAR
        # marks: "Benjamin said he believes “…”" is Benjamin's, not a belief of "he".
        best: tuple[tuple[int, int], Attribution] | None = None
        span = (seg.start, seg.end)
        for a in attrs:
            content = a.content
            if content is None or content[1] <= seg.start or content[0] >= seg.end:
                continue  # (checked inline first: a one-line article can hold hundreds of cues)
            if _overlap(a.cue, (seg.open_mark, seg.end + 1)) > 0:
                continue
            ov = _overlap(content, span)
            size = content[1] - content[0]
            if ov > 0 and (best is None or (ov, size) > best[0]):
                best = ((ov, size), a)
        if best is None:
            return None
        quoted = self._quoted_speaker(best[1], span, attrs)
        if quoted is not None:
            best = (best[0], quoted)
        if self._short(seg) and preceded_by_naming_word(self.text, seg.open_mark, self.lex):
            return None
        return LinkedSegment(seg, best[1], "content")

    def _quoted_speaker(
        self, outer: Attribution, span: tuple[int, int], attrs: list[Attribution]
    ) -> Attribution | None:
        """``The Gazette quoted the mayor as saying “…”``, ``The coach was quoted as saying “…”``: the
        act of the one quoted, a cue inside the quoting verb's content whose own content holds the
        quote and which has a speaker, or None."""
        if outer.lemma not in self.lex.quoting_verbs or outer.content is None:
            return None
        lo, hi = outer.content
        for a in attrs:
            if a is outer or a.content is None or a.speaker is None or not lo <= a.cue[0] < hi:
                continue
            if _overlap(a.content, span) > 0:
                return a
        return None

    def _lead_in_over_content(
        self, seg: QuotedSegment, attrs: list[Attribution], linked: LinkedSegment | None
    ) -> LinkedSegment | None:
        """``Asked why, Ortega responded in a text message: “The council will …”``: the parse may
        hang the lead-in inside the reported clause of another cue that has no speaker of its own
        ("Asked", or a participle after the quote); a lead-in with a speaker, ending on the colon
        right before the quote, frames it instead (a cue with its speaker keeps it)."""
        if linked is None or linked.attribution is None:
            return linked
        held = linked.attribution
        if held.speaker is not None:
            return linked
        lead = next(
            (a for a in reversed(attrs) if a.speaker is not None and self._leads_in(seg, a) and a is not held),
            None,
        )
        if lead is None or not self.text[lead.cue[1] : seg.open_mark].rstrip().endswith(":"):
            return linked
        return LinkedSegment(seg, lead, "clause")

    def _short(self, seg: QuotedSegment) -> bool:
        return word_count(self.text[seg.start : seg.end]) <= self.lex.scare_max_words

    def _by_clause(self, seg: QuotedSegment, attrs: list[Attribution]) -> LinkedSegment | None:
        first = self.sentence_of(seg.open_mark)
        last = self.sentence_of(seg.end)
        after = seg.after_close
        short = self._short(seg)
        best: tuple[int, Attribution] | None = None
        # Every test below keeps a cue within a sentence of the quote: skip the rest of a long
        # paragraph up front (one-line copy with hundreds of quotes stays linear).
        lo = self.sent_starts[max(0, first - 1)] if self.sent_starts else 0
        hi = self.sent_starts[last + 2] if last + 2 < len(self.sent_starts) else len(self.text)
        for a in attrs:
            if not (lo <= a.cue[0] < hi or (a.speaker is not None and lo <= a.speaker[0] < hi)):
                continue
            if a.speaker is None and a.pattern != "according_to":
                continue
            cue_sent = self.sentence_of(a.cue[0])
            if short:
                # A short quote counts only inside its cue's own clause and outside the speaker.
                inside = a.scope[0] <= seg.open_mark and seg.end <= a.scope[1]
                if not inside and not adjacent_to_cue(self.text, seg, a) and not self._leads_in(seg, a):
                    continue
                if a.speaker is not None and _overlap(a.speaker, (seg.start, seg.end)) > 0:
                    continue
                if preceded_by_naming_word(self.text, seg.open_mark, self.lex):
                    continue
                if is_title_like(self.text[seg.start : seg.end]) and not tagged_after(self.text, seg, a):
                    continue
            elif self._sentence_between(a.cue[1], seg.open_mark):
                continue  # “…,” she said, pointing to the store. “…”: a cue a sentence back is not its
            elif not (
                first <= cue_sent <= last
                or (cue_sent == last + 1 and self._only_attribution_between(after, a) and self._tag_after(seg, a))
            ):
                colon_before = cue_sent == first - 1 and self.text[
                    max(0, seg.open_mark - 200) : seg.open_mark
                ].rstrip().endswith(":")
                if not colon_before:
                    continue
            if seg.start <= a.cue[0] < seg.end:
                continue
            dist = min(abs(a.cue[0] - after), abs(a.cue[0] - seg.open_mark))
            if best is None or dist < best[0]:
                best = (dist, a)
        return LinkedSegment(seg, best[1], "clause") if best else None

    def _sentence_between(self, start: int, open_mark: int) -> bool:
        """A sentence ends between a cue and a later quote (a colon closing the cue's own sentence
        hands the words on instead; one closing a later sentence is that sentence's:
        ``“…,” Lee proclaimed.`` then ``The columnist went so far as to say: “…”``)."""
        between = self.text[start:open_mark]
        if start >= open_mark:
            return False
        if between.rstrip().endswith(":"):
            head = between.rstrip()[:-1]
            return "\n" in head or has_sentence_break(head)
        return has_sentence_break(between)

    def _tag_after(self, seg: QuotedSegment, a: Attribution) -> bool:
        """A cue in the sentence after a quote tags it unless it leads in a quote of its own
        (``“Why now?” Mills then writes back, “You look cute.”``), or the quote ends on a full
        stop and the cue's sentence goes on past a short tag: ``“We feel good.” She noted a planned
        rally …`` is a new sentence; ``“… are missing.” Trump said.`` a misplaced stop before a tag."""
        rest = self.text[a.cue[1] : a.cue[1] + 80]
        m = TAG_END.match(rest)
        if m is not None and rest[m.end() - 1] in ",:" and rest[m.end() :].lstrip()[:1] in LEAD_IN_MARKS:
            return False
        words = self.text[seg.start : seg.end].rstrip(" ’'\"”")
        if not words.endswith(".") or words.endswith(".."):
            return True
        return m is not None

    def _leads_in(self, seg: QuotedSegment, a: Attribution) -> bool:
        """``…, who responds enthusiastically: "Okay!"``: the cue's clause ends, a few words on, on
        the colon right before the quote (or a framing verb of voice stands right before it), so
        the quote is what it reports, however short."""
        if a.cue[1] > seg.open_mark or seg.open_mark - a.cue[1] > LEAD_IN_MAX_CHARS:
            return False
        between = self.text[a.cue[1] : seg.open_mark]
        if a.pattern == "frame" and not between.strip(" ,:"):
            return True  # a verb of voice right before the quote: a man yelled “Stay there!”
        return (
            between.rstrip().endswith(":")
            and "\n" not in between
            and word_count(between) <= LEAD_IN_MAX_WORDS
            and not has_sentence_break(between)
        )

    def _only_attribution_between(self, after: int, a: Attribution) -> bool:
        between = self.text[after : a.cue[0]]
        return "\n" not in between and word_count(between) <= 8

    def _unattributed(self, seg: QuotedSegment) -> LinkedSegment | None:
        text = self.text[seg.start : seg.end]
        if word_count(text) <= self.lex.scare_max_words or is_title_like(text):
            return None
        if preceded_by_naming_word(self.text, seg.open_mark, self.lex):
            return None
        # Without a cue, only a quote that is a paragraph of its own reads as someone's statement.
        para_start = self.text.rfind("\n", 0, seg.open_mark) + 1
        if self.text[para_start : seg.open_mark].strip():
            return None
        name_line = self._name_line_above(para_start)
        return LinkedSegment(seg, name_line, "name_line" if name_line else "none")

    def _dash_signature(self, seg: QuotedSegment) -> Attribution | None:
        """``“…” ― Sonya Herridge``: a quote signed with a dash and a name, on its line or as the
        next line of its own (``"…"`` then ``- Sanders.``, ``-President Obama, tweeting …``)."""
        if seg.close_mark is None:
            return None
        para_end = self.text.find("\n", seg.close_mark)
        base = seg.after_close
        tail = self.text[base : para_end if para_end >= 0 else len(self.text)]
        pattern = DASH_SIGNATURE
        if not tail.strip() and para_end >= 0:
            rest = self.text[para_end + 1 :]
            base = para_end + 1 + len(rest) - len(rest.lstrip())
            next_end = self.text.find("\n", base)
            tail = self.text[base : next_end if next_end >= 0 else len(self.text)]
            pattern = SIGNATURE_LINE
        m = pattern.match(tail)
        if m is None:
            return None
        dash = base + m.start("dash")
        span = (base + m.start("name"), base + m.start("name") + len(m.group("name").rstrip(".")))
        return _mark_attribution((dash, dash + len(m.group("dash"))), span, "dash", m.group("dash"))

    def _bare_tag(self, seg: QuotedSegment) -> Attribution | None:
        """A tag that lost its verb, ``“…,” Jesse Toprak, an analyst for Edmunds.`` (the quote ends on
        a comma, the name ends the paragraph), or that stands as the next paragraph, ``said Stephen
        Harper, Prime Minister of Canada.``"""
        if seg.close_mark is None or word_count(self.text[seg.start : seg.end]) < 4:
            return None  # not “Born in the U.S.A.,” Bruce Springsteen.
        para_end = self.text.find("\n", seg.close_mark)
        para_end = para_end if para_end >= 0 else len(self.text)
        tail = self.text[seg.after_close : para_end]
        if tail.strip():
            m = BARE_NAME_TAG.match(tail)
            if m is None or not self.text[seg.start : seg.close_mark].rstrip().endswith(","):
                return None
            start = seg.after_close + m.start("name")
            span = (start, start + len(m.group("name")))
            return _mark_attribution((span[0], span[0]), span, "bare_tag", "")
        rest = self.text[para_end:]
        base = para_end + len(rest) - len(rest.lstrip())
        next_end = self.text.find("\n", base)
        line = self.text[base : next_end if next_end >= 0 else len(self.text)]
        m = _tag_paragraph(self.lex.tag_paragraph_verbs).match(line)
        if m is None:
            return self._signature_paragraph(seg, base, line)
        span = (base + m.start("name"), base + m.end("name"))
        return _mark_attribution((base, base + len(m.group("cue"))), span, "bare_tag", m.group("cue"))

    def _signature_paragraph(self, seg: QuotedSegment, base: int, line: str) -> Attribution | None:
        """A pull quote signed by the paragraph after it: a paragraph that is the quote alone, then
        ``Ann Hale, Institute for Labor Studies.`` (a person's first and last name, an affiliation in
        Title Case, a stop; not ``Ann Hale, a rival, disagreed.``, a sentence of its own)."""
        para_start = self.text.rfind("\n", 0, seg.open_mark) + 1
        if self.text[para_start : seg.open_mark].strip():
            return None
        m = BARE_NAME_TAG.match(line)
        first = m.group("name").split()[0].lower() if m is not None else ""
        if m is None or (first not in self.lex.male_names and first not in self.lex.female_names):
            return None
        affiliation = line[m.end("name") :].strip(" ,.").split()
        if len(affiliation) > SIGNATURE_MAX_WORDS or not all(
            w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in affiliation
        ):
            return None
        span = (base + m.start("name"), base + m.start("name") + len(m.group("name")))
        return _mark_attribution((span[0], span[0]), span, "bare_tag", "")

    def _name_line_above(self, para_start: int) -> Attribution | None:
        """A vox-pop list: a bare name on the line above the quote (``Maria Lopez`` then ``“…”``)."""
        if para_start == 0:
            return None
        prev_start = previous_paragraph_start(self.text, para_start)
        prev_end = len(self.text[:para_start].rstrip())
        line = self.text[prev_start:prev_end]
        words = line.split()
        if not 2 <= len(words) <= 5 or line.rstrip().endswith((".", ":", "?", "!", "”", '"')):
            return None
        if not all(w[:1].isupper() for w in words) or any(c.isdigit() for c in line):
            return None
        lead = len(line) - len(line.lstrip())
        start = prev_start + lead
        span = (start, start + len(line.strip()))
        return Attribution(
            cue=(span[1], span[1]),
            cue_i=-1,
            speaker=span,
            speaker_i=None,
            content=None,
            scope=span,
            pattern="name_line",
        )

    def _tagged_after_narrative(self, seg: QuotedSegment, attr: Attribution) -> bool:
        """``Biden weighed in, telling a magazine, “But they are both qualified,” he said``: a
        sentence-like quote opening after the writer's comma or colon and tagged right after its
        closing mark is the whole of what was said; the words before it are the writer's."""
        if seg.close_mark is None or attr.cue[0] <= seg.close_mark:
            return False
        inside = self.text[seg.start : seg.close_mark].rstrip()
        if not inside.endswith((",", "?", "!")) or not inside[:1].isupper():
            return False
        if word_count(inside) <= self.lex.scare_max_words:
            return False
        before = self.text[max(0, seg.open_mark - 8) : seg.open_mark].rstrip()  # a window: linear in the text
        if not before.endswith((",", ":")) or opens_sentence(self.text, seg):
            return False
        return adjacent_after(self.text, seg, attr)

    def _kind(self, linked: LinkedSegment) -> str:
        seg, attr = linked.segment, linked.attribution
        text = self.text[seg.start : seg.end]
        if attr is not None and linked.rule in ("content", "clause") and adjacent_to_cue(self.text, seg, attr):
            return "direct"
        if attr is not None and linked.rule == "content" and self._tagged_after_narrative(seg, attr):
            return "direct"
        if attr is not None and attr.pattern == "frame" and linked.rule == "clause":
            return "direct"  # a framing verb's quote is the whole utterance: chanted “What curfew?”
        if attr is not None and attr.content is not None and linked.rule == "content":
            # Direct when the reported clause is the quote and nothing more (a "that" at most); a word
            # the writer puts before it ("called them “the backbone of this town”") makes it partial.
            before = _words(self.text[attr.content[0] : seg.start])
            if before and before[-1].lower() not in ("that", "whether"):
                return "partial"
            outside = len(before) + len(_words(self.text[seg.end : attr.content[1]]))
            return "direct" if outside <= self.lex.direct_max_words_outside else "partial"
        opens = self.text[max(0, seg.open_mark - 3) : seg.open_mark].strip()[-1:]
        if opens == "," and text[:1].islower() and attr is not None and _runs_on_clause(self.text, seg, attr):
            return "partial"  # "said he was best placed …, “like you folks.”": the clause goes on in quotes
        sentence_like = word_count(text) > self.lex.scare_max_words and (text[:1].isupper() or seg.continued)
        whole = opens in ("", ":", ",") or opens_sentence(self.text, seg)  # “…,” he said. “Total victory!”
        if sentence_like or (whole and text.rstrip().endswith(SENTENCE_END)):
            return "direct"
        return "partial"


def _runs_on_clause(text: str, seg: QuotedSegment, attr: Attribution) -> bool:
    """The quote follows, after a comma, the end of ``attr``'s reported clause in the same sentence."""
    if attr.content is None or attr.content[1] > seg.open_mark:
        return False
    between = text[attr.content[1] : seg.open_mark]
    return between.strip() == "," and attr.cue[1] <= attr.content[0]


def adjacent_to_cue(text: str, seg: QuotedSegment, attr: Attribution) -> bool:
    """``Adelson said, “They have got to …”``, ``“…,” Warren said``, ``saying, “done.”``: nothing
    but punctuation stands between the quote and its cue (with the speaker), so the quote is the
    whole of what was said, not a partial quote inside a reported clause."""
    if attr.cue[1] <= attr.cue[0]:
        return False
    own = [attr.cue] + ([attr.speaker] if attr.speaker is not None else [])
    hi = max(b for _, b in own)
    if hi <= seg.open_mark:
        between = text[hi : seg.open_mark]
        if not between.strip() and not (attr.speaker is not None and attr.speaker[0] > attr.cue[0]):
            return False  # "called “fake news”": a bare cue word governs a name, not a statement
        if between.strip(ADJACENT_PUNCT) or between.strip()[-1:] not in (",", ":"):
            return False
        return _ends_sentence(text, seg)
    return adjacent_after(text, seg, attr) and opens_sentence(text, seg)


def adjacent_after(text: str, seg: QuotedSegment, attr: Attribution) -> bool:
    """Only punctuation on the same line stands between the quote's closing mark and its cue and
    speaker after it."""
    own = [attr.cue] + ([attr.speaker] if attr.speaker is not None else [])
    lo = min(a for a, _ in own)
    close = seg.close_mark if seg.close_mark is not None else seg.end
    if close >= lo:
        return False
    between = text[close + 1 : lo]
    return "\n" not in between and not between.strip(ADJACENT_PUNCT)


def tagged_after(text: str, seg: QuotedSegment, attr: Attribution) -> bool:
    """``“No,” replied Jo Hale``, ``“Why?” she asked``: a quote closing on a comma, question or
    exclamation mark with its cue's tag right after it is said, however short and capitalised
    (a title is not tagged so)."""
    if seg.close_mark is None or attr.cue[0] <= seg.close_mark:
        return False
    inside = text[seg.start : seg.close_mark].rstrip()
    return inside.endswith((",", "?", "!")) and adjacent_to_cue(text, seg, attr)


def reach_partials(text: str, span: tuple[int, int], partials: list[tuple[int, int]]) -> tuple[int, int]:
    """A reported clause ``span`` stretched over the attribution's own partial quotes that follow it
    in the same sentence (``partials``: ``(open mark, just after the close mark)``): ``vowed to
    repave the roads, reopen the town's “shameful” old library``, ``praising the mayor, who
    stepped down, as “a woman who never raised her voice”``. The parse often ends the
    clause at a comma or a coordination; the quoted words the cue governs end it instead."""
    start, end = span
    for open_mark, close in sorted(partials):
        if open_mark < end < close or (end <= open_mark and _same_sentence(text, end, open_mark)):
            end = close  # a clause the parse ended inside the quote ("was “futile,” because …") too
    return start, end


def aside_after(text: str, last_close: int, end: int) -> int:
    """Where mixed speech ends when a dashed aside follows its last partial quote: ``she was
    “heartened” by the vote — a small win for the council``: after the dash, the writer speaks
    (a second dash closes a parenthesis instead: ``“…” — itself a rebuttal — was …``)."""
    m = DASH_ASIDE.search(text, last_close, end)
    if m is None or DASH_ASIDE.search(text, m.end(), end) is not None:
        return end  # a pair of dashes sets off a parenthesis inside the reported clause
    return m.start()


def clause_before_tag(text: str, attr: Attribution, seg: QuotedSegment) -> tuple[int, int] | None:
    """``The treaty's defeat signals “the beginning of the end” for the union, Ms. Hale said``: a
    partial quote whose cue tags the sentence after it, with no reported clause parsed, is said
    within the words from the sentence's start to the comma before the tag."""
    if attr.content is not None or attr.cue[1] <= attr.cue[0] or seg.close_mark is None:
        return None
    tag = min([attr.cue[0]] + ([attr.speaker[0]] if attr.speaker is not None else []))
    if tag <= seg.close_mark:
        return None
    head = text[:tag].rstrip()
    if not head.endswith(",") or not _same_sentence(text, seg.after_close, tag):
        return None
    para_start = text.rfind("\n", 0, seg.open_mark) + 1
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(text, para_start, seg.open_mark)]
    breaks = [b for b in breaks if not _abbreviation(text, text.rfind(".", 0, b))] if breaks else []
    start = breaks[-1] if breaks else para_start
    start += len(text[start : seg.open_mark]) - len(text[start : seg.open_mark].lstrip())
    end = len(head) - 1
    return (start, end) if start < seg.open_mark and end > seg.close_mark else None


def _same_sentence(text: str, start: int, stop: int) -> bool:
    """No paragraph or sentence ends between ``start`` and ``stop``."""
    between = text[start:stop]
    return "\n" not in between and not has_sentence_break(between + " ")


def opens_sentence(text: str, seg: QuotedSegment) -> bool:
    """Nothing of the same sentence comes before the quote's opening mark."""
    para_start = text.rfind("\n", 0, seg.open_mark) + 1
    before = text[para_start : seg.open_mark].rstrip()
    return not before or before.endswith(SENTENCE_CLOSERS)


def _ends_sentence(text: str, seg: QuotedSegment) -> bool:
    """Nothing of the same sentence comes after the quote's closing mark."""
    if seg.close_mark is None:
        return True
    para_end = text.find("\n", seg.close_mark)
    after = text[seg.after_close : para_end if para_end >= 0 else len(text)].lstrip()
    inside_end = text[seg.start : seg.end].rstrip().endswith(SENTENCE_END)
    return not after or after[0] in ".?!" or (inside_end and (after[0].isupper() or after[0] in "“\"'‘"))


def has_sentence_break(text: str) -> bool:
    """A sentence ends inside ``text`` (a stop after ``Mr.`` or ``U.S.`` does not count)."""
    return any(not _abbreviation(text, m.start()) for m in SENTENCE_BREAK.finditer(text))


def _abbreviation(text: str, dot: int) -> bool:
    """The stop at ``dot`` closes a title or an initialism (``Mr.``, ``Sen.``, ``U.S.``), not a sentence."""
    word = text[:dot].rsplit(None, 1)[-1] if text[:dot].strip() else ""
    if word[:1].isupper() and word.lower().lstrip("(") in label_words()["abbreviations"]:
        return True  # "Army Capt. Jo Hale", "Carson, Calif., said"
    return (len(word) <= 3 and word[:1].isupper()) or "." in word


def _inside_any(span: tuple[int, int], segments: list[QuotedSegment], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, span[0]) - 1
    return k >= 0 and segments[k].start <= span[0] and span[1] <= segments[k].end


def _share_along_chains(linked: list[LinkedSegment]) -> None:
    """A multi-paragraph quote has one speaker: fill unattributed links of a chain from the others."""
    chain: list[LinkedSegment] = []
    for item in [*linked, None]:
        if item is not None and item.segment.continued and chain:
            chain.append(item)
            continue
        found = next((c.attribution for c in chain if c.attribution is not None), None)
        if found is not None:
            for c in chain:
                if c.attribution is None:
                    c.attribution, c.rule = found, "paragraph"
        chain = [item] if item is not None else []
