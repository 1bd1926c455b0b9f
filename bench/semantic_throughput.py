"""Throughput with the semantic layer on, against bare ``nlp.pipe``.

In one process, with one spaCy pipeline from ``graph.nlp.load_nlp()`` and one
``graph.semantic.Encoder`` (its cache off, so every span is really encoded), on
the hand-written corpus (``corpus/*/*.txt``, CC0), four paths are timed:

* ``nlp_pipe``: bare parsing, the reference;
* ``extract``: ``graph.extract.extract_many`` (parsing + extraction rules);
* ``extract_semantic``: the same, then each article's assertion contents encoded
  in one batch per article: the layer as the dispute engine uses it;
* ``pipe_sentences``: bare parsing, then every sentence encoded: the upper bound;
* ``ingest`` and ``ingest_semantic``: ``graph.pipeline.ingest_articles`` into a
  fresh in-memory store, the semantic setting off and on: the layer as the
  pipeline really uses it, encoding lazily only the open rules' candidates
  the word test left alone (the process-wide encoder, its cache emptied before
  each run). ``extract_lazy`` is ``extract``'s time plus the encoder time spent
  inside ``ingest_semantic``: extraction with the layer on as it is used.

Each is warmed up, timed ``--repeat`` times, and the best run is kept. Ratios are
throughput relative to bare ``nlp.pipe`` (1.0 = as fast; the target for
``extract_semantic`` is >= 0.6).

Usage::

    .venv/bin/python bench/semantic_throughput.py [--copies 1] [--repeat 3] [--json]
        [--texts DIR]   # other articles (*.txt) instead of the corpus
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
from claimgraph.graph.pipeline import ingest_articles  # noqa: E402
from claimgraph.graph.semantic import Encoder, load_encoder  # noqa: E402
from claimgraph.graph.settings import Settings  # noqa: E402
from claimgraph.graph.store import open_store  # noqa: E402


def corpus_texts(copies: int, folder: Path | None = None) -> list[str]:
    """The corpus articles (or ``folder/*.txt``), ``copies`` times over, in a
    stable order."""
    paths = (
        sorted(folder.glob("*.txt"))
        if folder
        else sorted((ROOT / "corpus").glob("*/*.txt"))
    )
    base = [p.read_text(encoding="utf-8") for p in paths]
    if not base:
        raise SystemExit("No articles found")
    return base * copies


def best_of(repeat: int, run: Callable[[], int]) -> tuple[float, int]:
    """The shortest wall time of ``repeat`` runs, and what the run counted."""
    times, count = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = run()
        times.append(time.perf_counter() - start)
    return min(times), count


