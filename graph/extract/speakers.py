"""Speakers of attribution candidates, nesting, and floating quotes.

- A document speaks for its source: "a statement from X reads", "X's
  statement", "the X statement" -> X; an unresolvable nested source ("an
  investigation found") -> the outer speaker.
- A definite document with no source of its own ("the statement said", "the
  report added") is an anaphor, like a pronoun: it speaks for whoever issued the
  same document earlier ("X issued a statement", "In a statement, X said"), else
  for the latest preceding speaker that can issue one (an organisation, person or
  state).
- A pronoun as a cue's subject may continue the previous speaker
  (:mod:`.continuity`): "it" a body or state, "he"/"she" a person known to
  agree, "they" a body or a group.
- Audience nouns ("reporters") are never speakers.
- A cue inside a quotation whose subject is a pronoun ("they say") is the quoted
  person's own report, not an attribution the text makes: it is dropped.
- ``p_floating``: a paragraph or sentence that is one quotation, right after an
  attributed one, continues that speaker (one assertion per sentence).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import REJECTING_CLASSES, Lexicon
from .actors import ActorIndex
from .candidates import Candidate
from .continuity import previous_speaker
from .coordination import conjunct_speakers, split_coordinated
from .mentions import THING_PRONOUNS, doc_text, subject_of
from .quotes import Quote, strip_span
from .referents import has_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Pronouns that continue the previous speaker when they agree with it.
_CONTINUING = THING_PRONOUNS | {"he", "she", "they"}
_DEFINITE = {"the", "this", "that", "these", "those"}
# Who can issue a statement or a report: not a described group ("residents").
_ISSUERS = ("organisation", "person", "state")
# "In a statement, X said", "X said in a communique": the document's issuer is
# the subject of the verb the phrase attaches to.
_VEHICLE_PREPS = ("in", "through", "via")
# How far back (in sentences) a document noun looks for its antecedent.
_DOCUMENT_WINDOW = 6
#: How many tokens back "one of them" looks for the group it picks from.
_GROUP_WINDOW = 60
#: Words that pick members of a group: "one of them said", "some of the residents".
_PARTITIVES = frozenset(
    {"one", "some", "many", "several", "most", "all", "each", "both", "few", "none"}
)


def _source_of_document(noun: Token) -> Token | None:
    """ "a statement from X", "X's statement", "a poll X commissioned";
    "the ministry statement" below."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if child.dep_ == "poss":
            return child
        # "a poll it commissioned", "a study commissioned by the union".
        if child.dep_ == "relcl":
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            # "a story that suggested ...": the relative pronoun is the story.
            if subject is not None and subject.tag_ not in ("WDT", "WP"):
                return subject
        if child.dep_ == "acl":
            for agent in (c for c in child.children if c.dep_ == "agent"):
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def _compound_source(noun: Token, actors: ActorIndex) -> str | None:
    """ "the Kremlin statement", "a ministry report": the issuer named before it.

    A common-noun modifier counts only when it is an institution noun naming an
    actor already in the text ("the budget report" has no issuer).
    """
    lx = actors.lx
    for child in noun.children:
        if child.dep_ != "compound":
            continue
        if child.pos_ == "PROPN" or child.ent_type_ in ("ORG", "GPE", "NORP"):
            key = actors.resolve(child)
            if key is not None and actors.actors[key].kind in _ISSUERS:
                return key
        lemma = child.lemma_.lower()
        if child.pos_ == "NOUN" and lemma in (
            lx.institution_nouns | lx.armed_forces_nouns
        ):
            return actors.latest(child.i, has_head(actors, lemma))
    return None


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


def _issuer_kind(actors: ActorIndex, key: str | None) -> bool:
    return key is not None and actors.actors[key].kind in _ISSUERS


def _issuer_of_mention(
    noun: Token, actors: ActorIndex, kept: list[Candidate]
) -> str | None:
    """Who issued an earlier mention of a document ("X issued a statement")."""
    for item in kept:
        if item.speaker_token is not None and item.speaker_token.i == noun.i:
            return item.speaker  # "The statement said ... The statement added"
    source = _source_of_document(noun)
    if source is not None:
        key = actors.resolve(source)
        return key if _issuer_kind(actors, key) else None
    compound = _compound_source(noun, actors)
    if compound is not None:
        return compound
    verb = None
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.pos_ == "NOUN"
    ):
        noun = noun.head.head  # "in a series of tweets, X said"
    if noun.dep_ == "dobj":
        verb = noun.head  # "X issued / released / published a statement"
    elif noun.dep_ == "pobj" and noun.head.lower_ in _VEHICLE_PREPS:
        verb = noun.head.head  # "In a statement, X said"
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(verb)
    if subject is None:
        return None
    for item in kept:
        if item.speaker_token is not None and item.speaker_token.i == subject.i:
            return item.speaker
    key = actors.resolve(subject)
    return key if _issuer_kind(actors, key) else None


