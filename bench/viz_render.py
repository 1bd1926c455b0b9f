"""Render a graph of about 2,000 nodes and time headless Chromium drawing it.

    .venv/bin/python bench/viz_render.py [--articles 130]

Builds a synthetic store (each article: two actors, their states, one incident,
twelve assertions and their findings), writes the HTML with ``graph.viz`` and
times Chromium from start to screenshot (layout stabilisation included).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import disputed_article  # noqa: E402
from graph.detect import find  # noqa: E402
from graph.pipeline import ingest_extraction  # noqa: E402
from graph.store import open_store  # noqa: E402
from graph.viz import visualise  # noqa: E402
from graph.vocabulary import ensure_ontology  # noqa: E402
from tests.browser import chromium, screenshot  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=130)
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
        start = time.perf_counter()
        screenshot(page, png)
        rendered = time.perf_counter() - start
        size = page.stat().st_size
    print("| nodes | edges | HTML bytes | build HTML s | Chromium render s |")
    print("|---:|---:|---:|---:|---:|")
    print(
        f"| {result.nodes:,} | {result.edges:,} | {size:,} | {built:.2f} "
        f"| {rendered:.2f} |"
    )


if __name__ == "__main__":
    main()
