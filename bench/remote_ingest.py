"""Ingest time into Virtuoso against the embedded store, on the same articles.

Starts a private Virtuoso on loopback (``scripts/virtuoso.sh``), extracts the
articles once (every ``corpus/**/*.txt`` and ``seeds/*``, repeated as distinct
editions until ``--articles``), then times writing them, with detection, into
a fresh embedded store and into Virtuoso (the store work), then ingests them
again from text into fresh stores (end to end, as ``claimgraph ingest`` does:
there, Virtuoso stores one article while the next is extracted), in one run.

Virtuoso is timed twice in each mode: as ``claimgraph`` writes to it by
default (Graph Store Protocol documents, ``/sparql-graph-crud``) and with
``CLAIMGRAPH_SPARQL_GRAPH_STORE=none`` (SPARQL ``INSERT DATA``), each into a
fresh server. Every store must report the same findings and disputes.

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
from claimgraph.graph.report.disputes import load_disputes  # noqa: E402
from claimgraph.graph.report.findings import finding_json, load_findings  # noqa: E402
from claimgraph.graph.settings import Settings  # noqa: E402
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
    location: str,
    items: list[Article],
    extractor: Any,
    settings: Settings | None = None,
) -> tuple[float, list[Any]]:
    """Seconds to ingest ``items``, and the findings and disputes the store
    then reports."""
    with open_store(location, settings=settings) as store:
        start = time.perf_counter()
        report = ingest_articles(store, items, extractor=extractor)
        seconds = time.perf_counter() - start
        kinds = ("contradiction", "corroboration", "revision")
        found = [finding_json(r) for r in load_findings(store, kinds=kinds)]
        found += [dataclasses.asdict(d) for d in load_disputes(store)]
    assert all(a.status in ("added", "new-version") for a in report.articles)
    return seconds, found


def virtuoso_ingest(
    folder: Path, items: list[Article], extractor: Any, graph_store: str
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
        settings = dataclasses.replace(
            Settings.from_env(), sparql_graph_store=graph_store
        )
        return timed_ingest(started.stdout.strip(), items, extractor, settings)
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], check=False)


def measure(count: int) -> dict[str, Any]:
    """Both stores, with extraction done before (store work) and in the loop."""
    items = articles(count)
    start = time.perf_counter()
    done = {e.article.id: e for e in extract_many(items)}  # also warms the model
    extraction = time.perf_counter() - start
    times: dict[str, float] = {}
    results: dict[str, list[Any]] = {}
    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as folder:
        base = Path(folder)
        for mode, extractor in (("store", replay(done)), ("end_to_end", None)):
            seconds, found = timed_ingest(str(base / f"{mode}-db"), items, extractor)
            times[f"embedded_{mode}_s"] = seconds
            results[f"embedded_{mode}"] = found
            for name, graph_store in (("virtuoso", "auto"), ("insert_data", "none")):
                seconds, found = virtuoso_ingest(
                    base / f"{mode}-{name}", items, extractor, graph_store
                )
                times[f"{name}_{mode}_s"] = seconds
                results[f"{name}_{mode}"] = found
    check_same(results)
    first = next(iter(results.values()))
    disputes = sum(1 for item in first if "positions" in item)
    ratios = {
        f"{name}_{mode}_ratio": times[f"{name}_{mode}_s"] / times[f"embedded_{mode}_s"]
        for name in ("virtuoso", "insert_data")
        for mode in ("store", "end_to_end")
    }
    return {
        "articles": len(items),
        "findings": len(first) - disputes,
        "disputes": disputes,
        "assertions": sum(len(e.assertions) for e in done.values()),
        "extraction_s": extraction,
        **times,
        **ratios,
    }


def check_same(results: dict[str, list[Any]]) -> None:
    """Stop, naming the runs and the first field that differs, unless all agree."""
    (base, expected), *others = results.items()
    for name, found in others:
        if found == expected:
            continue
        wrong = [(a, b) for a, b in zip(expected, found, strict=False) if a != b]
        field = ""
        if wrong:
            a, b = wrong[0]
            key = next((k for k in a if a[k] != b.get(k)), "kind")
            field = f"; first: {key} {a[key]!r} against {b[key]!r}"
        raise SystemExit(
            f"{name} and {base} report different findings: {len(found)} against "
            f"{len(expected)}, {len(wrong)} differ{field}"
        )


def markdown(result: dict[str, Any]) -> str:
    """A small markdown table of the result."""
    return "\n".join(
        [
            f"{result['articles']} articles, {result['assertions']} assertions, "
            f"{result['findings']} findings and {result['disputes']} disputes "
            "(the same in every store); "
            f"extraction alone {result['extraction_s']:.1f} s.",
            "",
            "| store | store work (s) | end to end (s) |",
            "|---|---:|---:|",
            f"| embedded Oxigraph | {result['embedded_store_s']:.1f} | "
            f"{result['embedded_end_to_end_s']:.1f} |",
            f"| Virtuoso, Graph Store writes | {result['virtuoso_store_s']:.1f} | "
            f"{result['virtuoso_end_to_end_s']:.1f} |",
            f"| Virtuoso, INSERT DATA writes | {result['insert_data_store_s']:.1f} | "
            f"{result['insert_data_end_to_end_s']:.1f} |",
            "",
            "Virtuoso / embedded: "
            f"{result['virtuoso_end_to_end_ratio']:.2f}x end to end, "
            f"{result['virtuoso_store_ratio']:.2f}x for the store work alone "
            f"(INSERT DATA: {result['insert_data_end_to_end_ratio']:.2f}x and "
            f"{result['insert_data_store_ratio']:.2f}x).",
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
