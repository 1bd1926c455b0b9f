"""Detection time as the store grows: 1k, 10k, 100k assertions, many incidents.

    .venv/bin/python bench/detect_scale.py [--sizes 1000 10000 100000]

Each synthetic article reports one incident between two states, with ten
assertions: five from each side, naming a responsible state (so about half the
pairs conflict). Articles are loaded into an in-memory Oxigraph store, then every
rule runs over the whole store (``graph.detect.detection.find``). Rules join on incident
and aspect, so cost should grow with the number of incidents, not its square.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import disputed_article  # noqa: E402
from claimgraph.graph.detect.detection import find  # noqa: E402
from claimgraph.graph.rdf.build import extraction_quads  # noqa: E402
from claimgraph.graph.rdf.quads import Quad  # noqa: E402
from claimgraph.graph.store import open_store  # noqa: E402
from claimgraph.graph.store.ontology import ensure_ontology  # noqa: E402

PER_ARTICLE = 10


def article(n: int) -> list[Quad]:
    return extraction_quads(disputed_article(n, PER_ARTICLE))


def measure(assertions: int) -> tuple[int, float, int]:
    store = open_store(":memory:")
    ensure_ontology(store)
    for n in range(assertions // PER_ARTICLE):
        store.add_quads(article(n))
    start = time.perf_counter()
    quads = find(store)
    elapsed = time.perf_counter() - start
    return (
        len(store),
        elapsed,
        sum(1 for q in quads if str(q[2]).endswith("#Contradiction")),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    rows = [(size, *measure(size)) for size in args.sizes]
    print("| assertions | quads | contradictions | detection s | growth vs previous |")
    print("|---:|---:|---:|---:|---:|")
    previous: tuple[int, float] | None = None
    for size, quads, seconds, found in rows:
        growth = "-"
        if previous is not None:
            growth = (
                f"{seconds / previous[1]:.1f}x time for {size // previous[0]}x data"
            )
        print(f"| {size:,} | {quads:,} | {found:,} | {seconds:.2f} | {growth} |")
        previous = (size, seconds)


if __name__ == "__main__":
    main()
