"""Render a graph of about 2,000 nodes and time headless Chromium drawing it.

    .venv/bin/python bench/viz_render.py [--articles 130] [--runs 3]

Builds a synthetic store (each article: two actors, their states, one incident,
twelve assertions and their findings: about 2,200 nodes for 130 articles),
writes the HTML with ``graph.viz`` and times headless Chromium from process
start to screenshot (layout stabilisation included), median of ``--runs``.
Acceptance: the render takes under 10 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import disputed_article  # noqa: E402
from claimgraph.graph.detect.detection import find  # noqa: E402
from claimgraph.graph.pipeline import ingest_extraction  # noqa: E402
from claimgraph.graph.render.viz import visualise  # noqa: E402
from claimgraph.graph.store import open_store  # noqa: E402
from claimgraph.graph.store.ontology import ensure_ontology  # noqa: E402
from tests.browser import chromium, screenshot  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=130)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if chromium() is None:
        sys.exit("chromium is not installed")
    store = open_store(":memory:")
    ensure_ontology(store)
    for n in range(args.articles):
        ingest_extraction(store, disputed_article(n, 12))
    store.add_quads(find(store))
    with tempfile.TemporaryDirectory() as tmp:
        page, png = Path(tmp) / "g.html", Path(tmp) / "g.png"
        start = time.perf_counter()
        result = visualise(store, page, max_nodes=100_000)
        built = time.perf_counter() - start
        times = []
        for _ in range(args.runs):
            png.unlink(missing_ok=True)
            start = time.perf_counter()
            screenshot(page, png)
            times.append(time.perf_counter() - start)
            if not png.exists() or png.stat().st_size < 10_000:
                sys.exit("Chromium wrote no (or a blank) screenshot")
        size = page.stat().st_size
    rendered = statistics.median(times)
    verdict = "yes" if rendered < 10 else "NO"
    print(
        "| nodes | edges | HTML bytes | build HTML s | Chromium render s (median) "
        "| under 10 s |"
    )
    print("|---:|---:|---:|---:|---:|:---:|")
    print(
        f"| {result.nodes:,} | {result.edges:,} | {size:,} | {built:.2f} "
        f"| {rendered:.2f} (of {args.runs}: "
        f"{', '.join(f'{t:.2f}' for t in times)}) | {verdict} |"
    )


if __name__ == "__main__":
    main()
