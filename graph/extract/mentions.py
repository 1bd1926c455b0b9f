"""Small noun-phrase and subject helpers shared by the actor, attribution and
aspect readers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from ..models import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..lexicon import Lexicon


NP_LEFT = {"compound", "amod", "det", "poss", "nmod", "case", "nummod", "quantmod"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
FEMALE_PRONOUNS = {"she", "her", "hers"}
THING_PRONOUNS = {"it", "its"}
PLURAL_PRONOUNS = {"they", "them", "their"}
SPEAKER_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def doc_text(doc: Doc) -> str:
    """The document's text, computed once: ``Doc.text`` rebuilds it per access."""
    text: str | None = doc.user_data.get("claimgraph_text")
    if text is None:
        text = doc.user_data["claimgraph_text"] = doc.text
    return text


def np_span(token: Token) -> SpacySpan:
    """The noun phrase a head token stands for: its left modifiers and itself."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT:
            start = min(start, child.left_edge.i)
    return token.doc[start : token.i + 1]


def clean(text: str) -> str:
    """A name without a possessive ending, leading determiners or double
    quotation marks ('"false" reports' is "false reports")."""
    text = re.sub(r"['\u2019]s?$", "", re.sub(r"[\"\u201c\u201d]", "", text).strip())
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def initials(name: str) -> str:
    """ "Israel Defense Forces" -> "IDF"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def subject_of(verb: Token) -> Token | None:
    """The verb's nearest subject (a dateline "CITY —" can also parse as one)."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not found:
        return None
    return min(found, key=lambda c: abs(c.i - verb.i))


def char_span(token_or_span: Token | SpacySpan) -> tuple[int, int]:
    """Character offsets of a token or a span."""
    # hasattr, not isinstance: spaCy is imported only for type checking here.
    if hasattr(token_or_span, "start_char"):
        span = cast("SpacySpan", token_or_span)
        return span.start_char, span.end_char
    return token_or_span.idx, token_or_span.idx + len(token_or_span.text)


def looks_like_name(tokens: SpacySpan) -> bool:
    """Capitalised words only, at most four: a person's name the NER model missed."""
    words = [t for t in tokens if not t.is_punct]
    return (
        0 < len(words) <= 4
        and all(t.text[:1].isupper() for t in words)
        and all(t.pos_ == "PROPN" for t in words)
    )


def span_of(token_or_span: Token | SpacySpan) -> Span:
    """The :class:`Span` (offsets and text) of a token or a spaCy span."""
    start, end = char_span(token_or_span)
    doc = token_or_span.doc
    return Span(start, end, doc_text(doc)[start:end])


def verb_subject(verb: Token) -> Token | None:
    """A verb's subject, or the subject it shares with the verb it is conjoined to."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ != "conj":
            return subject
        verb = verb.head
    return None


def phrase_of(token: Token) -> SpacySpan:
    """The spaCy span of ``token``'s whole subtree."""
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def harmonise_names(doc: Doc, post_nominals: frozenset[str] = frozenset()) -> None:
    """Give every mention of one name the label most of them have.

    The small model tags a name by its context, so one company is sometimes a
    person ("Tesla CEO Elon Musk" -> PERSON "Tesla", while "Tesla" elsewhere is
    ORG). A name tagged both ways takes the label of the majority when at least
    two mentions agree on it; a tie keeps each mention's own label. A
    post-nominal after a person's name is part of it ("Michael Dunne SC", where
    the model tags "SC" an organisation).
    """
    from collections import Counter

    from spacy.tokens import Span as SpacySpan

    if post_nominals:
        ents = list(doc.ents)
        grown: list[SpacySpan] = []
        changed = False
        for n, ent in enumerate(ents):
            after = doc[ent.end] if ent.end < len(doc) else None
            nxt = ents[n + 1] if n + 1 < len(ents) else None
            if (
                ent.label_ == "PERSON"
                and after is not None
                and after.text.lower().strip(".") in post_nominals
                and (
                    after.ent_iob_ == "O"
                    or (nxt is not None and len(nxt) == 1 and nxt.start == after.i)
                )
            ):
                grown.append(SpacySpan(doc, ent.start, ent.end + 1, label="PERSON"))
                changed = True
            elif grown and grown[-1].end > ent.start:
                continue  # the post-nominal the person took
            else:
                grown.append(ent)
        if changed:
            doc.ents = grown
    labels = ("PERSON", "ORG")
    counts: dict[str, Counter[str]] = {}
    for ent in doc.ents:
        if ent.label_ in labels:
            counts.setdefault(ent.text, Counter())[ent.label_] += 1
    winner = {}
    for name, count in counts.items():
        (top, n), *rest = count.most_common()
        if rest and n >= 2 and n > rest[0][1]:
            winner[name] = top
    if not winner:
        return
    doc.ents = [
        SpacySpan(doc, e.start, e.end, label=winner[e.text])
        if e.label_ in labels and winner.get(e.text, e.label_) != e.label_
        else e
        for e in doc.ents
    ]


def inherited_subject(verb: Token, lx: Lexicon) -> Token | None:
    """The subject of "adding that" or "and said": the governing verb's.

    A participle cue often attaches inside the first clause ("said the port
    would reopen, adding that ..."); the reporting verb above it is the one that
    shares its subject, so a cue ancestor wins over a nearer verb.
    """
    if verb.dep_ not in ("conj", "advcl", "xcomp"):
        return None
    # "X contacted the body to say ...": an infinitive's subject is its own
    # verb's, even under another cue ("a spokeswoman said X contacted ...").
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    node, nearest = verb, None
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        subject = subject_of(node)
        if subject is None:
            continue
        # "X conveyed sorrow and said": a conjoined verb shares its head's subject.
        if verb.dep_ == "conj" and node.i == verb.head.i:
            return subject
        if node.lemma_.lower() in lx.cues:
            return subject
        if nearest is None and node.i == verb.head.i:
            nearest = subject
            if infinitive:
                return subject
    return nearest


def names_people(noun: Token, lx: Lexicon) -> bool:
    """Whether a noun names people (a person, staff, a title holder)."""
    lemma = noun.lemma_.lower()
    return (
        noun.ent_type_ == "PERSON"
        or lemma in lx.civilian_nouns
        or lemma in lx.person_nouns
        or lemma in lx.titles
    )


#: Irregular forms of common reporting verbs.
_IRREGULAR = {"said": "say", "says": "say", "wrote": "write", "told": "tell"}


def cue_lemma(word: str, lx: Lexicon) -> str | None:
    """The cue lemma of an inflected form ("Adds" -> "add"), if it is a cue."""
    word = word.lower()
    guesses = [_IRREGULAR.get(word, word), word[:-1], word[:-2], word[:-3] + "y"]
    if word.endswith("ed"):
        guesses.append(word[:-2] + "e")
    return next((g for g in guesses if g in lx.cues), None)


def phrasal_lemma(token: Token, lx: Lexicon) -> str:
    """A verb's lemma with its particle when the two are a cue ("pointed out
    that ...", "ruled out any link"): "point out"; else the lemma alone."""
    lemma = token.lemma_.lower()
    for child in token.children:
        # The model takes "back" in "hit back at" for an adverb.
        particle = child.dep_ == "prt" or (
            child.dep_ == "advmod" and child.i == token.i + 1
        )
        if particle and f"{lemma} {child.lower_}" in lx.cues:
            return f"{lemma} {child.lower_}"
    return lemma
