"""Small hand-built stores for the network, HTML graph and export tests.

Extractions are plain dataclasses (via ``tests.builders.ArticleBuilder``), turned
into quads with ``graph.rdf.build.extraction_quads``; findings come from
``graph.detect.detection.find``. No spaCy model, no pipeline. Conflicts use actor-valued
``Responsibility`` values (the value-conflict rule) and ``AdvanceNotice``
polarity, not the implication rule and its lexicon thresholds.
"""

from __future__ import annotations

from claimgraph.graph.detect.detection import find
from claimgraph.graph.models import Extraction
from claimgraph.graph.rdf.build import extraction_quads
from claimgraph.graph.store import ClaimStore, open_store
from claimgraph.graph.store.ontology import ensure_ontology
from tests.builders import ArticleBuilder

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
BLAME = "Responsibility"


def store_of(*extractions: Extraction, ontology: bool = True) -> ClaimStore:
    """An in-memory store holding ``extractions`` and every finding between them."""
    store = open_store(":memory:")
    if ontology:
        ensure_ontology(store)
    for extraction in extractions:
        store.add_quads(extraction_quads(extraction))
    store.add_quads(find(store))
    return store


def blames(state_key: str) -> list[tuple[str, dict[str, object]]]:
    """An assertion value naming ``state_key`` as responsible."""
    return [(BLAME, {"actor": state_key})]


def disputed_extraction(
    quote: str = "Atlantis is to blame",
    *,
    name: str = "a.txt",
    army: str = "Atlantis army",
    side: str = "Atlantis",
) -> Extraction:
    """Two sides blame each other (one contradiction); one undisputed remark."""
    b = ArticleBuilder(name, participants=(side, "Borduria"))
    speaker = b.org(army, side)
    ministry = b.org("Bordurian ministry", "Borduria")
    b.say(speaker, "Borduria fired", values=blames("state:borduria"))
    b.say(ministry, quote, values=blames(b.state(side)))
    b.say(ministry, "the weather was fine")
    return b.build()


def disputed(quote: str = "Atlantis is to blame", **names: str) -> ClaimStore:
    """A store with :func:`disputed_extraction`."""
    return store_of(disputed_extraction(quote, **names))


def three_sides_extraction() -> Extraction:
    """Three sides, a state that speaks for itself, both kinds of finding.

    - Atlantis army and Carpathian ministry blame Borduria (a corroboration
      between sides); Bordurian ministry blames Atlantis (a contradiction with
      each of them).
    - The state Atlantis says notice was given; Borduria's ministry says it was
      not (a polarity contradiction).
    - Carpathian ministry also makes an undisputed remark.
    """
    b = ArticleBuilder("three.txt", participants=("Atlantis", "Borduria", "Carpathia"))
    army = b.org("Atlantis army", "Atlantis")
    atlantis = b.state("Atlantis")
    ministry = b.org("Bordurian ministry", "Borduria")
    carpathia = b.org("Carpathian ministry", "Carpathia")
    b.say(army, "Borduria fired first", values=blames("state:borduria"))
    b.say(carpathia, "Borduria fired", values=blames("state:borduria"))
    b.say(ministry, "Atlantis fired", values=blames("state:atlantis"))
    b.say(
        atlantis, "a warning was given", values=[("AdvanceNotice", {"positive": True})]
    )
    b.say(
        ministry,
        "no warning was given",
        values=[("AdvanceNotice", {"positive": False})],
    )
    b.say(carpathia, "talks will resume")
    return b.build()


def three_sides() -> ClaimStore:
    """A store with :func:`three_sides_extraction`."""
    return store_of(three_sides_extraction())


def many_disputes(articles: int, per_article: int = 6) -> ClaimStore:
    """``articles`` articles, each with ``per_article`` mutually blaming assertions."""
    extractions = []
    for n in range(articles):
        b = ArticleBuilder(f"bulk-{n:03}.txt", event_label=f"strike {n}")
        army = b.org(f"Atlantis unit {n}", "Atlantis")
        ministry = b.org(f"Bordurian office {n}", "Borduria")
        for i in range(per_article // 2):
            b.say(army, f"Borduria fired shot {i}", values=blames("state:borduria"))
            b.say(ministry, f"Atlantis fired shot {i}", values=blames("state:atlantis"))
        extractions.append(b.build())
    return store_of(*extractions)
