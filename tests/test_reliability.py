"""Nothing lost: killed ingests, concurrent writers, random input."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.graph.detect.validate import validate_store
from claimgraph.graph.errors import CkgError, StoreBusyError
from claimgraph.graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent

# A writer that ingests hand-built articles forever, printing each one it committed.
WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from claimgraph.graph.pipeline import ingest_extraction
    from claimgraph.graph.store import open_store
    from claimgraph.graph.store.ontology import ensure_ontology
    from tests.builders import ArticleBuilder

    store = open_store({path!r})
    ensure_ontology(store)
    n = 0
    while True:
        b = ArticleBuilder(f"article-{{n}}")
        army = b.org("Atlantis army", "Atlantis")
        for i in range(40):
            b.say(army, f"statement {{n}}-{{i}} was made",
                  values=[("Responsibility", {{"actor": "state:borduria"}})])
        ingest_extraction(store, b.build())
        print(n, flush=True)
        n += 1
    """
)

ASSERTIONS_PER_ARTICLE = """
SELECT ?key (COUNT(?a) AS ?n) WHERE {
  ?article a ckg:Article ; ckg:articleKey ?key .
  OPTIONAL { ?a prov:wasDerivedFrom ?article ; a ckg:Assertion }
} GROUP BY ?key
"""


def start_writer(path: Path) -> subprocess.Popen[str]:
    script = WRITER.format(root=str(ROOT), path=str(path))
    return subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )


@pytest.mark.slow
def test_killed_ingest_leaves_only_whole_articles(tmp_path: Path) -> None:
    path = tmp_path / "store"
    writer = start_writer(path)
    assert writer.stdout is not None
    committed = -1
    deadline = time.monotonic() + 60
    while committed < 5 and time.monotonic() < deadline:
        committed = int(writer.stdout.readline())
    time.sleep(0.05)  # let it get into the middle of the next article
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    writer.stdout.close()
    with open_store(path) as store:
        counts = {
            str(r["key"]): int(r["n"]) for r in store.select(ASSERTIONS_PER_ARTICLE)
        }
        assert len(counts) >= committed + 1
        assert set(counts.values()) == {40}, counts  # every article whole, none partial
        validate_store(store)


def test_second_writer_gets_a_clear_error_and_readers_still_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store"
    writer = start_writer(path)
    assert writer.stdout is not None
    try:
        writer.stdout.readline()
        with pytest.raises(
            StoreBusyError, match="in use by another claimgraph process"
        ):
            open_store(path)
        with open_store(path, read_only=True) as reader:
            assert reader.select(ASSERTIONS_PER_ARTICLE)
    finally:
        writer.kill()
        writer.wait(timeout=10)
        writer.stdout.close()


@pytest.mark.model
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)))
def test_random_input_is_a_clean_error_or_a_valid_store(data: bytes) -> None:
    from claimgraph.graph.pipeline import ingest_paths

    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "random.txt"
        article.write_bytes(data)
        store = open_store(":memory:")
        try:
            ingest_paths(store, [str(article)])
        except CkgError as exc:
            assert "\n" not in str(exc)
        validate_store(store)


def test_store_lock_message_names_the_remedy(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path):
        with pytest.raises(StoreBusyError) as busy:
            open_store(path)
    # The library names the value; the CLI puts its flag there.
    assert "wait for it to finish or use another store." in str(busy.value)
    assert busy.value.naming("--store").endswith("or use another --store.")
    assert os.path.isdir(path)
