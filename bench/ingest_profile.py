"""Where the writing process's time goes, per article, when ingesting.

``bench/ingest_scale.py`` shows that with ``--jobs 2`` the main process (store
writes and per-article checks) is the critical path. This script extracts the
same generated articles first, then profiles only
:func:`claimgraph.graph.pipeline.ingest_articles` with those extractions and
prints the cumulative milliseconds per article of its main steps: the rule
checks, building the working set, incident linking, the dispute rebuild and
the writes.

Usage::

    .venv/bin/python bench/ingest_profile.py [--articles 300]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from ingest_scale import write_corpus  # noqa: E402

from claimgraph.graph.extract import extract_many  # noqa: E402
from claimgraph.graph.inputs import read_inputs  # noqa: E402
from claimgraph.graph.pipeline import ingest_articles  # noqa: E402
from claimgraph.graph.store import open_store  # noqa: E402

#: (label, module file suffix, function name) of the steps reported.
STEPS = [
    ("whole ingest (store side)", "graph/pipeline.py", "ingest_articles"),
    ("rule checks", "graph/detect/remote_batch.py", "rule_rows"),
    ("working set", "graph/detect/workset.py", "working_set"),
    ("incident linking", "graph/pipeline.py", "link_incidents"),
    ("dispute rebuild", "graph/detect/disputes.py", "refresh_disputes"),
    ("writes", "graph/store/base.py", "add_quads"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimgraph-profile-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_corpus(folder, args.articles)
        articles = read_inputs([str(folder)]).articles
        extractions = list(extract_many(articles))
        store = open_store(str(Path(tmp) / "store"))

        def extractor(*_: Any, **__: Any) -> Any:
            return iter(extractions)

        profile = cProfile.Profile()
        profile.enable()
        ingest_articles(store, articles, extractor=extractor)
        profile.disable()
        store.close()
    stats: dict[Any, Any] = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    print(f"{args.articles:,} articles, extractions made beforehand\n")
    print("| step | ms per article |")
    print("|---|---:|")
    for label, path, name in STEPS:
        seconds = sum(
            row[3]
            for (file, _, function), row in stats.items()
            if function == name and file.endswith(path)
        )
        print(f"| {label} | {1000 * seconds / args.articles:.0f} |")


if __name__ == "__main__":
    main()
