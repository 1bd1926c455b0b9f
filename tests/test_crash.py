"""A SIGKILLed ingest leaves only whole articles, with their findings; resuming
completes it."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF

from claimgraph.graph.detect.detection import refresh
from claimgraph.graph.pipeline import ingest_extraction, ingest_paths
from claimgraph.graph.rdf.quads import Quad
from claimgraph.graph.report.findings import finding_json, load_findings
from claimgraph.graph.store import ClaimStore, open_store
from claimgraph.graph.store.ontology import ensure_ontology
from claimgraph.ontology.vocab import CKG
from tests.fixtures_graph import disputed_extraction
from tests.helpers_store import check_invariants, fake_extractor, write_articles

ROOT = Path(__file__).resolve().parent.parent
STATEMENTS = 6
ARTICLES = 40

# Ingest a folder with the fake extractor, printing each article once committed.
INGEST = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from claimgraph.graph.pipeline import ingest_paths
    from claimgraph.graph.store import open_store
    from tests.helpers_store import fake_extractor

    def progress(done, total, key):
        print(done, flush=True)

    with open_store({store!r}) as store:
        ingest_paths(store, [{folder!r}], extractor=fake_extractor, progress=progress)
    print("finished", flush=True)
    """
)


def kill_after(store: Path, folder: Path, committed: int, delay: float) -> int:
    """Run an ingest, SIGKILL it ``delay`` s after ``committed`` progress lines."""
    script = INGEST.format(root=str(ROOT), store=str(store), folder=str(folder))
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert process.stdout is not None
    seen = 0
    try:
        deadline = time.monotonic() + 60
        while seen < committed and time.monotonic() < deadline:
            line = process.stdout.readline()
            assert line and line.strip() != "finished", "ingest ended before the kill"
            seen = int(line)
        time.sleep(delay)  # into the middle of a later article
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=10)
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    return seen


def report(store: ClaimStore) -> list[dict[str, object]]:
    return [
        finding_json(r)
        for r in load_findings(store, kinds=("contradiction", "corroboration"))
    ]


def check_whole(store: ClaimStore, spans_per_article: int) -> int:
    per_article = check_invariants(store, values=True)
    articles = {
        str(r["key"])
        for r in store.select(
            "SELECT ?key WHERE { ?a a ckg:Article ; ckg:articleKey ?key }"
        )
    }
    assert set(per_article) == articles  # no article without its assertions
    assert set(per_article.values()) == {STATEMENTS}, per_article
    spans = store.select(
        "SELECT ?key (COUNT(DISTINCT ?s) AS ?n) WHERE { ?a ckg:articleKey ?key . "
        "?s nif:referenceContext ?a } GROUP BY ?key"
    )
    assert {int(r["n"]) for r in spans} == {spans_per_article}
    return len(articles)


@pytest.mark.slow
def test_killed_ingest_keeps_whole_articles_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, ARTICLES, STATEMENTS)
    clean = open_store(":memory:")
    ingest_paths(clean, [str(folder / "0000.txt")], extractor=fake_extractor)
    spans = int(
        clean.select("SELECT (COUNT(?s) AS ?n) WHERE { ?s a ckg:Span }")[0]["n"]
    )
    path = tmp_path / "store"
    first = kill_after(path, folder, committed=8, delay=0.03)
    second = kill_after(path, folder, committed=first + 5, delay=0.07)
    with open_store(path) as store:
        present = check_whole(store, spans)
        assert second <= present < ARTICLES
        # Resume: stored texts are skipped, the rest ingested. An article and
        # its findings are one transaction, so nothing needs rebuilding.
        again = ingest_paths(store, [str(folder)], extractor=fake_extractor)
        assert sum(a.status == "unchanged" for a in again.articles) == present
        assert check_whole(store, spans) == ARTICLES
        resumed = report(store)
        refresh(store)  # rebuilding every finding changes nothing
        assert report(store) == resumed
    clean = open_store(":memory:")
    ingest_paths(clean, [str(folder)], extractor=fake_extractor)
    assert resumed == report(clean)


@pytest.mark.parametrize("location", [":memory:", "rdflib:memory"])
def test_article_and_its_findings_are_one_write_when_embedded(
    location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(location)
    ensure_ontology(store)
    writes: list[list[Quad]] = []
    write = store.add_quads

    def counted(quads: Iterable[Quad], **options: Any) -> None:
        writes.append(list(quads))
        write(writes[-1], **options)

    monkeypatch.setattr(store, "add_quads", counted)
    assert ingest_extraction(store, disputed_extraction()).findings == 1
    found = [
        n
        for n, quads in enumerate(writes)
        if any(p == RDF.type and o == CKG.Finding for _, p, o, _ in quads)
    ]
    # Disputes are derived from the findings and written after them (rebuilt
    # by `detect` should a crash fall between): they are not counted here.
    derived = {CKG.Dispute, CKG.Position, CKG.rebuildPending}
    disputes = [
        n
        for n, quads in enumerate(writes)
        if all(
            o in derived
            or p == CKG.rebuildPending
            or str(s).split("/id/")[-1][:8] in ("dispute/", "position")
            for s, p, o, _ in quads
        )
    ]
    assert disputes == list(range(len(writes) - len(disputes), len(writes)))
    kept = len(writes) - len(disputes)
    # Embedded: one transaction. rdflib's memory store runs the rules on the
    # stored article, so its findings are a second write.
    assert (kept, found) == ((1, [0]) if location == ":memory:" else (2, [1]))
