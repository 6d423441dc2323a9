"""Speaker resolution: a surface mention (name, pronoun, role noun, ``who``) → an article entity.

1. A relative pronoun (``…, who said``) stands for the noun it modifies.
2. A role noun (``the spokesperson``, ``Trump's envoy``) goes to the person its own phrase names
   (``the firm's chief executive officer, Alan Mulally``), else to the entity holding that role:
   roles from the entities layer plus the titles written around each person's mentions.
3. A name or organisation mention goes to the entity it overlaps.
4. A pronoun goes to the most salient compatible entity before it: same sentence, then earlier
   sentences; main-clause subjects and earlier speakers first, then the most recent mention; with
   none in the last few sentences, to the latest speaker if nobody compatible was named since.
   Gender comes from first names, titles, gendered role words and pronouns already resolved.
   ``they`` stays unresolved after a plural noun subject (``the sources``) or two joined names.
5. An organisation noun (``the company``, ``the Detroit automaker``) goes, like ``it``, to the most
   salient organisation before it.
6. Group nouns (``officials``, ``sources``) stay unresolved: the surface mention is kept.
7. ``I`` (``we``) outside quotation marks, in a document the article reproduces after a colon
   (``Jobs's email, which reads: Team, I …``), is that document's author.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.nlp.entity_lexicon import ROLE_HEADS, TITLE_WORDS
from dateline.nlp.geo import country_code, demonym_country
from dateline.nlp.party_tags import PartyTag, party_of, state_of, tag_after
from dateline.nlp.quote_data import QuoteLexicon
from dateline.nlp.quote_marks import find_segments
from dateline.schema import Entity, Speaker

PRONOUN_TAGS = frozenset({"PRP", "PRP$"})
# Entity types "who" never stands for: a place or an organisation the parse hung the clause on.
NOT_PERSON_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC"})
# Entity types of a proper noun before an organisation noun that place it or say whose it is, not
# name it: "the Detroit company", "the German airline".
PLACE_OR_PEOPLE_TYPES = frozenset({"GPE", "LOC", "FAC", "NORP"})
# How far into a document an article reproduces after a colon "I" may stand.
MAX_DOCUMENT_SENTENCES = 15
# First-person words besides the subject pronouns: a letter's paragraph that holds one is still the letter.
FIRST_PERSON = frozenset({"me", "my", "mine", "myself", "us", "our", "ours", "ourselves"})
# The most words an unnamed speaker's description may take ("The premier of the German state of …").
MAX_DESCRIPTION_TOKENS = 12


@dataclass
class _Mention:
    start: int
    end: int
    entity: Entity
    root_i: int
    sent: int
    rank: int  # 0: main-clause subject, 1: another subject, 2: anything else


@dataclass
class SpeakerResolver:
    """Resolves speaker mentions of one article, in text order (gender learnt on the way)."""

    doc: Doc
    text: str
    entities: list[Entity]
    lex: QuoteLexicon
    _mentions: list[_Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _gender: dict[str, str] = field(default_factory=dict)
    _roles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _parties: dict[str, PartyTag] = field(default_factory=dict)  # "Ann Hale, D-Wash.": her party and state
    _sent_starts: list[int] = field(default_factory=list)
    _sent_tokens: list[int] = field(default_factory=list)
    _speakers: list[tuple[int, str]] = field(default_factory=list)
    _by_word: dict[str, Entity] = field(default_factory=dict)
    _by_id: dict[str, Entity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {e.id: e for e in self.entities}
        sents = list(self.doc.sents)
        self._sent_starts = [s.start_char for s in sents]
        self._sent_tokens = [s.start for s in sents]
        for ent in self.entities:
            if ent.type not in self.lex.speaker_types:
                continue
            for word in ent.name.split():
                # A surname the tagger missed ("Zelenskyy's office") still names its person.
                if word[:1].isupper() and (word.lower() not in self._by_word or ent.type == "PERSON"):
                    self._by_word.setdefault(word.lower(), ent)
                    if ent.type == "PERSON":
                        self._by_word[word.lower()] = ent
            for m in ent.mentions:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                root = span.root
                self._mentions.append(_Mention(m.start, m.end, ent, root.i, self.sentence_of(m.start), _rank(root)))
                if ent.type == "PERSON":
                    self._learn_gender(ent, span.start)
                    tag = tag_after(self.text, m.end)
                    if tag is not None:
                        self._parties.setdefault(ent.id, tag)
                if ent.type in ("PERSON", "ORG"):  # "Jo Hale, the envoy"; "NPD Group, a research firm"
                    self._learn_roles(ent, span.start, span.end, m.start)
            for role in ent.roles:
                for word in _role_words(role, self.lex.speaker_description_preps):
                    self._roles.setdefault(word, []).append((ent.mentions[0].start if ent.mentions else 0, ent.id))
        self._mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self._mentions]
        for holders in self._roles.values():
            holders.sort()

    def sentence_of(self, offset: int) -> int:
        """The index of the sentence holding char ``offset``."""
        return max(0, bisect.bisect_right(self._sent_starts, offset) - 1)

    def _learn_gender(self, ent: Entity, span_start: int) -> None:
        if ent.id in self._gender:
            return
        first = ent.name.split()[0].lower() if ent.name.split() else ""
        prev = self.doc[span_start - 1].lower_ if span_start > 0 else ""
        if prev in self.lex.male_titles or first in self.lex.male_names:
            self._gender[ent.id] = "male"
        elif prev in self.lex.female_titles or first in self.lex.female_names:
            self._gender[ent.id] = "female"

    def _learn_roles(self, ent: Entity, tok_start: int, tok_end: int, char_start: int) -> None:
        """Titles around a mention: ``Kremlin spokesperson Dmitry Peskov``, ``Witkoff, Trump's envoy``."""
        doc = self.doc
        root = doc[tok_start:tok_end].root
        words: list[Token] = [t for t in root.children if t.dep_ in ("compound", "amod") and t.i < tok_start]
        for child in root.children:
            if child.dep_ == "appos":
                words.append(child)
                words.extend(t for t in child.children if t.dep_ in ("compound", "amod"))
        if root.dep_ == "appos":
            words.append(root.head)
            words.extend(t for t in root.head.children if t.dep_ in ("compound", "amod"))
        for w in words:
            lower = w.lower_
            if lower in self.lex.role_nouns or w.pos_ == "NOUN":
                self._roles.setdefault(lower, []).append((char_start, ent.id))
                self._roles.setdefault(w.lemma_.lower(), []).append((char_start, ent.id))
            if lower in self.lex.male_role_words:
                self._gender.setdefault(ent.id, "male")
            elif lower in self.lex.female_role_words:
                self._gender.setdefault(ent.id, "female")

    def _entity_over(self, start: int, end: int) -> Entity | None:
        hi = bisect.bisect_left(self._starts, end)
        best: tuple[int, Entity] | None = None
        for m in self._mentions[max(0, hi - 8) : hi]:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, m.entity)
        return best[1] if best else None

    def _role_holder(self, word: str, before: int, names: set[str] | frozenset[str] = frozenset()) -> str | None:
        """Who holds the role ``word``: the latest holder named before char ``before``, else the first
        after; with ``names``, only one whose roles hold one of those words."""
        holders = self._roles.get(word)
        if holders and names:
            holders = [(pos, eid) for pos, eid in holders if self._role_names(eid) & names]
        if not holders:
            return None
        earlier = {eid for pos, eid in holders if pos <= before}
        if not earlier:
            return holders[0][1]
        # Of several holders ("the senator" after two senators), the one named last before it.
        return self._named_last(earlier, before) or next(eid for _, eid in reversed(holders) if eid in earlier)

    def _named_last(self, ids: set[str], before: int) -> str | None:
        """Of the entities ``ids``, the one with the last mention starting before char ``before``."""
        hi = bisect.bisect_left(self._starts, before)
        return next((m.entity.id for m in reversed(self._mentions[:hi]) if m.entity.id in ids), None)

    def _party_member(self, tok: Token) -> str | None:
        """``the Missouri Republican``, ``the Democrat``: the person named last before ``tok`` whose
        party tag (``Josh Hawley, R-Mo.``) has that party and, when a state is named, that state.
        ``one Republican``, ``a Democrat``: someone not named."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return None
        party = party_of(tok.text)
        words = " ".join(c.text for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i)
        state = state_of(words) if words else None
        members = {eid for eid, tag in self._parties.items() if tag.party == party and state in (None, tag.state)}
        return self._named_last(members, tok.idx)

    def _role_names(self, entity_id: str) -> set[str]:
        """The words of an entity's roles, in lower case (``French President`` → french, president)."""
        return {w.lower() for role in self._by_id[entity_id].roles for w in role.split()}

    def _pronoun(self, tok: Token) -> str | None:
        feature = self.lex.pronoun_features.get(tok.lower_)
        if feature in ("first", "first_plural"):
            return self._document_author(tok, plural=feature == "first_plural")
        if feature is None or feature == "second":
            return None
        return self._antecedent(tok, feature)

    def _document_author(self, tok: Token, *, plural: bool) -> str | None:
        """``Apple released the text of Jobs's email, which reads: Team, … I will continue as CEO``:
        "I" outside quotation marks, in a document the article reproduces after a colon, is its
        author. The author is the named owner of the document noun before the colon (``Jobs's
        email``) or the named subject of a verb of writing there (``Jobs wrote:``); "we" is an
        organisation's. Within ``MAX_DOCUMENT_SENTENCES`` sentences, while the document runs
        (``_document_runs``)."""
        if any(seg.open_mark <= tok.idx < seg.end for seg in find_segments(self.text)):
            return None  # quoted: a quote's own "I" is its speaker's, read by the quote
        here = self.sentence_of(tok.idx)
        first = self._sent_tokens[max(0, here - MAX_DOCUMENT_SENTENCES)]
        colon = next((t for t in reversed(self.doc[first : tok.i]) if t.text == ":"), None)
        if colon is None or not self._document_runs(colon, tok):
            return None
        for t in self.doc[colon.sent.start : colon.i]:
            if t.lemma_.lower() in self.lex.source_nouns:
                author = self._owner(t)
            elif t.pos_ == "VERB" and t.lemma_.lower() in self.lex.writing_verbs:
                subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
                found = self._entity_over(subject.idx, subject.idx + len(subject)) if subject is not None else None
                author = found.id if found is not None else None
            else:
                continue
            ent = self._by_id.get(author) if author else None
            if ent is not None and (ent.type in self.lex.organisation_types if plural else ent.type == "PERSON"):
                return ent.id
        return None

    def _document_runs(self, colon: Token, tok: Token) -> bool:
        """The document after ``colon`` runs on to ``tok``: no quotation mark between, and every
        paragraph it fills speaks in the first person (a letter of several paragraphs; the writer's
        own paragraph after a text with no "I" is not the document's)."""
        first_person = False
        for t in self.doc[colon.i + 1 : tok.i]:
            if t.is_quote:
                return False
            if "\n" in t.text:
                if not first_person:
                    return False
                first_person = False
            elif self.lex.pronoun_features.get(t.lower_) in ("first", "first_plural") or t.lower_ in FIRST_PERSON:
                first_person = True
        return True

    def _antecedent(self, tok: Token, feature: str) -> str | None:
        """The entity a pronoun or ``the company`` stands for: the most salient compatible mention
        of the last few sentences, else the latest speaker however far back, when no other
        compatible entity was named since (news keeps "he" for its speaker paragraph after paragraph)."""
        here = self.sentence_of(tok.idx)
        lo = bisect.bisect_left(self._starts, self._sent_starts[max(0, here - self.lex.max_pronoun_sentence_distance)])
        hi = bisect.bisect_left(self._starts, tok.idx)
        # The news convention: a pronoun after a quote is its speaker's; only the latest speaker counts,
        # not anyone who spoke earlier in the article.
        k = bisect.bisect_left(self._speakers, (tok.idx, ""))
        speakers = {self._speakers[k - 1][1]} if k else set()
        governing = self._governing_subjects(tok)
        best: tuple[tuple[int, int, int, int], _Mention] | None = None
        quoted = self._quoted_in_sentence(here) if tok.pos_ == "PRON" else []
        for m in self._mentions[lo:hi]:
            if m.root_i == tok.i or not self._compatible(m.entity, feature) or self._in_own_adjunct(m, tok):
                continue
            if any(a <= m.start < b for a, b in quoted):
                continue  # "“Dale's a good man,” she says": a name in her own words is not her
            rank = 0 if m.entity.id in speakers and m.rank > 0 and here - m.sent <= 1 else m.rank
            if m.root_i in governing:
                rank = -1  # "where Singapore Airlines will display the aircraft they intend to …"
            # Within a sentence, one known to be of the pronoun's gender before one of unknown gender.
            unknown = feature in ("male", "female") and self._gender.get(m.entity.id) != feature
            key = (here - m.sent, int(unknown), rank, -m.start)
            if best is None or key < best[0]:
                best = (key, m)
        mention = best[1] if best is not None else None
        if feature == "plural" and (self._plural_subject_since(tok, mention, here) or self._coordinated(mention)):
            return None  # "The sources claimed … They also said", "GM and Chrysler … they": no one entity
        found = mention.entity.id if mention is not None else self._latest_speaker(tok, feature, k, hi)
        recent = self._recent_speaker(feature, k, here)
        if recent is not None and (best is None or recent[0] < best[0]):
            found = recent[1]
        if found is not None and feature in ("male", "female"):
            self._gender.setdefault(found, feature)
        return found

    def _governing_subjects(self, tok: Token) -> set[int]:
        """The subjects of the verbs above the pronoun's own clause in its sentence: ``Singapore
        Airlines will display the aircraft they intend to launch`` (the clause that holds "they" is
        part of what Singapore Airlines does)."""
        out: set[int] = set()
        cur = tok.head  # the pronoun's own verb: its subject is the pronoun itself
        while cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                out.update(c.i for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i)
        return out

    def _recent_speaker(self, feature: str, k: int, here: int) -> tuple[tuple[int, int, int, int], str] | None:
        """The person who spoke last before (``k`` speakers precede), however named ("He talked about
        … Mac apps. … He said …"), as a candidate antecedent of a personal pronoun: a mention of its
        sentence that ranks as a main-clause subject, within the last few sentences."""
        if not k or feature not in ("male", "female"):
            return None
        pos, eid = self._speakers[k - 1]
        sent = self.sentence_of(pos)
        if here - sent > self.lex.max_pronoun_sentence_distance or not self._compatible(self._by_id[eid], feature):
            return None
        return (here - sent, int(self._gender.get(eid) != feature), 0, -pos), eid

    def _quoted_in_sentence(self, sent: int) -> list[tuple[int, int]]:
        """The quoted words (marks excluded) that start in sentence ``sent``."""
        lo, hi = (
            self._sent_starts[sent],
            self._sent_starts[sent + 1] if sent + 1 < len(self._sent_starts) else len(self.text),
        )
        return [(g.start, g.end) for g in find_segments(self.text) if lo <= g.open_mark < hi]

    def _in_own_adjunct(self, mention: _Mention, tok: Token) -> bool:
        """``mention`` is the object of a prepositional phrase of the pronoun's own verb: ``In addition to
        the iPod Classic, Nano and Shuffle, they have announced …`` (they are not the iPods). Not a
        word modifying that object: ``In a statement on the Airbus website, it said`` is Airbus."""
        if tok.pos_ != "PRON" or tok.dep_ not in ("nsubj", "nsubjpass"):
            return False
        verb = tok.head
        cur = self.doc[mention.root_i]
        while cur.dep_ == "conj":
            cur = cur.head
        if cur.dep_ != "pobj":
            return False
        while cur.head.i != cur.i and cur.i != verb.i:
            if cur.dep_ == "prep" and cur.head.i == verb.i:
                return True
            cur = cur.head
        return False

    def _plural_subject_since(self, tok: Token, mention: _Mention | None, here: int) -> bool:
        """A plural common noun (``the sources``, ``many consumers``) is a subject in this sentence or
        the one before, after ``mention``: ``they`` is more likely those people than an organisation
        named before them."""
        after = mention.start if mention is not None else -1
        for t in self.doc[self._sent_tokens[max(0, here - 1)] : tok.i]:
            if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS" and not t.ent_type_ and t.idx > after:
                return True
        return False

    def _coordinated(self, mention: _Mention | None) -> bool:
        """``mention`` is one of two or more names joined by ``and`` (``GM and Chrysler``)."""
        if mention is None:
            return False
        root = self.doc[mention.root_i]
        partners = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
        return any(p.pos_ == "PROPN" for p in partners)

    def _latest_speaker(self, tok: Token, feature: str, k: int, hi: int) -> str | None:
        """The compatible speaker resolved last before ``tok`` (``k`` speakers precede it, ``hi``
        mentions), when no other compatible entity is mentioned between the two."""
        while k and not self._compatible(self._by_id[self._speakers[k - 1][1]], feature):
            k -= 1  # "he" skips the company and the government quoted since
        if not k:
            return None
        pos, eid = self._speakers[k - 1]
        since = bisect.bisect_left(self._starts, pos)
        for m in self._mentions[since:hi]:
            if m.entity.id != eid and m.root_i != tok.i and self._compatible(m.entity, feature):
                return None
        return eid

    def _compatible(self, ent: Entity, feature: str) -> bool:
        if feature in ("male", "female"):
            return ent.type == "PERSON" and self._gender.get(ent.id, feature) == feature
        if feature == "organisation":
            return ent.type == "ORG"
        if feature in ("company", "public body"):  # "the company" is not the European Commission
            public = ent.name.split()[-1].lower() in self.lex.public_body_heads
            return ent.type == "ORG" and public == (feature == "public body")
        if feature == "neuter":
            return ent.type in self.lex.organisation_types
        return ent.type in self.lex.organisation_types  # they: an organisation or a country

    def resolve(
        self, head_i: int | None, span: tuple[int, int] | None, quote: tuple[int, int] | None = None
    ) -> Speaker | None:
        """The speaker for a mention whose head token is ``head_i`` and surface span ``span``;
        ``quote``: what it said (an unresolved mention is widened, never over it)."""
        if span is None:
            return None
        entity_id = self.resolve_entity(head_i, span)
        ent = self._by_id.get(entity_id) if entity_id else None
        if ent is not None:
            bisect.insort(self._speakers, (span[0], ent.id))  # kept in text order for the lookups
        elif head_i is not None:
            span = self._described(self.doc[head_i], span, quote)
        text = self.text[span[0] : span[1]]
        return Speaker(
            entity=ent.id if ent else None,
            name=ent.name if ent else None,
            text=text,
            start=span[0],
            end=span[1],
        )

    def _described(self, head: Token, span: tuple[int, int], quote: tuple[int, int] | None) -> tuple[int, int]:
        """An unnamed speaker with what the article says of it: ``The premier of the German state of
        North Rhine-Westphalia``, ``Representatives at several Apple Stores``, ``One of them`` (a
        prepositional phrase after the noun, number or pronoun, up to a comma, and never over the quote)."""
        if head.pos_ not in ("NOUN", "NUM", "PRON") or head.tag_ in ("PRP", "WP", "WDT"):
            return span  # not "he", "who"; but "One of them", "Some of the officials"
        if span[1] != head.idx + len(head):
            return span
        preps = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in self.lex.speaker_description_preps]
        if not preps or preps[0].i != head.i + 1:
            return span
        last = preps[-1].right_edge
        words = self.doc[head.i : last.i + 1]
        if len(words) > MAX_DESCRIPTION_TOKENS or any(t.is_punct and t.text not in "-–'’" for t in words):
            return span
        end = last.idx + len(last)
        if quote is not None and span[0] < quote[1] and quote[0] < end:
            return span
        return span[0], end

    def resolve_entity(self, head_i: int | None, span: tuple[int, int]) -> str | None:
        """The entity id a speaker mention stands for, or None."""
        if head_i is None:
            ent = self._entity_over(*span)
            return ent.id if ent else None
        tok = self.doc[head_i]
        if tok.lower_ in self.lex.relative_pronouns and tok.head.dep_ == "relcl":
            # "…, 62,000 at GM, which is seeking …": "which" after a comma is the organisation named right
            # before it, whatever noun the parse hung the clause on ("who" may reach further back: "X, a
            # spokesman for Senator Y, who added …" is X).
            before = self.doc[tok.i - 2] if tok.i >= 2 and self.doc[tok.i - 1].text == "," else None
            named = self._entity_over(before.idx, before.idx + len(before)) if before is not None else None
            if tok.lower_ == "which" and named is not None and named.type in self.lex.organisation_types:
                return named.id
            tok = self._person_of_who(tok) if tok.lower_ in ("who", "whom") else tok.head.head
            ent = self._entity_over(tok.idx, tok.idx + len(tok))
            return ent.id if ent else self._role_or_none(tok)
        holder = self._named_holder(tok)  # before a title-only entity ("The Vice President …, Mark Chandler")
        if holder is not None:
            return holder
        own = self._entity_over(tok.idx, tok.idx + len(tok))
        if own is not None and own.type == "NORP" and tok.tag_ not in ("NNS", "NNPS") and party_of(tok.text):
            return self._party_member(tok)  # "the Missouri Republican": one of the party, not the party
        if own is not None:
            return own.id
        apposed = self._apposition_name(tok)  # "A third US car manufacturer, Ford Motor Company, said"
        if apposed is not None:
            return apposed
        if tok.tag_ in PRONOUN_TAGS:
            return self._pronoun(tok)
        named = self._by_word.get(tok.lower_) if tok.text[:1].isupper() else None
        if named is not None:
            return named.id
        role = self._role_or_none(tok)
        if role is not None:
            return role
        if tok.lower_ in self.lex.organisation_nouns and any(
            (c.dep_ == "det" and c.lower_ in ("the", "this")) or (c.dep_ == "poss" and c.ent_type_ == "GPE")
            for c in tok.children
        ):
            return self._organisation(tok)  # "the company", "the United States's largest car manufacturer"
        if tok.lemma_.lower() in self.lex.source_nouns:
            # "Acme's statement", "a CNN poll"; "a report" names no one; "The statement added …" is the
            # statement named before ("Hamas said in a statement that …")
            return self._owner(tok) or self._issuer_named_before(tok)
        if tok.lower_ in self.lex.group_nouns:
            return None
        if tok.pos_ == "NOUN":  # "a Romanian official", "Republican Party leaders": a name before the noun is
            # not who speaks; but "Zelenskyy's office" speaks for him, "the Australian government" for Australia
            return self._owner(tok) or self._state_of(tok) or self._named_after(tok)
        ent = self._entity_over(*span)
        if ent is not None:
            return ent.id
        for t in self.doc.char_span(*span, alignment_mode="expand") or []:
            if t.text[:1].isupper() and t.lower_ in self._by_word:
                return self._by_word[t.lower_].id
        return None

    def _person_of_who(self, who: Token) -> Token:
        """The noun "who" stands for. The parse hangs the clause on the nearest noun, which may be a
        place or an organisation in the phrase of a person's apposition: in ``Charles Reilly, a
        management expert at Stanford University, who stated …``, "who" climbs from the university to
        the expert, and from the apposition to the person it describes. Only to a person named."""
        noun = who.head.head
        climbed = noun
        while climbed.dep_ == "pobj" and climbed.head.dep_ == "prep" and climbed.head.head.pos_ in ("NOUN", "PROPN"):
            ent = self._entity_over(climbed.idx, climbed.idx + len(climbed))
            if ent is None or ent.type not in NOT_PERSON_TYPES:
                break
            climbed = climbed.head.head
        if climbed.i == noun.i:
            return noun
        if climbed.dep_ == "appos":
            climbed = climbed.head
        ent = self._entity_over(climbed.idx, climbed.idx + len(climbed))
        return climbed if ent is not None and ent.type == "PERSON" else noun

    def _issuer_named_before(self, tok: Token) -> str | None:
        """Who issued the document that ``the statement`` points back to: the subject of the verb the
        same noun hung on in the last few sentences (``Hamas said in a statement …``, ``the ministry
        issued a statement …``), as an entity."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return None
        here = self.sentence_of(tok.idx)
        since = self._sent_starts[max(0, here - self.lex.max_pronoun_sentence_distance)]
        for prev in reversed(self.doc[: tok.i]):
            if prev.idx < since:
                return None
            if prev.lemma_.lower() != tok.lemma_.lower():
                continue
            verb = prev.head.head if prev.dep_ == "pobj" else prev.head if prev.dep_ == "dobj" else None
            if verb is None or verb.pos_ not in ("VERB", "AUX"):
                return None
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                return None
            return self.resolve_entity(subject.i, (subject.left_edge.idx, subject.idx + len(subject)))
        return None

    def _owner(self, tok: Token) -> str | None:
        """The named owner of a noun (``Zelenskyy's office``, ``the Trump campaign's spokesman``), or
        the organisation an organisation or document noun names before it (``the Canadian Auto
        Workers union``, ``the Acme statement``). Not ``the company website``: MEANTIME makes the
        site an entity of its own, and it stays unresolved."""
        for c in tok.lefts:
            if c.dep_ == "poss":
                ent = self._entity_over(c.left_edge.idx, c.idx + len(c))
                return ent.id if ent is not None else None
            if c.dep_ != "compound":
                continue
            if tok.lower_ in self.lex.organisation_nouns or tok.lemma_.lower() in self.lex.source_nouns:
                ent = self._entity_over(c.idx, c.idx + len(c))
                if ent is not None and ent.type == "ORG":
                    return ent.id  # "the Canadian Auto Workers union", "the Acme statement"
        return None

    def _state_of(self, tok: Token) -> str | None:
        """The country or people a government noun's modifier names (``the Australian government``,
        ``the U.S. administration``), or None."""
        if tok.lower_ not in self.lex.state_nouns:
            return None
        for c in tok.lefts:
            ent = self._entity_over(c.idx, c.idx + len(c)) if c.dep_ in ("amod", "compound", "poss") else None
            if ent is not None and ent.type == "NORP":  # "the Australian government": Australia, if named
                code = demonym_country(ent.name)
                places = (e for e in self._by_id.values() if e.type == "GPE") if code else ()
                return next((e.id for e in places if country_code(e.name) == code), ent.id)
            if ent is not None and ent.type == "GPE":
                return ent.id
        return None

    def _named_after(self, tok: Token) -> str | None:
        """The organisation an organisation noun introduces without "the": ``American automobile
        manufacturer General Motors``."""
        name = self._name_after(tok) if tok.lower_ in self.lex.organisation_nouns else None
        ent = self._entity_over(name.idx, name.idx + len(name)) if name is not None else None
        return ent.id if ent is not None else None

    def _organisation(self, tok: Token) -> str | None:
        """``the company``, ``the Detroit automaker``: the organisation it introduces or stands for."""
        name = self._name_after(tok)
        if name is not None:  # "the US automaker Ford", "the group the Project on …": that name
            org = self._entity_over(name.idx, name.idx + len(name))
            return org.id if org is not None else None
        if any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i and c.ent_type_ not in PLACE_OR_PEOPLE_TYPES
            for c in tok.children
        ):
            # "the Vereinigung Cockpit union": named before the noun, it is that organisation or one the
            # article has not named, never the last organisation named ("the Detroit company" is one of
            # Detroit's, which may be)
            return self._named_like(tok)
        holder = self._role_holder(tok.lower_, tok.idx)  # "NPD Group, a market research firm"
        if holder is not None and self._by_id[holder].type not in self.lex.organisation_types:
            holder = None  # a person's "… general counsel of the company" does not make them the company
        found = (
            holder
            or self._named_like(tok)  # "the computer maker": Apple Computer
            or self._of_kind(tok)  # "the airline": Aer Lingus, not the airframer named since
            or self._antecedent(tok, self._organisation_kind(tok))
        )
        return None if found is not None and found in self._named_within(tok) else found

    def _named_within(self, tok: Token) -> set[str]:
        """The entities named in the words that follow ``tok`` in its own phrase: ``the union
        representing Veltra's workers`` is not Veltra, nor ``the board of Acme`` Acme."""
        end = tok.right_edge.idx + len(tok.right_edge)
        lo = bisect.bisect_right(self._starts, tok.idx)
        hi = bisect.bisect_left(self._starts, end)
        return {m.entity.id for m in self._mentions[lo:hi]}

    def _organisation_kind(self, tok: Token) -> str:
        """What an organisation noun may stand for: a business (``the company``), a public body
        (``the agency``) or any organisation (``the group``)."""
        if tok.lower_ in self.lex.company_nouns:
            return "company"
        return "public body" if tok.lower_ in self.lex.public_body_nouns else "organisation"

    def _of_kind(self, tok: Token) -> str | None:
        """The latest organisation of ``tok``'s kind in the last few sentences, else earlier in the
        article: its name holds a word of that kind (``the airline`` → Aer Lingus, ``the union`` →
        United Auto Workers or the nurses' association named four sentences before)."""
        words = self.lex.organisation_kinds.get(tok.lower_)
        if not words:
            return None
        here = self.sentence_of(tok.idx)
        since = self._sent_starts[max(0, here - self.lex.max_pronoun_sentence_distance)]
        return self._latest_org_named(words, tok.idx, since) or self._latest_org_named(words, tok.idx)

    def _named_like(self, tok: Token) -> str | None:
        """The latest organisation before ``tok`` whose name holds one of its modifiers
        (``the young computer maker`` → Apple Computer, ``the airline`` stays with the others)."""
        words = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i}
        return self._latest_org_named(words, tok.idx) if words else None

    def _latest_org_named(self, words: set[str] | frozenset[str], before: int, since: int = 0) -> str | None:
        """The organisation mentioned last between chars ``since`` and ``before`` whose name holds
        one of ``words``."""
        lo = bisect.bisect_left(self._starts, since)
        hi = bisect.bisect_left(self._starts, before)
        for m in reversed(self._mentions[lo:hi]):
            if m.entity.type == "ORG" and words & {w.lower() for w in m.entity.name.split()}:
                return m.entity.id
        return None

    def _name_after(self, tok: Token) -> Token | None:
        """The name a noun introduces: its apposition, or a proper noun right after it."""
        for c in tok.children:
            if c.dep_ == "appos" and c.i > tok.i:
                return c
        nxt = tok.i + 1
        if nxt < len(self.doc) and self.doc[nxt].pos_ == "PROPN" and self.doc[nxt].ent_type_ not in ("DATE", "TIME"):
            return self.doc[nxt]  # (not "the company Monday said")
        if nxt + 1 < len(self.doc) and self.doc[nxt].lower_ == "the" and self.doc[nxt + 1].text[:1].isupper():
            return self.doc[nxt + 1]
        return None

    def _apposition_name(self, tok: Token) -> str | None:
        """The organisation or person a common noun's apposition names: ``A third US car manufacturer,
        Ford Motor Company, …`` is Ford, not the country its modifier names. Not what a colon opens
        (``Poll: Clinton and Sanders in dead heat``: the parse's apposition is the headline's news)."""
        if tok.pos_ != "NOUN":
            return None
        for c in tok.rights:
            if c.dep_ == "appos" and not any(t.text == ":" for t in self.doc[tok.i + 1 : c.left_edge.i]):
                ent = self._entity_over(c.idx, c.idx + len(c))
                return ent.id if ent is not None and ent.type in ("ORG", "PERSON") else None
        return None

    def _named_holder(self, tok: Token) -> str | None:
        """``said the firm's chief executive officer, Alan Mulally``, ``the vice president and chairman
        of Chrysler LLC Jim Press``, ``the company president and CEO Louis Gallois``: a role phrase that
        ends on its holder's name, set off by a comma, following another name or closing titles joined
        to the role (not ``a spokesman for Senator John McCain``, whose spokesman is someone else).
        The holder also takes the role for the article's later mentions of it."""
        if (tok.lower_ not in self.lex.role_nouns and tok.lower_ not in ROLE_HEADS) or tok.tag_ in ("NNS", "NNPS"):
            return None
        last = tok.right_edge
        while last.i > tok.i and last.is_punct:
            last = self.doc[last.i - 1]
        hi = bisect.bisect_right(self._starts, last.idx)
        mention = next((m for m in reversed(self._mentions[max(0, hi - 4) : hi]) if m.end > last.idx), None)
        if mention is None or mention.entity.type != "PERSON" or mention.start <= tok.idx:
            return None
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start <= tok.i + 1 or span.end - 1 < last.i:
            return None
        before = self.doc[span.start - 1]
        named_after = before.pos_ == "PROPN" and before.lower_ not in TITLE_WORDS and before.ent_type_ != "PERSON"
        # "The company president and CEO Louis Gallois": the name closes the titles joined to the role.
        joined = span.root.dep_ == "conj" and span.root.head.i == tok.i and before.lower_ in TITLE_WORDS
        if before.text != "," and not named_after and not joined:
            return None
        lo = bisect.bisect_left(self._starts, tok.idx)
        others = (m for m in self._mentions[lo:hi] if m.entity.id != mention.entity.id)
        if any(_named_person(m) and m.start < mention.start for m in others):
            return None  # "the chief executive of Ford, Alan Mulally, and the head of GM, Rick Wagoner"
        self._roles.setdefault(tok.lower_, []).append((tok.idx, mention.entity.id))
        self._roles[tok.lower_].sort()
        return mention.entity.id

    def _role_or_none(self, tok: Token) -> str | None:
        word = tok.lower_
        if tok.tag_ in ("NNS", "NNPS"):
            return None  # "the researchers", "aides": a group, not the one person holding the role
        if word not in self.lex.role_nouns:
            return None
        # "the French leader": a capitalised modifier names whose role it is (Macron, the French
        # President, not the German Chancellor); no holder of a role with that word, no one.
        names = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()}
        for w in (word, *self.lex.role_synonyms.get(word, ())):
            holder = self._role_holder(w, tok.idx, names)
            if holder is not None:
                return holder
        return None


def _named_person(m: _Mention) -> bool:
    """A person with a name, not a title standing alone (``President and Chief Executive Officer``)."""
    return m.entity.type == "PERSON" and not all(w.lower() in TITLE_WORDS for w in m.entity.name.split())


def _role_words(role: str, preps: frozenset[str]) -> list[str]:
    """The words of a role up to the preposition (``preps``) after which it names what it is of:
    "general counsel of the company" → general, counsel."""
    out: list[str] = []
    for word in role.lower().split():
        if word in preps:
            break
        out.append(word)
    return out


def _rank(root: Token) -> int:
    cur = root
    for _ in range(3):
        if cur.dep_ in ("nsubj", "nsubjpass"):
            return 0 if cur.head.dep_ == "ROOT" else 1
        if cur.dep_ in ("compound", "appos", "conj", "poss", "flat"):
            cur = cur.head
            continue
        break
    return 2
