"""Attributed assertions: cue, speaker and content by dependency patterns.

Patterns (the ``pattern`` field of each assertion):

- ``p_ccomp``: "X said (that) ...", quote-first "'...,' X said", "X told reporters ...".
- ``p_accuse``: "X accused Y of ...", "X blamed Y for ..." (Y is the target).
- ``p_passive``: "Y was blamed by X for ...".
- ``p_nominal``: "statements from X blaming Y", "a statement from X reads ...".
- ``p_topic``: "X reported on ..." (the topic is the content).
- ``p_according``: "According to X, ...".
- ``p_conj``: "..., adding that ..." (the subject comes from the governing verb).
- ``p_quote``: a cue with no clause but a quotation in the same sentence.
- ``p_floating``: a paragraph entirely in quotes after an attributed quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.extract.actors import ActorIndex
from graph.extract.factuality import cue_is_asserted
from graph.extract.quotes import Quote, strip_span
from graph.lexicon import Lexicon

Token = Any

_WH = {
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "how",
    "why",
    "where",
    "when",
    "whether",
    "if",
}
_CONTRAST = {"though", "although", "while", "whereas", "but", "even"}
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_TARGET_CLASSES = {"Accuse", "Blame"}


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


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    return None


def _inherited_subject(verb: Token, lx: Lexicon) -> Token | None:
    """The subject of "adding that" or "and said": the governing verb's.

    A participle cue often attaches inside the first clause ("said the port
    would reopen, adding that ..."); the reporting verb above it is the one that
    shares its subject, so a cue ancestor wins over a nearer verb.
    """
    if verb.dep_ not in ("conj", "advcl", "xcomp"):
        return None
    node, nearest = verb, None
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        subject = _subject(node)
        if subject is None:
            continue
        # "X conveyed sorrow and said": a conjoined verb shares its head's subject.
        if verb.dep_ == "conj" and node.i == verb.head.i:
            return subject
        if node.lemma_.lower() in lx.cues:
            return subject
        if nearest is None and node.i == verb.head.i:
            nearest = subject
    return nearest


def _trimmed_tokens(root: Token, cue: Token, lx: Lexicon) -> list[Token]:
    """The content subtree minus contrast clauses and nested relative clauses."""
    drop: set[int] = set()
    for token in root.subtree:
        # "..., though it did not address ...": narrator commentary or a new claim.
        if token.dep_ in ("advcl", "conj") and token.head.i == root.i:
            marks = {c.lower_ for c in token.children if c.dep_ in ("mark", "cc")}
            if marks & _CONTRAST and _subject(token) is not None:
                drop.update(t.i for t in token.subtree)
        if token.dep_ == "cc" and token.lower_ == "but" and token.head.i == root.i:
            drop.add(token.i)
        # "..., which he said ...": a relative clause with its own cue is its own
        # assertion.
        if token.dep_ == "relcl" and any(
            t.lemma_.lower() in lx.cues and _subject(t) is not None
            for t in token.subtree
        ):
            drop.update(t.i for t in token.subtree)
        # The complementizer is not part of what was said.
        if token.dep_ == "mark" and token.lower_ == "that" and token.head.i == root.i:
            drop.add(token.i)
        # "which he said would ...": the relative pronoun and the cue's subject.
        if cue.dep_ == "relcl" and token.i < cue.i:
            drop.add(token.i)
    kept = [t for t in root.subtree if t.i not in drop and t.i != cue.i]
    # Keep only the contiguous run containing the root.
    run: list[Token] = []
    for token in kept:
        if run and token.i != run[-1].i + 1:
            if root.i <= run[-1].i:
                break
            run = []
        run.append(token)
    return run


def _char_span(doc: Any, tokens: list[Token]) -> tuple[int, int]:
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return strip_span(doc.text, start, end)


def _content_root(cue: Token, cue_class: str) -> tuple[Token | None, str, Token | None]:
    """(content root, pattern, target) of a cue token."""
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
    if cue_class in ("Deny", "Reject") and not any(
        c.dep_ == "ccomp" for c in cue.children
    ):
        # "rejected that account", "denied carrying out the attack".
        for child in cue.children:
            if child.dep_ in ("dobj", "xcomp") and child.pos_ in (
                "NOUN",
                "VERB",
                "PROPN",
            ):
                return child, "p_reject", None
    for child in cue.children:
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
            first = child.left_edge
            # "did not say what happened" has no proposition; but in "which he
            # said would ..." the wh-word is the relative pronoun of the cue's clause.
            if first.lower_ in _WH and first.i < child.i and cue.dep_ != "relcl":
                continue
            return child, "p_conj" if cue.dep_ in ("conj", "advcl") else "p_ccomp", None
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


def _speaker_token(cue: Token, pattern: str, lx: Lexicon) -> Token | None:
    if pattern == "p_passive":
        agent = next(c for c in cue.children if c.dep_ == "agent")
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN"):
        return cue.head  # "statements from X blaming Y": resolved through "from X"
    subject = _subject(cue) or _inherited_subject(cue, lx)
    return subject


def _source_of_document(noun: Token) -> Token | None:
    """ "a statement from X", "X's statement", "the ministry statement"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if child.dep_ == "poss":
            return child
    return None


def find_candidates(doc: Any, lx: Lexicon, quotes: list[Quote]) -> list[Candidate]:
    """Cue-driven candidates in text order (speakers not yet resolved)."""
    found: list[Candidate] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "AUX") or lemma not in lx.cues:
            if token.lower_ == "according" and any(
                c.lower_ == "to" for c in token.children
            ):
                found += _according(token, lx)
            continue
        cue_class = lx.cues[lemma]
        if not cue_is_asserted(token, lx):
            continue
        root, pattern, target = _content_root(token, cue_class)
        if root is None:
            root, pattern = _quote_content(token, doc, quotes)
            if root is None:
                continue
        speaker = _speaker_token(token, pattern, lx)
        if pattern in ("p_accuse", "p_nominal", "p_passive"):
            tokens = _accusation_tokens(token, root, pattern, lx)
        elif pattern == "p_quote":
            tokens = list(root)
        else:
            tokens = _trimmed_tokens(root, token, lx)
        if not tokens:
            continue
        start, end = _char_span(doc, tokens)
        if end - start < 2:
            continue
        found.append(
            Candidate(
                cue=token,
                cue_class=cue_class,
                pattern=pattern,
                speaker_token=speaker,
                start=start,
                end=end,
                root=root if pattern != "p_quote" else None,
                tokens=tokens,
                target_token=target,
            )
        )
    return found