def _document_anaphor(
    noun: Token, item: Candidate, actors: ActorIndex, kept: list[Candidate]
) -> str | None:
    """ "the statement said": the issuer of the statement mentioned before."""
    lemma = noun.lemma_.lower()
    doc = noun.doc
    sents = list(doc.sents)
    here = next(n for n, s in enumerate(sents) if s.start <= noun.i < s.end)
    first = sents[max(0, here - _DOCUMENT_WINDOW)].start
    for index in range(noun.i - 1, first - 1, -1):
        token = doc[index]
        if token.pos_ == "NOUN" and token.lemma_.lower() == lemma:
            key = _issuer_of_mention(token, actors, kept)
            if key is not None:
                return key
    if item.parent is not None:
        return None  # nested: the enclosing assertion's speaker takes over
    earlier = [
        c
        for c in kept
        if c.parent is None
        and c.cue.idx < item.cue.idx
        and _issuer_kind(actors, c.speaker)
    ]
    return earlier[-1].speaker if earlier else None


def _nest(candidates: list[Candidate]) -> None:
    """Parent = the smallest other candidate whose content holds the cue."""
    for index, item in enumerate(candidates):
        best: int | None = None
        for other_index, other in enumerate(candidates):
            if other_index == index or not other.start <= item.cue.idx < other.end:
                continue
            size = other.end - other.start
            if best is None or size < candidates[best].end - candidates[best].start:
                best = other_index
        item.parent = best


def resolve_speakers(
    candidates: list[Candidate], actors: ActorIndex, lx: Lexicon, quotes: list[Quote]
) -> list[Candidate]:
    """Attach speakers; drop candidates with no resolvable speaker."""
    # Nesting first, so an unresolvable nested speaker ("an investigation found")
    # can fall back on the assertion it is nested in.
    split_coordinated(candidates, lx)
    _nest(candidates)
    kept: list[Candidate] = []
    for item in candidates:
        token = _group_of(item.speaker_token, lx)
        key: str | None = None
        node = token
        if token is not None:
            lemma = token.lemma_.lower()
            quoted = any(q.start <= item.cue.idx < q.end for q in quotes)
            if quoted and token.pos_ == "PRON":
                continue
            if quoted and any(
                c.dep_ == "poss" and c.lower_ in ("our", "my") for c in token.children
            ):
                continue  # "Our data show ..." inside a quote: the speaker's own
            if lemma in lx.audience_nouns:
                token = None
            elif lemma in lx.non_agent_nouns and token.pos_ == "NOUN":
                continue  # "blood found on ...", "video appears to show": no agent
            elif lemma in lx.document_nouns and token.pos_ == "NOUN":
                source = _source_of_document(token)
                node = source if source is not None else token
                if source is not None:
                    if source.lower_ in THING_PRONOUNS:
                        key = previous_speaker(source, item, candidates, actors)
                    key = key or actors.resolve(source)
                else:
                    key = _compound_source(token, actors)
                if key is None and source is None and _definite(token):
                    key = _document_anaphor(token, item, actors, kept)
                    if key is not None:
                        item.confidence = min(item.confidence, 0.8)
                if key is None and source is None and _own_source(item, candidates):
                    # "news reports have credited X": the reports are the source;
                    # so are "reports suggesting X" that a speaker rejects.
                    key = actors.resolve(token)
            elif token.pos_ == "PRON" and token.lower_ in _CONTINUING:
                key = previous_speaker(token, item, candidates, actors)
                key = key or actors.resolve(token)
            else:
                key = actors.resolve(token)
        if key is None and item.parent is not None:
            parent = candidates[item.parent]
            if parent.speaker is not None and (token is None or token.pos_ == "NOUN"):
                key = parent.speaker
                item.speaker_start, item.speaker_end = (
                    parent.speaker_start,
                    parent.speaker_end,
                )
                item.confidence = min(item.confidence, 0.7)
                node = None
        if key is None:
            continue
        item.speaker = key
        if node is not None:
            _speaker_span(item, node)
        _on_behalf(item, actors)
        kept.append(item)
    return conjunct_speakers(kept, actors)


def _own_source(item: Candidate, candidates: list[Candidate]) -> bool:
    """Whether a document speaks for itself: it is not nested, or it is what
    the enclosing statement rejects ("hit back at reports suggesting X")."""
    if item.parent is None:
        return True
    return candidates[item.parent].cue_class in REJECTING_CLASSES


