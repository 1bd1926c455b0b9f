"""Speakers of attribution candidates, nesting, and floating quotes.

- A document speaks for its source: "a statement from X reads" -> X; an
  unresolvable nested source ("an investigation found") -> the outer speaker.
- Audience nouns ("reporters") are never speakers.
- A cue inside a quotation whose subject is a pronoun ("they say") is the quoted
  person's own report, not an attribution the text makes: it is dropped.
- ``p_floating``: a paragraph or sentence that is one quotation, right after an
  attributed one, continues that speaker (one assertion per sentence).
"""

from __future__ import annotations

from typing import Any

from graph.extract.actors import ActorIndex
from graph.extract.attribution import Candidate
from graph.extract.mentions import Token, doc_text
from graph.extract.quotes import Quote, strip_span
from graph.lexicon import Lexicon


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
    _nest(candidates)
    kept: list[Candidate] = []
    for item in candidates:
        token = item.speaker_token
        key: str | None = None
        node = token
        if token is not None:
            lemma = token.lemma_.lower()
            quoted = any(q.start <= item.cue.idx < q.end for q in quotes)
            if quoted and token.pos_ == "PRON":
                continue
            if lemma in lx.audience_nouns:
                token = None
            elif lemma in lx.document_nouns and token.pos_ == "NOUN":
                source = _source_of_document(token)
                node = source if source is not None else token
                if source is not None:
                    key = actors.resolve(source)
                elif item.parent is None:
                    # "news reports have credited X": the reports are the source.
                    key = actors.resolve(token)
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
    return kept


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
    doc: Any, quotes: list[Quote], items: list[Candidate]
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


def _sentences(doc: Any, quote: Quote, last: Candidate) -> list[Candidate]:
    """One floating assertion per sentence of the quotation."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return []
    out: list[Candidate] = []
    for sent in span.sents:
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