def _accusation_tokens(
    cue: Token, target: Token, pattern: str, lx: Lexicon
) -> list[Token]:
    """ "accused Israel of failing to inform ...": target plus the charge."""
    pieces = [t for t in target.subtree]
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "over"):
            pieces += list(child.subtree)
        if child.dep_ == "advmod" and pattern == "p_nominal":
            pieces += list(child.subtree)
    pieces.sort(key=lambda t: t.i)
    if pattern == "p_nominal":
        pieces = [cue, *pieces]
        pieces.sort(key=lambda t: t.i)
    drop: set[int] = set()
    for token in pieces:
        if token.dep_ == "relcl" and any(
            t.lemma_.lower() in lx.cues and _subject(t) is not None
            for t in token.subtree
        ):
            drop.update(t.i for t in token.subtree)
    kept = [t for t in pieces if t.i not in drop]
    run: list[Token] = []
    for token in kept:
        if run and token.i != run[-1].i + 1 and token.i - run[-1].i > 2:
            break
        run.append(token)
    return run


def _quote_content(cue: Token, doc: Any, quotes: list[Quote]) -> tuple[Any, str]:
    """A quoted clause right before or after the cue serves as its content.

    Only a clause (a quotation with a verb) next to the cue counts: a quoted
    phrase inside the sentence ("what they call a 'mechanism'") is not speech.
    """
    text = doc.text
    cue_end = cue.idx + len(cue.text)
    for quote in quotes:
        if quote.start <= cue.idx < quote.end:
            continue
        if quote.end <= cue.idx:
            between = text[quote.end : cue.sent.start_char if False else cue.idx]
        else:
            between = text[cue_end : quote.start]
        if len(between) > 40 or "\n" in between:
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or len(span) < 4:
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        subject = _subject(cue)
        if quote.end <= cue.idx and subject is not None and subject.i < span.start:
            continue  # "X said ... 'quote'" is handled by the clause patterns
        return span, "p_quote"
    return None, ""


