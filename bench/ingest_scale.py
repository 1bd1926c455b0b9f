"""Ingest 1,000 generated news articles with the real extractor: time, peak RSS, jobs.

    .venv/bin/python bench/ingest_scale.py [--articles 1000] [--jobs 1 2]

Writes ``--articles`` distinct articles (two states trading blame over an attack,
about 400 words each, near a wire story's usual length, from a template over
the country list; five articles per incident over five days, incidents six
weeks apart, each article dated in its front matter) to a temporary folder, then
runs ``claimgraph ingest FOLDER --store TMP --jobs N -q`` as a subprocess once
per ``--jobs`` value, on a fresh on-disk store each time. Peak RSS is the
largest sum of resident memory over the command's process tree, sampled every
0.1 s, as are the CPU seconds of the main process (with ``--jobs`` > 1 the
writer, which also checks each article) and of its worker processes. Prints a
markdown table and the time ratio of the first ``--jobs`` value to each other
one.
"""

from __future__ import annotations

import argparse
import itertools
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
PER_INCIDENT = 5
FIRST_DAY = date(2000, 1, 3)
#: Days between incidents: more than the ingest's incident window (30 days), so
#: each incident stays apart like separate events in a real news stream.
INCIDENT_GAP = 42
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
TEMPLATE = """---
published: {published}
---
{a} and {b} traded blame on {day} after a drone strike near the border \
town of {town} left several buildings in ruins and cut the main road to the \
provincial capital for most of the day.

{a}'s defence ministry said that {b} forces had fired first and that {n} soldiers \
were killed in the attack. "They gave no warning," the ministry said in a statement.

{b}'s foreign ministry denied that its troops had opened fire. A spokesman said \
{a} had launched the strike and that only {m} people were hurt.

The town, home to a few thousand people, lies in a valley where the frontier \
has never been fully marked. Farmers on both sides graze their herds on the \
same slopes, and the two governments have argued for decades over a handful of \
hills, a river crossing and the customs post that sits between them. Past \
clashes were short, and each was followed by weeks of talks that ended without \
a settlement. Traders in the market said prices for fuel and flour had risen \
sharply since the road was closed, and that many families had left for the \
city until the situation calmed down.

Officials in {c} said they were concerned about the escalation, and {c}'s \
president called on both sides to show restraint. The army of {b} said it had \
given the villagers two hours' notice before the operation, which {a}'s \
government disputed on {day2}.

Residents described a night of explosions and gunfire. Some said they had spent \
hours in basements while others fled on foot towards the hills with what they \
could carry. The local hospital, which has two doctors and a few dozen beds, \
treated the wounded through the night and asked the regional authorities for \
more supplies, blood and generators.

Aid groups working in the area said the road closure had stopped deliveries of \
food and medicine to several villages further up the valley. A coordinator for \
one of them said her teams were waiting for permission to cross and hoped to \
reach the villages within days. Diplomats from neighbouring states were expected \
to meet later in the week to discuss the border, the crossing and the return of \
displaced families, although neither government has confirmed it will attend.

Analysts said the clash showed how quickly a local dispute could draw in the \
armed forces of both states. They noted that both governments face elections \
next year and have little room to appear weak on the border.
"""


def countries() -> list[str]:
    path = ROOT / "ontology" / "data" / "countries.tsv"
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            names.append(line.split("\t")[0])
    return [n for n in names[1:] if n.isascii() and " " not in n][:60]


def write_corpus(folder: Path, count: int) -> int:
    """Write ``count`` distinct articles; return the number of words."""
    names = countries()
    # Five articles per incident, each incident between its own pair of states
    # (as in a news corpus: a few reports per event, many events). Reports on
    # the same states within the incident window are linked into one incident,
    # so undated articles (or incidents days apart) sharing two states through
    # the bystander ``c`` would merge into one incident of hundreds of articles.
    pairs = list(itertools.combinations(names, 2))
    # In news, each state turns up in a few incidents, not the first in sixty.
    random.Random(0).shuffle(pairs)
    if count > PER_INCIDENT * len(pairs):
        raise SystemExit(f"at most {PER_INCIDENT * len(pairs)} articles")
    words = 0
    for n in range(count):
        a, b = pairs[n // PER_INCIDENT]
        if n % 2:
            a, b = b, a  # each side reports
        c = next(x for x in names[n % len(names) :] + names if x not in (a, b))
        incident, report = divmod(n, PER_INCIDENT)
        published = FIRST_DAY + timedelta(days=incident * INCIDENT_GAP + report)
        text = TEMPLATE.format(
            published=published.isoformat(),
            a=a,
            b=b,
            c=c,
            day=DAYS[n % 6],
            day2=DAYS[(n + 2) % 6],
            town=f"Town{n}",
            n=3 + n % 17,
            m=1 + n % 5,
        )
        (folder / f"{n:04d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split("---\n", 2)[2].split())  # body only
    return words


def run(folder: Path, store: Path, jobs: int) -> tuple[float, float, float, float]:
    """Seconds, peak RSS (MiB) and CPU seconds of the main process and of its
    workers in one ingest."""
    command = [sys.executable, "-c", "from claimgraph.cli import app; app()", "ingest"]
    command += [str(folder), "--store", str(store), "--jobs", str(jobs), "-q"]
    start = time.perf_counter()
    process = psutil.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    peak = 0
    cpu: dict[int, float] = {}  # last CPU seconds seen per process of the tree
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
            for p in tree:
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
        except psutil.Error:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"ingest --jobs {jobs} failed ({process.returncode})")
    main_cpu = cpu.pop(process.pid, 0.0)
    return seconds, peak / 2**20, main_cpu, sum(cpu.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        words = write_corpus(folder, args.articles)
        rows = []
        for jobs in args.jobs:
            rows.append((jobs, *run(folder, Path(tmp) / f"store-{jobs}", jobs)))
    print(f"{args.articles:,} articles, {words:,} words\n")
    print(
        "| --jobs | seconds | articles/s | words/s | peak RSS MiB | time vs first "
        "| main CPU s | workers CPU s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for jobs, seconds, peak, main_cpu, workers_cpu in rows:
        print(
            f"| {jobs} | {seconds:.1f} | {args.articles / seconds:.1f} | "
            f"{words / seconds:,.0f} | {peak:,.0f} | {seconds / rows[0][1]:.2f}x | "
            f"{main_cpu:.1f} | {workers_cpu:.1f} |"
        )


if __name__ == "__main__":
    main()
