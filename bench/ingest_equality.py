"""Check that ingest writes the same store as another version of the code.

Ingests generated articles (``ingest_scale.py``'s), every ``corpus/*/*.txt`` and
``seeds/`` into a fresh store with ``claimgraph ingest``, then saves the sorted
output of ``claimgraph contradictions --format json``, of ``--pairs`` and of
``claimgraph query disputes``, and every quad of the store (sorted N-Quads), in
``--out``. With ``--against DIR`` (another run's ``--out``, e.g. made with the
previous code on ``PYTHONPATH``) it compares the two and exits 1 on any
difference. Not a timing: performance changes must leave these identical.

Usage::

    .venv/bin/python bench/ingest_equality.py --articles 200 --out /tmp/new
    .venv/bin/python bench/ingest_equality.py --articles 200 --out /tmp/new \\
        --against /tmp/old
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from ingest_scale import write_corpus  # noqa: E402

#: Output file -> claimgraph arguments (after the store option).
OUTPUTS = {
    "contradictions.json": ["contradictions", "--format", "json"],
    "pairs.json": ["contradictions", "--pairs", "--format", "json"],
    "disputes.json": ["query", "disputes", "--format", "json"],
}
CLI = "from claimgraph.cli import app; app()"


def _claimgraph(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", CLI, *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def _sorted_json(text: str) -> str:
    data = json.loads(text)
    if isinstance(data, list):
        data = sorted(data, key=lambda item: json.dumps(item, sort_keys=True))
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def _quads(store: Path) -> str:
    import pyoxigraph as ox

    inner = ox.Store.read_only(str(store))
    return "".join(sorted(f"{quad} .\n" for quad in inner))


def run(articles: int, out: Path, jobs: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="claimgraph-equality-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_corpus(folder, articles)
        for n, path in enumerate(sorted(ROOT.glob("corpus/*/*.txt"))):
            shutil.copy(path, folder / f"corpus-{n:03d}-{path.name}")
        for n, path in enumerate(sorted((ROOT / "seeds").iterdir())):
            shutil.copy(path, folder / f"seed-{n:03d}-{path.name}")
        store = Path(tmp) / "store"
        _claimgraph("ingest", str(folder), "--store", str(store), "-q", "-j", str(jobs))
        for name, args in OUTPUTS.items():
            text = _claimgraph(*args[:1], "--store", str(store), *args[1:])
            (out / name).write_text(_sorted_json(text))
        (out / "quads.nq").write_text(_quads(store))


def compare(out: Path, against: Path) -> list[str]:
    names = [*OUTPUTS, "quads.nq"]
    return [
        name
        for name in names
        if (out / name).read_bytes() != (against / name).read_bytes()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--against", type=Path)
    args = parser.parse_args()
    run(args.articles, args.out, args.jobs)
    sizes = {
        name: (args.out / name).read_text().count("\n")
        for name in [*OUTPUTS, "quads.nq"]
    }
    print("lines:", ", ".join(f"{name} {n:,}" for name, n in sizes.items()))
    if args.against is not None:
        differ = compare(args.out, args.against)
        if differ:
            print("DIFFERENT:", ", ".join(differ))
            sys.exit(1)
        print("identical to", args.against)


if __name__ == "__main__":
    main()
