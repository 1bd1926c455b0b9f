"""Attribution candidates and the content spans both pattern families cut.

:mod:`.attribution` (clause patterns) and :mod:`.nominal` (noun and phrase
patterns) make :class:`Candidate` objects with these helpers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from .mentions import doc_text, subject_of
from .quotes import Quote, strip_span

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Question words: a clause they open reports no new speaker.
WH = {"what", "which", "who", "whom", "whose", "how", "why", "where", "when"}
_CONTRAST = {"though", "although", "while", "whereas", "but", "even"}


@dataclass
class Candidate:
    """An assertion before speaker resolution and factuality."""

    cue: Token
    cue_class: str
    pattern: str
    speaker_token: Token | None
    start: int  # content characters, after trimming
    end: int
    root: Token | None
    tokens: list[Token] = field(default_factory=list)
    target_token: Token | None = None
    speaker: str | None = None
    speaker_start: int = 0
    speaker_end: int = 0
    parent: int | None = None
    confidence: float = 0.9
    cue_end: int | None = None  # for multi-word cues
    cue_lemma: str | None = None


def has_own_cue(token: Token, lx: Lexicon) -> bool:
    """A clause with a cue of its own speaker ("which he said ..."), not "who
    would testify" (the relative pronoun is no new speaker)."""
    for t in token.subtree:
        if t.lemma_.lower() not in lx.cues:
            continue
        subject = subject_of(t)
        if subject is not None and subject.lower_ not in WH | {"that"}:
            return True
    return False


def contiguous(tokens: list[Token], anchor: Token) -> list[Token]:
    """The run of consecutive tokens that contains (or follows) ``anchor``."""
    run: list[Token] = []
    for token in tokens:
        if run and token.i != run[-1].i + 1:
            if anchor.i <= run[-1].i:
                break
            run = []
        run.append(token)
    return run


def trimmed_tokens(
    root: Token, cue: Token, lx: Lexicon, quotes: list[Quote]
) -> list[Token]:
    """The content subtree minus contrast clauses and nested relative clauses."""
    drop: set[int] = set()

    def quoted(token: Token) -> bool:
        return any(q.start <= token.idx < q.end for q in quotes)

    for token in root.subtree:
        # "..., though it did not address ...": narrator commentary or a new claim.
        # Inside a quotation every word is the speaker's own, so nothing is cut.
        if (
            token.dep_ in ("advcl", "conj")
            and token.head.i == root.i
            and not quoted(token)
        ):
            marks = {c.lower_ for c in token.children if c.dep_ in ("mark", "cc")}
            before = token.doc[max(root.i, token.left_edge.i - 1)]
            if before.dep_ == "cc" and before.head.i == root.i:
                marks.add(before.lower_)
            if marks & _CONTRAST and subject_of(token) is not None:
                drop.update(t.i for t in token.subtree)
                if before.dep_ == "cc":
                    drop.add(before.i)
        # "..., which he said ...": a relative clause with its own cue is its own
        # assertion.
        if token.dep_ == "relcl" and has_own_cue(token, lx):
            drop.update(t.i for t in token.subtree)
        # The complementizer is not part of what was said.
        if token.dep_ == "mark" and token.lower_ == "that" and token.head.i == root.i:
            drop.add(token.i)
        # "which he said would ...": the relative pronoun and the cue's subject.
        if cue.dep_ == "relcl" and token.i < cue.i:
            drop.add(token.i)
        # "5,000 barrels were leaking, a figure the government later raised":
        # a noun phrase with its own clause, told after the clause's verb, is
        # the narrator's gloss.
        if (
            token.dep_ in ("appos", "npadvmod")
            and token.head.i <= root.i < token.i
            and token.left_edge.i > 0
            and token.doc[token.left_edge.i - 1].text == ","
            and any(c.dep_ == "relcl" for c in token.children)
        ) or (token.dep_ == "appos" and token.head.i < root.i < token.i):
            drop.update(t.i for t in token.subtree)
    # A non-projective parse yields a subtree out of text order.
    kept = sorted(
        (t for t in root.subtree if t.i not in drop and t.i != cue.i),
        key=lambda t: t.i,
    )
    return contiguous(kept, root)


