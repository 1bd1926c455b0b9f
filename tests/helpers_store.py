"""Shared helpers for store, input, crash, concurrency and server tests.

The fake extractor needs no spaCy model: it reads sentences shaped like
``<Side> army said that <Side> fired first.`` and builds the
:class:`~graph.models.Extraction` by hand, with exact offsets, so ingest, rules
and reports run for real on small generated articles.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from claimgraph.graph.models import (
    Actor,
    Article,
    AspectValue,
    Assertion,
    Event,
    Extraction,
    Span,
)
from claimgraph.graph.store import ClaimStore

SENTENCE = re.compile(
    r"(?P<speaker>(?P<side>[A-Z][a-z]+) (?:army|ministry)) (?P<cue>said|denied) "
    r"that (?P<content>(?P<blamed>[A-Z][a-z]+) fired first[^.\n]*)\."
)


def _span(text: str, match: re.Match[str], group: str) -> Span:
    start, end = match.span(group)
    return Span(start, end, text[start:end])


def fake_extract(article: Article) -> Extraction:
    """Extract from ``article`` without a model (see module docstring)."""
    text = article.text
    actors: dict[str, Actor] = {}

    def state(name: str) -> str:
        key = f"state:{name.lower()}"
        actors.setdefault(key, Actor(key, name, "state", side=name))
        return key

    assertions: list[Assertion] = []
    for match in SENTENCE.finditer(text):
        side = state(match["side"])
        key = f"org:{match['speaker'].lower().replace(' ', '-')}"
        actor = actors.setdefault(
            key, Actor(key, match["speaker"], "organisation", match["side"], side)
        )
        speaker_span = _span(text, match, "speaker")
        actor.mentions.append(speaker_span)
        content = _span(text, match, "content")
        denied = match["cue"] == "denied"
        blamed = state(match["blamed"])
        assertions.append(
            Assertion(
                speaker=key,
                speaker_span=speaker_span,
                cue=_span(text, match, "cue"),
                cue_lemma="deny" if denied else "say",
                cue_class="Deny" if denied else "Say",
                content=content,
                pattern="fake",
                polarity="negative" if denied else "positive",
                event="event:1",
                values=[AspectValue("Responsibility", "actor", content, actor=blamed)],
            )
        )
    states = sorted(k for k in actors if k.startswith("state:"))
    events = (
        [Event("event:1", "Attack", "the attack", participants=states)]
        if assertions
        else []
    )
    return Extraction(article, list(actors.values()), events, assertions)


def fake_extractor(
    articles: Iterable[Article], nlp: Any = None, n_process: int = 1
) -> Iterator[Extraction]:
    """Drop-in for ``graph.extract.extract_many`` that needs no model."""
    for article in articles:
        yield fake_extract(article)


def article_text(n: int, statements: int = 4) -> str:
    """Article ``n``: two new states blame each other ``statements`` times."""
    a, b = f"Land{_letters(n)}a", f"Land{_letters(n)}b"
    lines = [f"Report {n} on the border incident.\n"]
    for i in range(statements):
        speaker, blamed = (a, b) if i % 2 == 0 else (b, a)
        lines.append(f"{speaker} army said that {blamed} fired first (item {i}).\n")
    return "\n".join(lines)


def _letters(n: int) -> str:
    # Side names must match [A-Z][a-z]+, so numbers become letters: 0 -> "a".
    out = ""
    while True:
        n, digit = divmod(n, 26)
        out = chr(ord("a") + digit) + out
        if n == 0:
            return out


def write_articles(folder: Path, count: int, statements: int = 4) -> list[Path]:
    """Write ``count`` generated articles as ``NNNN.txt`` files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{n:04d}.txt"
        path.write_text(article_text(n, statements), encoding="utf-8")
        paths.append(path)
    return paths


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


SPANS = """
SELECT ?span ?anchor ?begin ?end ?text WHERE {
  ?span nif:anchorOf ?anchor ; nif:beginIndex ?begin ; nif:endIndex ?end ;
        nif:referenceContext ?article .
  ?article nif:isString ?text .
}
"""
ASSERTIONS = """
SELECT ?key ?assertion ?claim (COUNT(?s) AS ?inside) WHERE {
  ?article ckg:articleKey ?key .
  ?assertion a ckg:Assertion ; prov:wasDerivedFrom ?article ; ckg:hasContent ?claim .
  ?claim a ckg:ClaimGraph .
  OPTIONAL { GRAPH ?claim { ?s ?p ?o } }
} GROUP BY ?key ?assertion ?claim
"""


def check_invariants(store: ClaimStore, *, values: bool = False) -> dict[str, int]:
    """Assert structural invariants; return assertions per article key.

    Every span's text equals its article's slice and every assertion has a typed
    claim graph; with ``values`` (true of every fake-extracted assertion), each
    claim graph also holds triples.
    """
    for row in store.select(SPANS):
        begin, end = int(row["begin"]), int(row["end"])
        assert str(row["text"])[begin:end] == str(row["anchor"]), row["span"]
    per_article: dict[str, int] = {}
    for row in store.select(ASSERTIONS):
        assert not values or int(row["inside"]) > 0, f"empty graph {row['claim']}"
        key = str(row["key"])
        per_article[key] = per_article.get(key, 0) + 1
    return per_article


@contextmanager
def serving(store: ClaimStore, *, writable: bool = False) -> Iterator[str]:
    """Serve ``store`` on 127.0.0.1 in a thread; yields the base URL.

    A writable server's token is put in ``CLAIMGRAPH_SPARQL_PASSWORD`` meanwhile,
    so that ``open_store(url)`` sends it (HTTP Basic) with every update.
    """
    import os
    from unittest import mock

    from claimgraph.graph.serve import start_in_thread

    running = start_in_thread(store, host="127.0.0.1", port=0, writable=writable)
    credentials = (
        {"CLAIMGRAPH_SPARQL_USER": "claimgraph", "CLAIMGRAPH_SPARQL_PASSWORD": token}
        if (token := running.token)
        else {}
    )
    try:
        with mock.patch.dict(os.environ, credentials):
            yield running.url
    finally:
        running.stop()
