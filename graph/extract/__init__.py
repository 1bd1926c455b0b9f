"""Extraction: article text to actors, events and attributed assertions.

Returns plain dataclasses (:mod:`graph.models`) and knows nothing of RDF. Every
:class:`~graph.models.Span` satisfies ``span.text == article.text[start:end]``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..lexicon import REJECTING_CLASSES, Lexicon, load_lexicon
from ..models import Actor, Article, Assertion, Event, Extraction, Span
from ..settings import Settings, resolve_settings
from .actors import ActorIndex
from .aspects import AspectReader
from .attribution import find_candidates
from .candidates import Candidate
from .disagreement import claim_owner, disputed_claim
from .events import event_for, find_events
from .factuality import certainty, content_polarity, is_falsity, negated
from .inverted import trim_inverted_cues
from .mentions import doc_text, harmonise_names, phrasal_lemma
from .quotes import find_quotes
from .rebuttals import bare_reference, characterised, rejected_claim
from .speakers import floating_quotes, resolve_speakers
from .textsplit import parse
from .voices import client_of_filing, voice_named_in_quote

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = ["extract", "extract_doc", "extract_many"]


#: A dateline opening a paragraph: "YAOUNDE, April 5 —", "MOSCOW, Dec 23
#: (Reuters) –", "LIMA, Peru --".
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’]{2,}[A-Z.'’ ]{0,40}(?:,[ A-Za-z.]{2,30}?\d{0,2})?"
    r"(?: \([A-Za-z .]+\))? ?(?:—|–|--) ?"
)


def _assertion(
    text: str,
    item: Candidate,
    lx: Lexicon,
    reader: AspectReader,
    events: list[Event],
    nested: set[int],
    target: str | None,
) -> Assertion:
    dateline = _DATELINE.match(text, item.start, item.end)
    if (
        dateline
        and dateline.end() < item.end
        and (item.start == 0 or text[item.start - 1] == "\n")
    ):
        # "YAOUNDE, April 5 — NGOs are ..., an official said": the dateline is
        # the outlet's, not what was said.
        item.start = dateline.end()
    tokens = [t for t in item.tokens if item.start <= t.idx < item.end]
    cue_start = item.cue.idx
    cue_end = item.cue_end or cue_start + len(item.cue.text)
    root = item.root if item.root is not None else (tokens[0] if tokens else item.cue)
    own = [t for t in tokens if t.i not in nested]
    # A floating quote carries its own words but the cue of the quote before it.
    cue_root = item.cue if item.pattern != "p_floating" else root
    values = reader.read(tokens, item.cue_class, target, nested, item.speaker)
    if item.pattern == "p_warn":
        # The warning itself is the speech act; its timing is the reporter's claim.
        values = [v for v in values if v.aspect != "AdvanceNotice"]
    return Assertion(
        speaker=item.speaker or "",
        speaker_span=Span(
            item.speaker_start,
            item.speaker_end,
            text[item.speaker_start : item.speaker_end],
        ),
        cue=Span(cue_start, cue_end, text[cue_start:cue_end]),
        cue_lemma=item.cue_lemma or phrasal_lemma(item.cue, lx),
        cue_class=item.cue_class,
        content=Span(item.start, item.end, text[item.start : item.end]),
        pattern=item.pattern,
        polarity=content_polarity(root, own, item.cue, item.cue_class, lx),
        certainty=certainty(item.root or root, cue_root, lx),
        event=event_for(tokens, events, lx),
        target=target,
        values=values,
        confidence=item.confidence,
        rejects=item.cue_class in REJECTING_CLASSES
        or any(_calls_false(t, lx) or _rejecting_predicate(t, own, lx) for t in own)
        or _pleads_innocence(own, lx)
        or disputed_claim(own, lx) is not None,
    )


def _pleads_innocence(own: list[Token], lx: Lexicon) -> bool:
    """ "maintained her innocence", "pleaded not guilty": the speaker rejects an
    accusation against them (``ckg:Innocence``; "guilty" only when negated)."""
    for token in own:
        lemma = token.lemma_.lower()
        if lemma not in lx.innocence:
            continue
        if lemma != "guilty":
            return True
        before = token.doc[token.i - 1] if token.i > 0 else None
        if negated(token, lx) or (before is not None and before.lower_ == "not"):
            return True
    return False


def _rejecting_predicate(token: Token, own: list[Token], lx: Lexicon) -> bool:
    """The content's own main verb rejects something: "We categorically deny
    these allegations", "it strongly disagrees with the findings"; not a
    passive ("they were denied overtime pay")."""
    if (
        token.pos_ != "VERB"
        or lx.cues.get(token.lemma_.lower()) not in REJECTING_CLASSES
    ):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return False
    if characterised(token, lx):
        return False  # "dismissed the film as silly"
    return token.dep_ == "ROOT" or token.head.i not in {t.i for t in own}


def _rejected(
    assertion: Assertion,
    item: Candidate,
    nested: set[int],
    actors: ActorIndex,
    lx: Lexicon,
) -> None:
    """Mark what a rejection rejects: whose claim (``target``) and whether it
    names the claim without content of its own (``refers_back``)."""
    own = [
        t for t in item.tokens if item.start <= t.idx < item.end and t.i not in nested
    ]
    cues = {item.cue.i} if item.cue_class in REJECTING_CLASSES else set()
    cues |= {t.i for t in own if _rejecting_predicate(t, own, lx)}
    head = rejected_claim(own, cues, lx) or disputed_claim(own, lx)
    if head is None:
        # "maintained her innocence": it names no claim, so it answers the
        # accusation told before it.
        assertion.refers_back = _pleads_innocence(own, lx)
        return
    assertion.refers_back = bare_reference(head, lx, {t.i for t in own})
    owner = claim_owner(head)
    if assertion.target is None and owner is not None:
        assertion.target = actors.resolve(owner)


def _calls_false(token: Token, lx: Lexicon) -> bool:
    """A falsity word said of a claim: "the report is baseless", "a fabrication",
    "false reports"; not "inaccurate fire" (an attribute of something else)."""
    if not is_falsity(token, lx):
        return False
    while token.dep_ == "conj" and token.head is not token:
        token = token.head  # "extensive and inaccurate fire": as "extensive"
    if token.dep_ != "amod":
        return True
    head = token.head.lemma_.lower()
    return head in lx.document_nouns or head in lx.claim_nouns


def extract_doc(article: Article, doc: Doc, lx: Lexicon | None = None) -> Extraction:
    """Extract from an already parsed spaCy ``Doc`` of ``article.text``."""
    lx = lx or load_lexicon()
    harmonise_names(doc, lx.post_nominals)
    text = doc_text(doc)
    quotes = find_quotes(text)
    trim_inverted_cues(doc, lx, quotes)
    actors = ActorIndex(doc, lx, [(q.start, q.end) for q in quotes])
    candidates = find_candidates(doc, lx, quotes)
    items = resolve_speakers(candidates, actors, lx, quotes)
    items += floating_quotes(doc, quotes, items)
    items.sort(key=lambda c: (c.start, c.cue.idx))
    events = find_events(doc, lx, actors)
    reader = AspectReader(lx, actors)
    assertions: list[Assertion] = []
    for item in items:
        children = [
            c
            for c in items
            if c is not item
            and item.start <= c.cue.idx < item.end
            and c.pattern != "p_floating"
        ]
        nested = {t.i for c in children for t in c.tokens} | {c.cue.i for c in children}
        target = (
            actors.resolve(item.target_token) if item.target_token is not None else None
        )
        voice_named_in_quote(item, actors, lx)
        client_of_filing(item, actors, lx)
        assertion = _assertion(text, item, lx, reader, events, nested, target)
        if assertion.rejects:
            _rejected(assertion, item, nested, actors, lx)
        assertions.append(assertion)
    settled = actors.finish()
    _story_events(events, assertions, settled)
    # Parent: the smallest other assertion whose content holds this one's cue.
    for index, (item, assertion) in enumerate(zip(items, assertions, strict=True)):
        if item.pattern == "p_floating":
            continue
        holders = [
            (other.end - other.start, n)
            for n, other in enumerate(items)
            if n != index and other.start <= item.cue.idx < other.end
        ]
        assertion.parent = min(holders)[1] if holders else None
    return Extraction(
        article=article,
        actors=settled,
        events=events,
        assertions=_without_repeats(assertions),
    )


def _without_repeats(assertions: list[Assertion]) -> list[Assertion]:
    """Drop a statement the article tells again word for word (a headline the
    lede repeats): one statement, kept where the body tells it."""

    def key(a: Assertion) -> tuple[str, str, str, str]:
        words = " ".join(a.content.text.lower().split())
        return (a.speaker, a.cue_class, str(a.polarity), words)

    parents = {a.parent for a in assertions if a.parent is not None}
    later = {key(a): n for n, a in enumerate(assertions) if a.parent is None}
    drop = {
        n
        for n, a in enumerate(assertions)
        if a.parent is None and n not in parents and later[key(a)] != n
    }
    if not drop:
        return assertions
    moved = {
        old: new
        for new, old in enumerate(i for i in range(len(assertions)) if i not in drop)
    }
    kept = [a for n, a in enumerate(assertions) if n not in drop]
    for a in kept:
        a.parent = moved[a.parent] if a.parent is not None else None
    return kept


#: How many parties an event lists as participants (what incidents link on).
_PARTICIPANTS = 4


def _story_events(
    events: list[Event], assertions: list[Assertion], actors: list[Actor]
) -> None:
    """Give every assertion an incident and every incident its parties.

    An article whose statements name no event type is still one story (a report
    denied, an allegation rejected): its statements get one ``Story`` event. The
    parties of an event's speakers join its participants, most quoted first, so
    stories between companies, unions or families link across articles as
    stories between states do.
    """
    party = {actor.key: actor.party or actor.key for actor in actors}
    if assertions and not events:
        events.append(Event(key="event:story", type="Story", label="story"))
    for event in events:
        quoted = Counter(
            party[a.speaker]
            for a in assertions
            if a.speaker in party and (a.event or events[0].key) == event.key
        )
        ranked = [
            key for key, _ in sorted(quoted.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        merged = list(dict.fromkeys([*event.participants, *ranked]))
        event.participants = merged[: max(_PARTICIPANTS, len(event.participants))]
        if event.type == "Story":
            names = {a.key: a.name for a in actors}
            event.label = _story_label(
                [names[k] for k in event.participants[:3] if k in names]
            )
    for assertion in assertions:
        if assertion.event is None and events:
            assertion.event = events[0].key


def _story_label(names: list[str]) -> str:
    return f"story ({', '.join(names)})" if names else "story"


def extract(article: Article, nlp: Language | None = None) -> Extraction:
    """Extract actors, events and assertions from one article."""
    from ..nlp import load_nlp

    pipeline = nlp or load_nlp()
    return extract_doc(article, parse(pipeline, article.text))


_WORKER: tuple[Language, Lexicon] | None = None


def _start_worker(settings: Settings | None) -> None:
    global _WORKER  # noqa: PLW0603 - one pipeline per worker process
    import os

    from ..lifeline import watch_parent
    from ..nlp import load_nlp

    watch_parent()  # a killed ingest takes its workers with it
    # The process writing the store is the critical path; workers take the CPU
    # it leaves (they run ahead of it and wait on a bounded queue anyway).
    if hasattr(os, "nice"):
        os.nice(5)
    _WORKER = (load_nlp(), load_lexicon(settings))


def _extract_in_worker(article: Article) -> Extraction:
    assert _WORKER is not None, "the pool's initializer loads the pipeline"
    nlp, lx = _WORKER
    return extract_doc(article, parse(nlp, article.text), lx)


def extract_many(
    articles: Iterable[Article],
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    settings: Settings | None = None,
) -> Iterator[Extraction]:
    """Extract from many articles in input order.

    With ``n_process`` > 1 and the default pipeline, whole extractions run in
    that many worker processes, each loading the model once; a given ``nlp``
    parses with ``nlp.pipe(n_process=...)``. Results are the same either way.
    ``settings`` (default: the environment's) give the extra lexicon folder.
    """
    settings = resolve_settings(settings)
    if n_process > 1 and nlp is None:
        yield from _extract_parallel(articles, n_process, settings)
        return
    from ..nlp import load_nlp

    pipeline = nlp or load_nlp()
    lx = load_lexicon(settings)
    limit = pipeline.max_length
    # A text over spaCy's limit goes through as "" and is parsed in pieces.
    items: Iterable[tuple[str, Article]] = (
        (a.text if len(a.text) <= limit else "", a) for a in articles
    )
    # A caller's own pipeline may still use spaCy's multiprocessing.
    for doc, article in pipeline.pipe(
        items, as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        if len(article.text) > limit:
            doc = parse(pipeline, article.text)
        yield extract_doc(article, doc, lx)


def _extract_parallel(
    articles: Iterable[Article], workers: int, settings: Settings
) -> Iterator[Extraction]:
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    from ..nlp import require_model

    require_model()  # a clear ModelError here, not a broken worker pool later
    # Parsing, rules and all run in the workers, not only spaCy's parse: the
    # pure-Python extraction costs as much as the parse. "spawn", because the
    # caller may hold an open store whose background threads a fork would copy.
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[Extraction]] = deque()
    with ProcessPoolExecutor(
        workers, context, initializer=_start_worker, initargs=(settings,)
    ) as pool:
        try:
            for article in articles:
                pending.append(pool.submit(_extract_in_worker, article))
                # A bounded window: memory stays flat when the caller is slower.
                if len(pending) >= 8 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:  # the caller stopped early: drop the rest
                future.cancel()