def _group_of(token: Token | None, lx: Lexicon) -> Token | None:
    """A member of a group speaks for the group: "one of the witnesses" ->
    "witnesses"; "one of them" -> the closest plural civilian noun before it
    ("two witnesses ... one of them said"), else "them"."""
    if token is None or not (token.lower_ in _PARTITIVES or token.pos_ == "NUM"):
        return token
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            group = next((g for g in child.children if g.dep_ == "pobj"), None)
            if group is None:
                return token
            if group.lower_ in ("them", "those"):
                doc = token.doc
                for i in range(token.i - 1, max(-1, token.i - _GROUP_WINDOW), -1):
                    if (
                        doc[i].tag_ == "NNS"
                        and doc[i].lemma_.lower() in lx.civilian_nouns
                    ):
                        return doc[i]
            return group
    return token


def _speaker_span(item: Candidate, node: Token) -> None:
    doc = node.doc
    if node.pos_ == "PRON":
        span = doc[node.i : node.i + 1]
        item.confidence = min(item.confidence, 0.8)
    else:
        span = doc[node.left_edge.i : node.i + 1]
    item.speaker_start, item.speaker_end = strip_span(
        doc_text(doc), span.start_char, span.end_char
    )
    if item.speaker_start >= item.speaker_end:
        item.speaker_start, item.speaker_end = node.idx, node.idx + len(node.text)


def _on_behalf(item: Candidate, actors: ActorIndex) -> None:
    """ "X, in the name of the State of Y, said ...": X acts for Y."""
    verb = item.cue
    heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    for head in heads:
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in ("in", "on"):
                continue
            words = [t.lower_ for t in child.subtree]
            if ("name" in words or "behalf" in words) and item.speaker is not None:
                country = None
                for t in child.subtree:
                    country = country or actors.lx.country_of(t.text)
                if country:
                    actors.on_behalf(item.speaker, country)


def _standalone(text: str, quote: Quote) -> tuple[bool, bool]:
    """(opens a paragraph, opens a sentence) and closes one, for a quotation."""
    before = text[: max(0, quote.start - 1)].rstrip(" ")
    opens_paragraph = before.endswith("\n") or quote.start <= 1
    opens_sentence = before.endswith((".", "!", "?", ".\u201d", '."', "?\u201d"))
    after = text[quote.end + 1 :].lstrip(" ")
    closes = after == "" or after.startswith("\n") or after[:1] in ("\u201c", '"')
    return opens_paragraph or opens_sentence, closes


def floating_quotes(
    doc: Doc, quotes: list[Quote], items: list[Candidate]
) -> list[Candidate]:
    """Quotations standing alone right after an attributed one continue its speaker."""
    text = doc_text(doc)
    out: list[Candidate] = []
    for quote in quotes:
        if any(
            c.start <= quote.start < c.end or quote.start <= c.start < quote.end
            for c in items
        ):
            continue
        opens, closes = _standalone(text, quote)
        if not (opens and closes):
            continue
        previous = [c for c in items if c.end <= quote.start and c.speaker is not None]
        if not previous:
            continue
        last = max(previous, key=lambda c: c.end)
        between = text[last.end : quote.start]
        # Right after an attributed sentence, or a paragraph or two later.
        if len(between) > 600 or between.count("\n") > 4:
            continue
        if "\n" not in between and quote.start - max(last.end, last.cue.idx) > 120:
            continue
        out += _sentences(doc, quote, last)
    return out


def _sentences(doc: Doc, quote: Quote, last: Candidate) -> list[Candidate]:
    """One floating assertion per sentence of the quotation."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return []
    out: list[Candidate] = []
    for sent in span.sents:  # type: ignore[attr-defined]  # not in spaCy's stub
        tokens = [t for t in sent if quote.start <= t.idx < quote.end]
        if not any(t.pos_ in ("VERB", "AUX") for t in tokens):
            continue
        start, end = strip_span(
            doc_text(doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        )
        if end - start < 4:
            continue
        out.append(
            Candidate(
                cue=last.cue,
                cue_class=last.cue_class,
                pattern="p_floating",
                speaker_token=None,
                start=start,
                end=end,
                root=sent.root if sent.root.i in {t.i for t in tokens} else None,
                tokens=tokens,
                speaker=last.speaker,
                speaker_start=last.speaker_start,
                speaker_end=last.speaker_end,
                confidence=0.7,
                cue_end=last.cue_end,
                cue_lemma=last.cue_lemma,
            )
        )
    return out
