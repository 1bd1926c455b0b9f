"""Attribution candidates: cue, speaker token and content by dependency patterns.

Patterns (the ``pattern`` field of each assertion):

- ``p_ccomp``: "X said (that) ...", quote-first "'...,' X said", "... said X",
  "X told reporters ..." (the recipient is never the speaker), "X can be heard
  denying that ..." (the passive subject of a verb of perception speaks).
- ``p_conj``: "..., adding that ..." (the subject comes from the governing verb).
- ``p_accuse``: "X accused Y of ...", "X blamed Y for ..." (Y is the target).
- ``p_passive``: "Y was blamed by X for ...".
- ``p_nominal``: "statements from X blaming Y", "warnings from X that ...",
  "X's claim that ...".
- ``p_gerund``: "Locals reported noticing a sheen".
- ``p_parenthetical``: "Fewer than 500,000 struck, ministers claim, as ...",
  and inside the clause ("The man, police said, ran away"; :mod:`.inverted`).
- ``p_inverted``: "Said Evans: “...”" (:mod:`.inverted`).
- ``p_call``: "X called the figures laughable", "a figure X described as false".
- ``p_reject``: "X rejected the report", "a charge X denied".
- ``p_warn``: "X warned them of the strike" (the warned party and the threat).
- ``p_topic``: "X reported on ..." (the topic is the content).
- ``p_according``: "According to X, ...".
- ``p_statement``: "In a statement, X called the offer an insult".
- ``p_quote``: a cue with no clause but a quotation next to it in its sentence.

Speakers are resolved, and floating quotes added, in :mod:`.speakers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from .calling import called_false
from .candidates import (
    WH,
    Candidate,
    accusation_tokens,
    char_range,
    contiguous,
    gap_filled,
    trimmed_tokens,
    vehicle_clauses,
    whole_quote,
)
from .coordination import coordinated_subject, unmarked_relative
from .factuality import cue_is_asserted, withheld_admission
from .inverted import fronted_clause, interjected, inverted_cue
from .mentions import (
    doc_text,
    inherited_subject,
    np_span,
    phrasal_lemma,
    subject_of,
)
from .nominal import nominal_candidates, phrase_candidates
from .quotes import QUOTE_CHARS, Quote
from .rebuttals import characterised, rejected_object

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_WH_CONTENT = WH | {"whether", "if"}
_TARGET_CLASSES = {"Accuse", "Blame"}
_CLAUSE_POS = ("VERB", "AUX")
_RELATIVES = frozenset({"who", "that", "which"})


def _parenthetical(cue: Token) -> bool:
    """ "..., ministers claim, ...": a cue with its own subject set inside the
    clause it reports, after it (no quotation needed)."""
    return (
        cue.dep_ == "parataxis"
        and cue.head.pos_ in _CLAUSE_POS
        and cue.head.i < cue.i
        and subject_of(cue) is not None
    )


def _passive_adjective(cue: Token) -> bool:
    """ "the mood was determined", "is expected to", "a story published on
    Monday": no speaker, no speech act."""
    if cue.dep_ in ("amod", "acomp") or (cue.dep_ == "acl" and cue.tag_ == "VBN"):
        return True
    children = {c.dep_ for c in cue.children}
    return "auxpass" in children and "agent" not in children


def _content_root(
    cue: Token, cue_class: str, lx: Lexicon
) -> tuple[Token | None, str, Token | None]:
    """(content root, pattern, target) of a verb cue."""
    target = None
    if cue_class in _TARGET_CLASSES:
        target = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if cue.dep_ == "acl" and target is not None:
            return target, "p_nominal", target
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        passive_target = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
        if agent is not None and passive_target is not None:
            return passive_target, "p_passive", passive_target
        if target is not None:
            return target, "p_accuse", target
    for child in cue.children:
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in _CLAUSE_POS:
            if any(c.dep_ == "csubj" and c.tag_ == "VBG" for c in child.children):
                continue  # "acknowledged X, revealing Y was Z": a misparse, see below
            first = child.left_edge
            # "did not say what happened" has no proposition; but in "which he
            # said would ..." the wh-word is the relative pronoun of the cue's clause.
            if (
                first.lower_ in _WH_CONTENT
                and first.i < child.i
                and cue.dep_ != "relcl"
                and not fronted_clause(first, child)
            ):
                continue
            return child, "p_conj" if cue.dep_ in ("conj", "advcl") else "p_ccomp", None
    vehicle = vehicle_clauses(cue)
    if vehicle and cue_class not in _TARGET_CLASSES:
        return vehicle[0], "p_ccomp", None
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if cue_class == "Say" and obj is not None and characterised(cue, lx):
        return obj, "p_characterise", None  # "described the plant as well run"
    objecting = cue_class in ("Deny", "Reject", "Confirm", "Acknowledge")
    for child in cue.children:
        # "Locals reported noticing a sheen": a gerund clause is what was said.
        if child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i > cue.i:
            if not objecting:
                return child, "p_gerund", None
    if objecting:
        found = rejected_object(cue, lx)
        if found is not None:
            return found[0], found[1], target if found[0] is None else None
    if cue_class == "Warn":
        # "warned them of the impending strike": the warned party and the threat.
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        about = next(
            (
                c
                for c in cue.children
                if c.dep_ == "prep" and c.lower_ in ("of", "about")
            ),
            None,
        )
        if obj is not None and about is not None:
            return obj, "p_warn", None
    if cue.lemma_.lower() == "report":
        topic = next(
            (
                c
                for c in cue.children
                if c.dep_ == "prep" and c.lower_ in ("on", "about")
            ),
            None,
        )
        if topic is not None:
            return topic, "p_topic", None
    return None, "", target


