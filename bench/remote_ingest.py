"""Ingest time into Virtuoso against the embedded store, on the same articles.

Starts a private Virtuoso on loopback (``scripts/virtuoso.sh``), extracts the
articles once (every ``corpus/**/*.txt`` and ``seeds/*``, repeated as distinct
editions until ``--articles``), then times writing them, with detection, into
a fresh embedded store and into Virtuoso (the store work), then ingests them
again from text into fresh stores (end to end, as ``claimgraph ingest`` does:
there, Virtuoso stores one article while the next is extracted), in one run.

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

from claimgraph.graph.extract import extract_many  # noqa: E402
from claimgraph.graph.inputs import read_inputs  # noqa: E402
from claimgraph.graph.models import Article, Extraction  # noqa: E402
from claimgraph.graph.pipeline import ingest_articles  # noqa: E402
from claimgraph.graph.report.findings import finding_json, load_findings  # noqa: E402
from claimgraph.graph.store import open_store  # noqa: E402
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
    location: str, items: list[Article], extractor: Any
) -> tuple[float, list[Any]]:
    """Seconds to ingest ``items``, and the findings the store then reports."""
    with open_store(location) as store:
        start = time.perf_counter()
        report = ingest_articles(store, items, extractor=extractor)
        seconds = time.perf_counter() - start
        kinds = ("contradiction", "corroboration", "revision")
        found = [finding_json(r) for r in load_findings(store, kinds=kinds)]
    assert all(a.status in ("added", "new-version") for a in report.articles)
    return seconds, found


def virtuoso_ingest(
    folder: Path, items: list[Article], extractor: Any
) -> tuple[float, list[Any]]:
    """:func:`timed_ingest` into a fresh private Virtuoso."""
    started = subprocess.run(
        ["bash", str(SCRIPT), "start", str(folder)]
        + [str(free_port()), str(free_port())],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    try:
        return timed_ingest(started.stdout.strip(), items, extractor)
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], check=False)


def measure(count: int) -> dict[str, Any]:
    """Both stores, with extraction done before (store work) and in the loop."""
    items = articles(count)
    start = time.perf_counter()
    done = {e.article.id: e for e in extract_many(items)}  # also warms the model
    extraction = time.perf_counter() - start
    times: dict[str, float] = {}
    results: list[list[Any]] = []
    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as folder:
        base = Path(folder)
        for mode, extractor in (("store", replay(done)), ("end_to_end", None)):
            seconds, found = timed_ingest(str(base / f"{mode}-db"), items, extractor)
            times[f"embedded_{mode}_s"] = seconds
            results.append(found)
            seconds, found = virtuoso_ingest(base / f"{mode}-v", items, extractor)
            times[f"virtuoso_{mode}_s"] = seconds
            results.append(found)
    if any(found != results[0] for found in results):
        raise SystemExit("Virtuoso and the embedded store report different findings")
    return {
        "articles": len(items),
        "findings": len(results[0]),
        "assertions": sum(len(e.assertions) for e in done.values()),
        "extraction_s": extraction,
        **times,
        "store_ratio": times["virtuoso_store_s"] / times["embedded_store_s"],
        "end_to_end_ratio": times["virtuoso_end_to_end_s"]
        / times["embedded_end_to_end_s"],
    }


def markdown(result: dict[str, Any]) -> str:
    """A small markdown table of the result."""
    return "\n".join(
        [
            f"{result['articles']} articles, {result['assertions']} assertions, "
            f"{result['findings']} findings (the same in both stores); "
            f"extraction alone {result['extraction_s']:.1f} s.",
            "",
            "| store | store work (s) | end to end (s) |",
            "|---|---:|---:|",
            f"| embedded Oxigraph | {result['embedded_store_s']:.1f} | "
            f"{result['embedded_end_to_end_s']:.1f} |",
            f"| Virtuoso (loopback) | {result['virtuoso_store_s']:.1f} | "
            f"{result['virtuoso_end_to_end_s']:.1f} |",
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