def char_range(doc: object, tokens: list[Token]) -> tuple[int, int]:
    """Character range of ``tokens`` without edge punctuation or unpaired quotes."""
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return strip_span(doc_text(tokens[0].doc), start, end)


def accusation_tokens(
    cue: Token, target: Token, pattern: str, lx: Lexicon
) -> list[Token]:
    """ "accused Israel of failing to inform ...": target plus the charge."""
    pieces = list(target.subtree)
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "over", "with"):
            pieces += list(child.subtree)
        if child.dep_ == "agent" and (charge := charge_preps(child)):
            # "X was accused by the defence of trying to ...": the model hangs
            # the charge on the accuser; the charge is the content (X, the
            # target, is not next to it).
            pieces = [
                t
                for prep in charge
                for c in prep.children
                if c.dep_ == "pcomp"
                for t in c.subtree
            ]
            break
        if child.dep_ == "advmod" and pattern == "p_nominal":
            pieces += list(child.subtree)
    if pattern == "p_nominal":
        pieces.append(cue)
    pieces.sort(key=lambda t: t.i)
    drop: set[int] = set()
    for token in pieces:
        if token.dep_ == "relcl" and has_own_cue(token, lx):
            drop.update(t.i for t in token.subtree)
    run: list[Token] = []
    for token in (t for t in pieces if t.i not in drop):
        if run and token.i - run[-1].i > 2:
            break
        run.append(token)
    return run


def charge_preps(agent: Token) -> list[Token]:
    """ "of trying to incite", under the ``by`` agent's noun: a charge the model
    attached to the accuser, not part of the accuser's name."""
    return [
        prep
        for pobj in agent.children
        if pobj.dep_ == "pobj"
        for prep in pobj.children
        if prep.dep_ == "prep"
        and prep.lower_ in ("of", "for")
        and any(c.dep_ == "pcomp" for c in prep.children)
    ]


def whole_quote(tokens: list[Token], cue: Token, quotes: list[Quote]) -> list[Token]:
    """ "“We did not charge that. The bill was lower,” the doctors said": the
    clause the parser gives the cue ends a quotation begun sentences before;
    the whole quotation is what was said."""
    if not tokens:
        return []
    doc = cue.doc
    subject = subject_of(cue)
    speaker = {t.i for t in subject.subtree} if subject is not None else set()
    for quote in quotes:
        if not quote.start < tokens[0].idx <= tokens[-1].idx < quote.end <= cue.idx:
            continue
        between = [t for t in doc[tokens[-1].i + 1 : cue.i] if t.idx >= quote.end]
        if all(t.is_punct or t.is_space or t.i in speaker for t in between):
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if span is not None and span.start < tokens[0].i:
                return [t for t in span if not t.is_space]
    return []


def gap_filled(cue: Token, root: Token) -> list[Token]:
    """The subject a cue's clause lacks: "one million workers the unions say
    are on strike" (a relative cue says it of the noun it modifies); "said as
    many as 75 per cent of workers ... did not turn up" (the model hangs the
    subject on the cue as its object)."""
    if root.pos_ not in ("VERB", "AUX") or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children
    ):
        return []
    doc = cue.doc
    if cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN"):
        head = cue.head
        return list(doc[head.left_edge.i : head.i + 1])
    obj = next(
        (c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < root.i), None
    )
    if (
        obj is None
        or root.tag_ not in ("VBD", "VBZ", "VBP", "MD")
        and not any(c.dep_ == "aux" for c in root.children)
    ):
        return []
    return list(doc[obj.left_edge.i : root.left_edge.i])


def vehicle_clauses(cue: Token) -> list[Token]:
    """ "told the Globe in a story published Monday that ...": the model hangs
    the clause on the vehicle noun or on its participle."""
    found = []
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            heads = [noun, *(c for c in noun.children if c.dep_ == "acl")]
            found += [
                clause
                for head in heads
                for clause in head.children
                if clause.dep_ in ("ccomp", "acl")
                and clause.pos_ in ("VERB", "AUX")
                and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
                )
            ]
    return found