def _according(token: Token, lx: Lexicon) -> list[Candidate]:
    to = next(c for c in token.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    head = token.head
    if source is None or head.i == token.i:
        return []
    excluded = {t.i for t in token.subtree}
    tokens = [t for t in head.subtree if t.i not in excluded]
    run: list[Token] = []
    for t in tokens:
        if run and t.i != run[-1].i + 1:
            if head.i <= run[-1].i:
                break
            run = []
        run.append(t)
    if not run:
        return []
    start, end = _char_span(token.doc, run)
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
        )
    ]


def resolve_speakers(
    candidates: list[Candidate], actors: ActorIndex, lx: Lexicon
) -> list[Candidate]:
    """Attach speakers and parents; drop candidates with no resolvable speaker."""
    # Nesting first, so an unresolvable nested speaker ("an investigation found")
    # can fall back on the assertion it is nested in.
    for index, item in enumerate(candidates):
        best: int | None = None
        for other_index, other in enumerate(candidates):
            if other_index == index:
                continue
            if other.start <= item.cue.idx < other.end and (
                best is None
                or other.end - other.start
                < candidates[best].end - candidates[best].start
            ):
                best = other_index
        item.parent = best
    kept: list[Candidate] = []
    for item in candidates:
        token = item.speaker_token
        key: str | None = None
        speaker_node = token
        if token is not None:
            lemma = token.lemma_.lower()
            if lemma in lx.audience_nouns:
                token = None
            elif lemma in lx.document_nouns and token.pos_ == "NOUN":
                source = _source_of_document(token)
                speaker_node = source if source is not None else token
                key = actors.resolve(source) if source is not None else None
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
                speaker_node = None
        if key is None:
            continue
        item.speaker = key
        if speaker_node is not None:
            span = (
                speaker_node.doc[speaker_node.left_edge.i : speaker_node.i + 1]
                if speaker_node.pos_ != "PRON"
                else speaker_node.doc[speaker_node.i : speaker_node.i + 1]
            )
            item.speaker_start, item.speaker_end = strip_span(
                speaker_node.doc.text, span.start_char, span.end_char
            )
            if speaker_node.pos_ == "PRON":
                item.confidence = min(item.confidence, 0.8)
        _on_behalf(item, actors)
        kept.append(item)
    return kept


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


def floating_quotes(
    doc: Any, quotes: list[Quote], items: list[Candidate]
) -> list[Candidate]:
    """A paragraph that is one quotation, with no cue of its own, continues the
    speaker of the assertion just before it (within the previous paragraph or two).
    """
    text = doc.text
    out: list[Candidate] = []
    for quote in quotes:
        if any(
            c.start <= quote.start < c.end or quote.start <= c.cue.idx < quote.end
            for c in items
        ):
            continue
        before = text[: quote.start - 1].rstrip(" ")
        opens_paragraph = before.endswith("\n") or quote.start <= 1
        opens_sentence = before.endswith((".", "!", "?", ".\u201d", '."'))
        after = text[quote.end + 1 :].lstrip(" ")
        closes = after == "" or after.startswith("\n") or after[:1] in ("\u201c", '"')
        if not ((opens_paragraph or opens_sentence) and closes):
            continue
        previous = [c for c in items if c.end <= quote.start and c.speaker is not None]
        if not previous:
            continue
        last = max(previous, key=lambda c: c.end)
        # Right after an attributed sentence, or a paragraph or two later.
        if opens_sentence and not opens_paragraph and quote.start - last.cue.idx > 80:
            continue
        if quote.start - last.end > 600:
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or not any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        start, end = strip_span(text, quote.start, quote.end)
        out.append(
            Candidate(
                cue=last.cue,
                cue_class=last.cue_class,
                pattern="p_floating",
                speaker_token=None,
                start=start,
                end=end,
                root=span.root,
                tokens=list(span),
                speaker=last.speaker,
                speaker_start=last.speaker_start,
                speaker_end=last.speaker_end,
                confidence=0.7,
            )
        )
    return out