def _innocence(cue: Token, lx: Lexicon) -> Token | None:
    """ "maintained her innocence", "pleaded not guilty": an object or
    complement of any cue that pleads innocence (``ckg:Innocence``) is what
    was said, although a Say cue takes no noun phrase otherwise."""
    for child in cue.children:
        if child.dep_ in ("dobj", "acomp", "oprd", "advmod", "attr") and any(
            t.lemma_.lower() in lx.innocence for t in child.subtree
        ):
            return child
    return None


def _object_tokens(cue: Token) -> list[Token]:
    """Everything after the cue in its clause, up to a relative clause."""
    tokens: list[Token] = []
    for child in cue.children:
        if child.i < cue.i or child.dep_ in ("cc", "conj", "relcl"):
            continue
        if child.dep_ == "punct" and child.text not in QUOTE_CHARS:
            continue
        if child.dep_ == "advcl" and child.left_edge.lower_ in ("which", "while"):
            continue
        tokens += [t for t in child.subtree if t.dep_ != "relcl" or t.head.i != cue.i]
    tokens.sort(key=lambda t: t.i)
    drop = {t.i for t in tokens if t.dep_ == "relcl" for t in t.subtree}
    return contiguous([t for t in tokens if t.i not in drop], cue.doc[cue.i + 1])


def _speaker_token(cue: Token, pattern: str, lx: Lexicon) -> Token | None:
    if cue.dep_ == "csubj":
        return inherited_subject(cue.head, lx) or subject_of(cue.head.head)
    if pattern == "p_passive":
        agent = next(c for c in cue.children if c.dep_ == "agent")
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    # "evidence that they think would prove ...": the clause's own subject speaks.
    own = any(c.dep_ == "nsubj" for c in cue.children)
    if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN") and not own:
        return cue.head  # "statements from X blaming Y": resolved through "from X"
    if cue.dep_ == "xcomp" and cue.tag_ == "VBG":
        # "X can be heard denying ...", "X was filmed saying ...": the passive
        # subject of the verb of perception is who speaks.
        passive = [c for c in cue.head.children if c.dep_ == "nsubjpass"]
        if passive and any(c.dep_ == "auxpass" for c in cue.head.children):
            return passive[0]
    subject = unmarked_relative(subject_of(cue))
    if (
        subject is not None
        and cue.dep_ == "relcl"
        and subject.lower_ in _RELATIVES
        and _can_speak(cue.head, lx)
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children)
    ):
        return cue.head  # "the plaintiffs who complain ...": the antecedent speaks
    return subject or coordinated_subject(cue, lx) or inherited_subject(cue, lx)


def _can_speak(noun: Token, lx: Lexicon) -> bool:
    """A noun that can be a speaker: a name, people ("the plaintiffs"), a role
    or a body; not a thing ("evidence that would confirm ...") or a document."""
    lemma = noun.lemma_.lower()
    if noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if lemma in lx.document_nouns:
        # "a Financial Times story that suggested ...": its named source speaks.
        return any(
            (c.dep_ in ("compound", "poss") and c.pos_ == "PROPN")
            or (c.dep_ == "prep" and c.lower_ in ("by", "from"))
            for c in noun.children
        )
    if noun.pos_ != "NOUN":
        return False
    roles = lx.civilian_nouns | lx.titles | lx.institution_nouns | lx.government_nouns
    return lemma in roles or noun.tag_ == "NNS"


def _quote_content(
    cue: Token, doc: object, quotes: list[Quote], used: set[int]
) -> SpacySpan | None:
    """A quoted clause beside the cue, in its sentence, serves as its content.

    Only a clause (a quotation with a verb) counts: a quoted phrase inside the
    sentence ("what they call a 'mechanism'") is not speech.
    """
    text = doc_text(cue.doc)
    sent = cue.sent
    cue_end = cue.idx + len(cue.text)
    for quote in quotes:
        if quote.start in used or quote.start <= cue.idx < quote.end:
            continue
        if quote.end < sent.start_char - 2 or quote.start > sent.end_char + 1:
            continue
        between = (
            text[quote.end : cue.idx]
            if quote.end <= cue.idx
            else text[cue_end : quote.start]
        )
        if len(between) > 40 or "\n" in between:
            continue
        span = cue.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if (
            span is None
            or len(span) < 4
            or not any(t.pos_ in _CLAUSE_POS for t in span)
        ):
            continue
        subject = subject_of(cue)
        if quote.end <= cue.idx and subject is not None and subject.i < span.start:
            continue  # "X said ... 'quote'" is handled by the clause patterns
        return span
    return None