def measure(
    copies: int,
    repeat: int,
    batch_size: int,
    threads: int,
    folder: Path | None = None,
) -> dict[str, Any]:
    """Time the paths and return the numbers."""
    nlp = load_nlp()
    start = time.perf_counter()
    encoder = Encoder(threads=threads, cache_size=0)
    load_s = time.perf_counter() - start
    texts = corpus_texts(copies, folder)
    articles = [Article(id=f"bench-{i}", text=t) for i, t in enumerate(texts)]
    n_words = sum(len(t.split()) for t in texts)

    def pipe() -> int:
        return sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))

    def extract() -> int:
        return sum(
            len(x.assertions)
            for x in extract_many(articles, nlp=nlp, batch_size=batch_size)
        )

    def extract_semantic() -> int:
        spans = 0
        for x in extract_many(articles, nlp=nlp, batch_size=batch_size):
            contents = [a.content.text for a in x.assertions]
            if contents:
                encoder.encode(contents)
            spans += len(contents)
        return spans

    # The pipeline's own encoder (one thread), timed where the rules call it.
    lazy = load_encoder()
    plain_encode = lazy.encode
    lazy_time = [0.0]
    lazy_best = [float("inf")]

    def timed_encode(batch: Any) -> Any:
        begin = time.perf_counter()
        try:
            return plain_encode(batch)
        finally:
            lazy_time[0] += time.perf_counter() - begin

    lazy.encode = timed_encode  # type: ignore[method-assign]

    def ingest_with(semantic: bool) -> Callable[[], int]:
        settings = Settings(store=":memory:", semantic=semantic)

        def run() -> int:
            lazy.cache_clear()
            lazy_time[0] = 0.0
            store = open_store(":memory:")
            try:
                ingest_articles(store, articles, nlp=nlp, settings=settings)
            finally:
                store.close()
            if semantic:
                lazy_best[0] = min(lazy_best[0], lazy_time[0])
            return lazy.misses

        return run

    def pipe_sentences() -> int:
        sentences = 0
        for doc in nlp.pipe(texts, batch_size=batch_size):
            batch = [s.text.strip() for s in doc.sents if s.text.strip()]
            encoder.encode(batch)
            sentences += len(batch)
        return sentences

    # Warm-up: lazy lexicons, the parser's first batches, onnxruntime's first run.
    for _ in extract_many(articles[:3], nlp=nlp, batch_size=batch_size):
        pass
    encoder.encode(["Warm-up sentence for the encoder."])
    lazy.encode(["Warm-up sentence for the encoder."])
    result: dict[str, Any] = {
        "model": nlp.meta.get("name", "?"),
        "encoder_threads": threads,
        "encoder_load_s": load_s,
        "articles": len(texts),
        "words": n_words,
        "repeat": repeat,
        "batch_size": batch_size,
    }
    for name, run in (
        ("nlp_pipe", pipe),
        ("extract", extract),
        ("extract_semantic", extract_semantic),
        ("pipe_sentences", pipe_sentences),
        ("ingest", ingest_with(False)),
        ("ingest_semantic", ingest_with(True)),
    ):
        seconds, count = best_of(repeat, run)
        result[name] = {
            "seconds": seconds,
            "count": count,
            "words_per_s": n_words / seconds,
        }
        if name == "ingest_semantic":
            # The least encoder time of the runs (each starts with an empty cache).
            result["lazy_encode_s"] = lazy_best[0]
    seconds = result["extract"]["seconds"] + result["lazy_encode_s"]
    result["extract_lazy"] = {
        "seconds": seconds,
        "count": result["ingest_semantic"]["count"],
        "words_per_s": n_words / seconds,
    }
    base = result["nlp_pipe"]["seconds"]
    for name in (
        "extract",
        "extract_semantic",
        "pipe_sentences",
        "ingest",
        "ingest_semantic",
        "extract_lazy",
    ):
        result[name]["throughput_vs_pipe"] = base / result[name]["seconds"]
    encoded = result["pipe_sentences"]
    encode_s = encoded["seconds"] - base
    result["encoder_sentences_per_s"] = (
        encoded["count"] / encode_s if encode_s > 0 else None
    )
    result["parser_sentences_per_s"] = encoded["count"] / base
    return result


def markdown(result: dict[str, Any]) -> str:
    """A small markdown table of the result."""
    rows = [
        f"Corpus: {result['articles']} articles, {result['words']:,} words; best of "
        f"{result['repeat']}, spaCy batch size {result['batch_size']}, encoder "
        f"threads {result['encoder_threads']} (loaded in "
        f"{result['encoder_load_s']:.2f} s), cache off (ingest rows: the "
        "pipeline's encoder, its cache emptied before each run).",
        "",
        "| path | encoded | seconds | words/s | throughput vs nlp.pipe |",
        "|---|---:|---:|---:|---:|",
    ]
    labels = {
        "nlp_pipe": "-",
        "extract": "-",
        "extract_semantic": "assertion contents",
        "pipe_sentences": "sentences",
        "ingest": "-",
        "ingest_semantic": "candidate texts",
        "extract_lazy": "candidate texts",
    }
    for key, what in labels.items():
        r = result[key]
        ratio = r.get("throughput_vs_pipe", 1.0)
        encoded = f"{r['count']} {what}" if what != "-" else "-"
        rows.append(
            f"| `{key}` | {encoded} | {r['seconds']:.2f} | "
            f"{r['words_per_s']:,.0f} | {ratio:.2f}x |"
        )
    enc = result["encoder_sentences_per_s"]
    rows += [
        "",
        f"Parser: {result['parser_sentences_per_s']:.0f} sentences/s; encoder alone: "
        + (f"{enc:.0f} sentences/s." if enc else "not measurable.")
        + f" Encoder time inside `ingest_semantic`: {result['lazy_encode_s']:.2f} s.",
    ]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=1, help="corpus repetitions")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1, help="encoder threads")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--texts", type=Path, help="a folder of *.txt articles")
    args = parser.parse_args()
    result = measure(
        args.copies, args.repeat, args.batch_size, args.threads, args.texts
    )
    print(json.dumps(result, indent=2) if args.json else markdown(result))


if __name__ == "__main__":
    main()
