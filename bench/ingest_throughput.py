"""Words per second: bare ``nlp.pipe`` against ``graph.extract.extract_many``.

Both run in this one process on the same texts (the hand-written corpus repeated
until it reaches ``--words``) with the same loaded pipeline, after a warm-up; each
is timed ``--repeat`` times and the best run is kept. The ratio shows what the
extraction rules cost on top of parsing.

Usage::

    .venv/bin/python bench/ingest_throughput.py [--words 20000] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimgraph.graph.extract import extract_many  # noqa: E402
from claimgraph.graph.models import Article  # noqa: E402
from claimgraph.graph.nlp import load_nlp  # noqa: E402


def corpus_texts(words: int) -> list[str]:
    """The corpus articles, repeated in order until they hold ``words`` words."""
    base = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*/*.txt"))
    ]
    if not base:
        raise SystemExit("No corpus/*/*.txt files found")
    texts: list[str] = []
    while sum(len(t.split()) for t in texts) < words:
        texts.extend(base)
    return texts


def best_of(repeat: int, run: Callable[[], None]) -> float:
    """The shortest wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(words: int, repeat: int, batch_size: int) -> dict[str, Any]:
    """Time both paths and return the numbers."""
    nlp = load_nlp()
    texts = corpus_texts(words)
    articles = [Article(id=f"bench-{i}", text=t) for i, t in enumerate(texts)]
    n_words = sum(len(t.split()) for t in texts)

    def pipe() -> None:
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass

    def extract() -> None:
        for _ in extract_many(articles, nlp=nlp, batch_size=batch_size):
            pass

    # Warm-up: first calls build caches and lazy lexicons.
    for _ in nlp.pipe(texts[:3], batch_size=batch_size):
        pass
    for _ in extract_many(articles[:3], nlp=nlp, batch_size=batch_size):
        pass
    pipe_s = best_of(repeat, pipe)
    extract_s = best_of(repeat, extract)
    return {
        "model": nlp.meta.get("name", "?"),
        "pipes": list(nlp.pipe_names),
        "articles": len(texts),
        "words": n_words,
        "repeat": repeat,
        "batch_size": batch_size,
        "nlp_pipe": {"seconds": pipe_s, "words_per_s": n_words / pipe_s},
        "extract_many": {"seconds": extract_s, "words_per_s": n_words / extract_s},
        "ratio": extract_s / pipe_s,
    }


def markdown(result: dict[str, Any]) -> str:
    """A small markdown table of the result."""
    rows = [
        f"Corpus: {result['articles']} articles, {result['words']} words; "
        f"best of {result['repeat']}, batch size {result['batch_size']}.",
        "",
        "| path | seconds | words/s |",
        "|---|---:|---:|",
    ]
    for key in ("nlp_pipe", "extract_many"):
        r = result[key]
        rows.append(f"| `{key}` | {r['seconds']:.2f} | {r['words_per_s']:,.0f} |")
    rows += [
        "",
        f"extract_many takes {result['ratio']:.2f}x the time of bare nlp.pipe.",
    ]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    result = measure(args.words, args.repeat, args.batch_size)
    print(json.dumps(result, indent=2) if args.json else markdown(result))


if __name__ == "__main__":
    main()
