"""Cues that are not verbs: report nouns and multi-word phrases.

- ``p_nominal``: "warnings from X that clinics were empty", "X's claim that ...".
- ``p_according``: "According to X, the convoy was attacked."
- ``p_statement``: "In a statement, X called the offer an insult."
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from .candidates import Candidate, char_range, contiguous, trimmed_tokens
from .mentions import subject_of
from .quotes import Quote

if TYPE_CHECKING:
    from spacy.tokens import Token


def _source(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def nominal_candidates(
    noun: Token, lx: Lexicon, quotes: list[Quote]
) -> list[Candidate]:
    """ "warnings from X that ...": a report noun with a source and a that-clause."""
    source = _source(noun)
    if source is None:
        return []
    for child in noun.children:
        if child.dep_ not in ("acl", "ccomp") or child.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            continue
        tokens = trimmed_tokens(child, noun, lx, quotes)
        if not tokens:
            continue
        start, end = char_range(noun.doc, tokens)
        return [
            Candidate(
                cue=noun,
                cue_class=lx.cue_nouns[noun.lemma_.lower()],
                pattern="p_nominal",
                speaker_token=source,
                start=start,
                end=end,
                root=child,
                tokens=tokens,
                confidence=0.8,
            )
        ]
    return []


def phrase_candidates(token: Token, lx: Lexicon) -> list[Candidate]:
    """Multi-word cues starting at ``token`` ("according to", "in a statement")."""
    if token.lower_ == "according":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is not None:
            return _according(token, to, lx)
        return []
    pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return []
    words = [t for t in token.doc[token.i : pobj.i + 1]]
    phrase = " ".join(t.lower_ for t in words)
    if phrase not in lx.cue_phrases:
        return []
    head = token.head
    # "said in a statement that ...": the verb is the cue already.
    if head.lemma_.lower() in lx.cues or head.pos_ not in ("VERB", "AUX"):
        return []
    speaker = subject_of(head)
    if speaker is None:
        return []
    excluded = {t.i for t in token.subtree} | {t.i for t in speaker.subtree}
    run = contiguous([t for t in head.subtree if t.i not in excluded], head)
    if not run:
        return []
    start, end = char_range(token.doc, run)
    return [
        Candidate(
            cue=token,
            cue_class=lx.cue_phrases[phrase],
            pattern="p_statement",
            speaker_token=speaker,
            start=start,
            end=end,
            root=head,
            tokens=run,
            confidence=0.8,
            cue_end=words[-1].idx + len(words[-1].text),
            cue_lemma=phrase,
        )
    ]


def _according(token: Token, to: Token, lx: Lexicon) -> list[Candidate]:
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    head = token.head
    # "..., most of them children, according to X": the clause, not the apposition.
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if source is None or head.i == token.i:
        return []
    excluded = {t.i for t in token.subtree}
    run = _around(token, head, excluded) or contiguous(
        [t for t in head.subtree if t.i not in excluded], head
    )
    if not run:
        return []
    start, end = char_range(token.doc, run)
    return [
        Candidate(
            cue=token,
            cue_class=lx.cue_phrases.get("according to", "Say"),
            pattern="p_according",
            speaker_token=source,
            start=start,
            end=end,
            root=head,
            tokens=run,
            confidence=0.85,
            cue_end=to.idx + len(to.text),
            cue_lemma="according to",
        )
    ]


def _around(token: Token, head: Token, excluded: set[int]) -> list[Token]:
    """ "The man arrested, according to police, was later found to be ...": a
    phrase set off by commas inside its clause attributes the whole clause (the
    parse often ends the clause before the phrase); the phrase is left out."""
    doc = token.doc
    last = max(excluded)
    if token.i < 2 or last + 2 >= len(doc):
        return []
    if doc[token.i - 1].text != "," or doc[last + 1].text != ",":
        return []
    gap = excluded | {token.i - 1, last + 1}
    clause = [t.i for t in head.subtree if t.i not in gap]
    if not clause or clause[0] >= token.i or clause[-1] <= last:
        return []  # the phrase opens or closes the clause: nothing around it
    if set(range(clause[0], clause[-1] + 1)) - gap != set(clause):
        return []
    return [doc[i] for i in clause]
