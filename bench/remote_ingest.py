"""Ingest time into Virtuoso against the embedded store, on the same articles.

Starts a private Virtuoso on loopback (``scripts/virtuoso.sh``), extracts the
articles once (every ``corpus/**/*.txt`` and ``seeds/*``, repeated as distinct
editions until ``--articles``), then times writing them, with detection, into
a fresh embedded store and into Virtuoso, in one run. The extraction time is
reported apart and added to both for the end-to-end ratio (what ``claimgraph
ingest`` costs).

Usage::

    .venv/bin/python bench/remote_ingest.py [--articles 30] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.extract import extract_many  # noqa: E402
from graph.inputs import read_inputs  # noqa: E402
from graph.models import Article, Extraction  # noqa: E402
from graph.pipeline import ingest_articles  # noqa: E402
from graph.report import finding_json, load_findings  # noqa: E402
from graph.store import open_store  # noqa: E402
from tests.helpers_store import free_port  # noqa: E402

SCRIPT = ROOT / "scripts" / "virtuoso.sh"


def articles(count: int) -> list[Article]:
    """``count`` distinct articles: the corpus, then numbered editions of it."""
    paths = sorted(str(p) for p in ROOT.glob("corpus/**/*.txt"))
    paths += sorted(str(p) for p in (ROOT / "seeds").iterdir() if p.is_file())
    base = read_inputs(paths).articles
    out: list[Article] = []
    edition = 0
    while len(out) < count:
        for article in base[: count - len(out)]:
            if edition == 0:
                out.append(article)
                continue
            out.append(
                dataclasses.replace(
                    article,
                    id=f"{article.id}#edition-{edition}",
                    url=f"{article.url}#edition-{edition}" if article.url else None,
                    text=f"{article.text}\n\nEdition {edition}.",
                )
            )
        edition += 1
    return out


def replay(done: dict[str, Extraction]) -> Any:
    """An extractor returning extractions made beforehand."""

    def extractor(items: Iterable[Article], **_: Any) -> Iterator[Extraction]:
        for article in items:
            yield done[article.id]

    return extractor


def timed_ingest(
    location: str, items: list[Article], done: Any
) -> tuple[float, list[Any]]:
    """Seconds to ingest ``items``, and the findings the store then reports."""
    with open_store(location) as store:
        start = time.perf_counter()
        report = ingest_articles(store, items, extractor=replay(done))
        seconds = time.perf_counter() - start
        kinds = ("contradiction", "corroboration", "revision")
        found = [finding_json(r) for r in load_findings(store, kinds=kinds)]
    assert all(a.status in ("added", "new-version") for a in report.articles)
    return seconds, found


def measure(count: int) -> dict[str, Any]:
    items = articles(count)
    start = time.perf_counter()
    done = {e.article.id: e for e in extract_many(items)}
    extraction = time.perf_counter() - start
    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as folder:
        embedded, expected = timed_ingest(str(Path(folder) / "store"), items, done)
        virtuoso = Path(folder) / "virtuoso"
        started = subprocess.run(
            ["bash", str(SCRIPT), "start", str(virtuoso)]
            + [str(free_port()), str(free_port())],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        try:
            remote, found = timed_ingest(started.stdout.strip(), items, done)
        finally:
            subprocess.run(["bash", str(SCRIPT), "stop", str(virtuoso)], check=False)
    if found != expected:
        raise SystemExit("Virtuoso and the embedded store report different findings")
    return {
        "articles": len(items),
        "findings": len(found),
        "assertions": sum(len(e.assertions) for e in done.values()),
        "extraction_s": extraction,
        "embedded_store_s": embedded,
        "virtuoso_store_s": remote,
        "store_ratio": remote / embedded,
        "end_to_end_ratio": (extraction + remote) / (extraction + embedded),
    }


def markdown(result: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"{result['articles']} articles, {result['assertions']} assertions, "
            f"{result['findings']} findings (the same in both stores); "
            f"extraction {result['extraction_s']:.1f} s (the same for both).",
            "",
            "| store | writing + detection (s) | with extraction (s) |",
            "|---|---:|---:|",
            f"| embedded Oxigraph | {result['embedded_store_s']:.1f} | "
            f"{result['extraction_s'] + result['embedded_store_s']:.1f} |",
            f"| Virtuoso (loopback) | {result['virtuoso_store_s']:.1f} | "
            f"{result['extraction_s'] + result['virtuoso_store_s']:.1f} |",
            "",
            f"Virtuoso / embedded: {result['end_to_end_ratio']:.2f}x end to end, "
            f"{result['store_ratio']:.2f}x for the store work alone.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    result = measure(args.articles)
    print(json.dumps(result, indent=2) if args.json else markdown(result))


if __name__ == "__main__":
    main()
