"""Regenerate docs/img/seed-graph.png: ingest seeds/ and render the graph headless.

.venv/bin/python scripts/screenshot.py [--store PATH] [--out docs/img/seed-graph.png]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimgraph import ClaimGraph, GraphFilter  # noqa: E402
from tests.browser import chromium, screenshot  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", help="an existing store (default: ingest seeds/)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "img" / "seed-graph.png"))
    args = parser.parse_args()
    if chromium() is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or str(Path(tmp) / "store")
        page = Path(tmp) / "graph.html"
        with ClaimGraph(store) as graph:
            if not args.store:
                graph.ingest([ROOT / "seeds"])
            graph.visualise(page, GraphFilter(contradictions_only=True))
        screenshot(page, Path(args.out), size="1400,1000")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
