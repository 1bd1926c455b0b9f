"""Extraction: article text to actors, events and attributed assertions.

Returns plain dataclasses (:mod:`graph.models`) and knows nothing of RDF.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from graph.extract.actors import ActorIndex
from graph.extract.aspects import AspectReader
from graph.extract.attribution import (
    Candidate,
    find_candidates,
    floating_quotes,
    resolve_speakers,
)
from graph.extract.events import event_for, find_events
from graph.extract.factuality import certainty, content_polarity
from graph.extract.quotes import find_quotes
from graph.lexicon import Lexicon, load_lexicon
from graph.models import Article, Assertion, Extraction, Span

__all__ = ["extract", "extract_doc", "extract_many"]


def _assertion(
    doc: Any,
    item: Candidate,
    lx: Lexicon,
    actors: ActorIndex,
    reader: AspectReader,
    events: list[Any],
    nested: set[int],
    target: str | None,
) -> Assertion:
    text = doc.text
    tokens = [t for t in item.tokens if item.start <= t.idx < item.end]
    cue_text = item.cue.text
    cue_start = item.cue.idx
    if item.pattern == "p_according":
        cue_end = item.cue.idx + len("according to")
        cue_text = text[cue_start:cue_end]
    root = item.root if item.root is not None else (tokens[0] if tokens else item.cue)
    return Assertion(
        speaker=item.speaker or "",
        speaker_span=Span(
            item.speaker_start,
            item.speaker_end,
            text[item.speaker_start : item.speaker_end],
        ),
        cue=Span(cue_start, cue_start + len(cue_text), cue_text),
        cue_lemma=item.cue.lemma_.lower()
        if item.pattern != "p_according"
        else "according to",
        cue_class=item.cue_class,
        content=Span(item.start, item.end, text[item.start : item.end]),
        pattern=item.pattern,
        polarity=content_polarity(root, tokens, item.cue, item.cue_class, lx),
        certainty=certainty(tokens, item.cue, lx),
        event=event_for(tokens, events, lx),
        target=target,
        values=reader.read(tokens, item.cue_class, target, nested),
        confidence=item.confidence,
    )


def extract_doc(article: Article, doc: Any, lx: Lexicon | None = None) -> Extraction:
    """Extract from an already parsed spaCy ``Doc`` of ``article.text``."""
    lx = lx or load_lexicon()
    actors = ActorIndex(doc, lx)
    quotes = find_quotes(doc.text)
    candidates = find_candidates(doc, lx, quotes)
    candidates.sort(key=lambda c: (c.cue.idx, c.start))
    items = resolve_speakers(candidates, actors, lx)
    items += floating_quotes(doc, quotes, items)
    items.sort(key=lambda c: (c.start, c.cue.idx))
    events = find_events(doc, lx, actors)
    reader = AspectReader(lx, actors)
    # Parent links by position in the final list.
    positions = {id(c): n for n, c in enumerate(items)}
    assertions: list[Assertion] = []
    for item in items:
        children = [
            c for c in items if c is not item and item.start <= c.cue.idx < item.end
        ]
        nested = {t.i for c in children for t in c.tokens}
        target = (
            actors.resolve(item.target_token) if item.target_token is not None else None
        )
        assertion = _assertion(doc, item, lx, actors, reader, events, nested, target)
        parent = next(
            (
                positions[id(p)]
                for p in sorted(items, key=lambda p: p.end - p.start)
                if p is not item and p.start <= item.cue.idx < p.end
            ),
            None,
        )
        assertion.parent = parent
        assertions.append(assertion)
    return Extraction(
        article=article, actors=actors.finish(), events=events, assertions=assertions
    )


def extract(article: Article, nlp: Any = None) -> Extraction:
    """Extract actors, events and assertions from one article."""
    from graph.nlp import load_nlp

    pipeline = nlp or load_nlp()
    return extract_doc(article, pipeline(article.text))


def extract_many(
    articles: Iterable[Article],
    nlp: Any = None,
    n_process: int = 1,
    batch_size: int = 8,
) -> Iterator[Extraction]:
    """Extract from many articles in input order, parsing with ``nlp.pipe``."""
    from graph.nlp import load_nlp

    pipeline = nlp or load_nlp()
    lx = load_lexicon()
    items = ((article.text, article) for article in articles)
    for doc, article in pipeline.pipe(
        items, as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        yield extract_doc(article, doc, lx)