def find_candidates(doc: object, lx: Lexicon, quotes: list[Quote]) -> list[Candidate]:
    """Cue-driven candidates in text order (speakers not yet resolved)."""
    found: list[Candidate] = []
    bare: list[tuple[Token, str]] = []  # cues with no clause: try quotations later
    for token in doc:  # type: ignore[attr-defined]
        lemma = phrasal_lemma(token, lx)
        if token.pos_ == "NOUN" and lemma in lx.cue_nouns:
            found += nominal_candidates(token, lx, quotes)
            continue
        called = called_false(token, lx)
        if called is not None:
            claim, tokens = called
            _add(found, token, "Reject", "p_call", claim, tokens, None, lx)
            continue
        inverted = inverted_cue(token, lx, quotes)
        if inverted is not None:  # "Said Evans: “...”": the quotation after it
            cue_lemma, speaker, quoted = inverted
            kind = lx.cues[cue_lemma]
            _add(found, token, kind, "p_inverted", quoted.root, list(quoted), None, lx)
            if found and found[-1].cue is token:
                found[-1].speaker_token, found[-1].cue_lemma = speaker, cue_lemma
            continue
        if token.pos_ not in _CLAUSE_POS or lemma not in lx.cues:
            if token.dep_ == "prep" or token.lower_ == "according":
                found += phrase_candidates(token, lx)
            continue
        cue_class = lx.cues[lemma]
        if _passive_adjective(token) and cue_class not in _TARGET_CLASSES:
            continue
        if not cue_is_asserted(token, lx):
            # "refused to admit that X" is no admission but a denial of X.
            cue_class = withheld_admission(token, lx) or ""
            if not cue_class:
                continue
        root, pattern, target = _content_root(token, cue_class, lx)
        if root is None:
            root = _innocence(token, lx)
            pattern = "p_reject" if root is not None else pattern
        if token.dep_ == "csubj" and token.tag_ == "VBG" and root is None:
            # "..., revealing the target was X": parsed as the subject of "was".
            clause = token.head
            tokens = contiguous([t for t in clause.subtree if t.i > token.i], clause)
            _add(found, token, cue_class, "p_conj", clause, tokens, None, lx)
            continue
        if root is None and _parenthetical(token):
            # "Fewer than 500,000 struck, ministers claim, as ...": the clause
            # before a parenthetical cue is what was said.
            clause = token.head
            inside = {t.i for t in token.subtree}
            before = [t for t in clause.subtree if t.i < token.i and t.i not in inside]
            tokens = contiguous(sorted(before, key=lambda t: t.i), clause)
            _add(found, token, cue_class, "p_parenthetical", clause, tokens, None, lx)
            continue
        around = interjected(token, quotes) if root is None else None
        if around is not None:
            # "The man, police said, ran away.": the clause around the cue.
            _add(
                found, token, cue_class, "p_parenthetical", token.head, around, None, lx
            )
            continue
        if root is None:
            bare.append((token, cue_class))
            continue
        if pattern == "p_characterise":
            # "dismissed the strike as failing": a claim about the strike.
            cue_class, tokens = (
                "Say",
                list(token.doc[root.left_edge.i : token.right_edge.i + 1]),
            )
        elif pattern in ("p_accuse", "p_nominal", "p_passive"):
            tokens = accusation_tokens(token, root, pattern, lx)
        elif pattern == "p_warn":
            tokens = _object_tokens(token)
        elif root.i == token.head.i:
            tokens = list(np_span(root))  # "a charge X denied": the noun phrase
        else:
            tokens = trimmed_tokens(root, token, lx, quotes)
            tokens = whole_quote(tokens, token, quotes) or (
                gap_filled(token, root) + tokens
            )
        _add(found, token, cue_class, pattern, root, tokens, target, lx)
    # Second pass, so a quotation a clause pattern already took is not reused.
    for token, cue_class in bare:
        used = {c.start for c in found}
        span = _quote_content(token, doc, quotes, used)
        if span is not None:
            _add(found, token, cue_class, "p_quote", None, list(span), None, lx)
    found.sort(key=lambda c: (c.cue.idx, c.start))
    return found


def _add(
    found: list[Candidate],
    cue: Token,
    cue_class: str,
    pattern: str,
    root: Token | None,
    tokens: list[Token],
    target: Token | None,
    lx: Lexicon,
) -> None:
    if not tokens:
        return
    start, end = char_range(cue.doc, tokens)
    if end - start < 2:
        return
    if pattern == "p_call" and any(c.start <= start and end <= c.end for c in found):
        return  # "In a statement, X called the report a fabrication": found already
    found.append(
        Candidate(
            cue=cue,
            cue_class=cue_class,
            pattern=pattern,
            speaker_token=_speaker_token(cue, pattern, lx),
            start=start,
            end=end,
            root=root,
            tokens=tokens,
            target_token=target,
        )
    )
