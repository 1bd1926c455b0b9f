"""The contradictions report query at 100k and 1M triples: Oxigraph vs rdflib.

    .venv/bin/python bench/query_scale.py [--triples 100000 1000000]
        [--stores disk memory rdflib] [--repeat 3] [--limit 600] [--page 100]
        [--outlets 1]

Quads are generated directly, with no model: synthetic disputed articles
(``bench/synthetic.py``, ten assertions each) through
``graph.rdf.build.extraction_quads``, each incident reported by ``--outlets``
articles (linked with ``graph.pipeline.link_incidents``), and their findings
from ``graph.detect.detection.find`` run on batches of 100 incidents in a scratch store
(incidents never share sides, so per-batch detection equals whole-store
detection). The same quads
are loaded into each store: ``disk`` (embedded Oxigraph on disk, the default
store), ``memory`` (Oxigraph in memory) and ``rdflib`` (rdflib's memory store).
Then ``graph/queries/findings.rq`` runs ``--repeat`` times, fully materialised
(the whole report's query), and the report's first page of ``--page`` findings
is read as ``claimgraph contradictions --limit`` reads it
(``graph.report.pages.load_findings_page``); the best time of each is kept. Queries
slower than ``--limit`` seconds are cut off.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import disputed_article  # noqa: E402
from claimgraph.graph.detect.detection import find  # noqa: E402
from claimgraph.graph.detect.rules import named_query  # noqa: E402
from claimgraph.graph.errors import QueryError  # noqa: E402
from claimgraph.graph.pipeline import link_incidents  # noqa: E402
from claimgraph.graph.rdf.build import extraction_quads  # noqa: E402
from claimgraph.graph.rdf.ids import article_iri  # noqa: E402
from claimgraph.graph.rdf.quads import Quad  # noqa: E402
from claimgraph.graph.report.pages import load_findings_page  # noqa: E402
from claimgraph.graph.store import open_store  # noqa: E402
from claimgraph.graph.store.ontology import ensure_ontology, ontology_quads  # noqa: E402

BATCH = 100


def generate(triples: int, outlets: int = 1) -> list[Quad]:
    """Ontology, articles and their findings until ``triples`` quads are reached.

    Each incident is reported by ``outlets`` articles: the first disputed, the
    others restating one side (their reports fold into the first's findings).
    """
    quads: list[Quad] = list(ontology_quads())
    n = 0
    while len(quads) < triples:
        scratch = open_store(":memory:")
        ensure_ontology(scratch)
        for _ in range(BATCH):
            for outlet in range(outlets):
                extraction = disputed_article(n, outlet=outlet)
                article = extraction_quads(extraction)
                iri = article_iri(extraction.article.text)
                article = link_incidents(scratch, article, iri)
                scratch.add_quads(article)
                quads += article
            n += 1
        quads += find(scratch)
    return quads


def load(kind: str, quads: list[Quad], folder: Path) -> tuple[object, float]:
    location = {"disk": str(folder / "store"), "memory": ":memory:"}.get(
        kind, "rdflib:memory"
    )
    store = open_store(location)
    start = time.perf_counter()
    for i in range(0, len(quads), 50_000):
        store.add_quads(quads[i : i + 50_000])
    return store, time.perf_counter() - start


def measure(
    store: object, text: str, repeat: int, limit: float
) -> tuple[float | None, int]:
    best: float | None = None
    rows = 0
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            result = store.query(text, timeout=limit)  # type: ignore[attr-defined]
        except QueryError:
            return None, rows
        elapsed = time.perf_counter() - start
        rows = len(result)
        best = elapsed if best is None else min(best, elapsed)
    return best, rows


def measure_page(store: object, page: int, repeat: int, limit: float) -> float | None:
    best: float | None = None
    store.timeout = limit  # type: ignore[attr-defined]
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            load_findings_page(store, limit=page)  # type: ignore[arg-type]
        except QueryError:
            return None
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--stores", nargs="+", default=["disk", "memory", "rdflib"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=float, default=600.0)
    parser.add_argument("--page", type=int, default=100)
    parser.add_argument(
        "--outlets",
        type=int,
        default=1,
        help="articles per incident; more than 1 makes restatements to fold",
    )
    parser.add_argument(
        "--query", type=Path, help="a .rq file to time instead of findings.rq"
    )
    args = parser.parse_args()
    text = (
        args.query.read_text(encoding="utf-8")
        if args.query
        else named_query("findings").text
    )
    print(
        f"| triples | findings rows | store | load s | query s | vs disk "
        f"| first {args.page} s | vs disk |"
    )
    print("|---:|---:|---|---:|---:|---:|---:|---:|")
    for size in args.triples:
        quads = generate(size, args.outlets)
        base: float | None = None
        page_base: float | None = None
        for kind in args.stores:
            with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as tmp:
                store, loading = load(kind, quads, Path(tmp))
                seconds, rows = measure(store, text, args.repeat, args.limit)
                paged = measure_page(store, args.page, args.repeat, args.limit)
                store.close()  # type: ignore[attr-defined]
            if base is None:
                base, page_base = seconds, paged
            print(
                f"| {len(quads):,} | {rows:,} | {kind} | {loading:.1f} "
                f"| {_seconds(seconds, args.limit)} | {_ratio(seconds, base)} "
                f"| {_seconds(paged, args.limit)} | {_ratio(paged, page_base)} |",
                flush=True,
            )


def _seconds(value: float | None, limit: float) -> str:
    return f"{value:.3f}" if value is not None else f"> {limit:g}"


def _ratio(value: float | None, base: float | None) -> str:
    return f"{value / base:.1f}x" if value is not None and base else "-"


if __name__ == "__main__":
    main()
