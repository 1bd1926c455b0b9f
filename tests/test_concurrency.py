"""Two real processes on one embedded store: a clear error or a wait, never damage."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from claimgraph.graph.errors import StoreBusyError
from claimgraph.graph.store import open_store
from tests.helpers_store import check_invariants, write_articles

ROOT = Path(__file__).resolve().parent.parent
CLAIMGRAPH = [sys.executable, "-c", "from claimgraph.cli import app; app()"]

# Ingest a folder with the fake extractor, print progress, then hold the store
# open until a line arrives on stdin (or exit at once with HOLD=0).
WRITER = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    from claimgraph.graph.pipeline import ingest_paths
    from claimgraph.graph.store import open_store
    from tests.helpers_store import fake_extractor

    with open_store({store!r}) as store:
        ingest_paths(store, [{folder!r}], extractor=fake_extractor,
                     progress=lambda done, total, key: print(done, flush=True))
        print("ingested", flush=True)
        if os.environ.get("HOLD") != "0":
            sys.stdin.readline()
    """
)


def start_writer(
    store: Path, folder: Path, *, hold: bool = True
) -> subprocess.Popen[str]:
    script = WRITER.format(root=str(ROOT), store=str(store), folder=str(folder))
    return subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "HOLD": "1" if hold else "0"},
    )


def wait_for(process: subprocess.Popen[str], word: str, timeout: float = 60) -> None:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        assert line, "writer exited early"
        if line.strip() == word:
            return
    raise AssertionError(f"writer never printed {word!r}")


def stop(process: subprocess.Popen[str]) -> None:
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            try:
                stream.close()
            except BrokenPipeError:
                pass
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def test_second_writer_process_gets_store_in_use(tmp_path: Path) -> None:
    store, articles = tmp_path / "store", tmp_path / "a"
    write_articles(articles, 3)
    writer = start_writer(store, articles)
    try:
        wait_for(writer, "ingested")
        second = subprocess.run(
            [*CLAIMGRAPH, "ingest", str(articles), "--store", str(store)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
            check=False,
        )
        assert second.returncode == 1
        # (rich's progress display leaves an empty line before the error)
        assert second.stderr.lstrip("\n") == (
            f"Error: Store {store} is in use by another claimgraph process; wait "
            "for it to finish or use another --store.\n"
        )
        # A reader opened now sees every committed article.
        with open_store(store, read_only=True) as reader:
            assert check_invariants(reader, values=True) == {
                f"000{n}.txt": 4 for n in range(3)
            }
    finally:
        stop(writer)
    assert writer.returncode == 0


@pytest.mark.slow
def test_waiting_writer_gets_the_store_after_the_first_and_nothing_is_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    first_batch, second_batch = tmp_path / "one", tmp_path / "two"
    write_articles(first_batch, 12)
    second_batch.mkdir()
    for n in range(12, 18):  # different texts from the first batch
        source = tmp_path / "extra"
        write_articles(source, n + 1)
        (second_batch / f"{n:04d}.txt").write_bytes(
            (source / f"{n:04d}.txt").read_bytes()
        )
    first = start_writer(store, first_batch, hold=False)
    second: subprocess.Popen[str] | None = None
    try:
        wait_for(first, "1")  # the first writer holds the lock now
        with pytest.raises(StoreBusyError):
            open_store(store)
        # Readers keep reading while the writer writes.
        reads = 0
        while first.poll() is None and reads < 200:
            with open_store(store, read_only=True) as reader:
                check_invariants(reader, values=True)
            reads += 1
        monkeypatch.setenv("CLAIMGRAPH_LOCK_WAIT", "30")
        second = start_writer(store, second_batch, hold=False)
        wait_for(second, "ingested")
    finally:
        stop(first)
        if second is not None:
            stop(second)
    assert first.returncode == 0 and second.returncode == 0
    assert reads >= 1
    with open_store(store) as final:
        counts = check_invariants(final, values=True)
    assert sorted(counts) == [f"{n:04d}.txt" for n in range(18)]
    assert set(counts.values()) == {4}


def test_lock_wait_gives_up_with_the_busy_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store"
    with open_store(path):
        start = time.monotonic()
        with pytest.raises(StoreBusyError, match="wait for it to finish"):
            open_store(path, wait=0.5)
        assert 0.4 < time.monotonic() - start < 5
        monkeypatch.setenv("CLAIMGRAPH_LOCK_WAIT", "0")
        with pytest.raises(Exception, match="CLAIMGRAPH_LOCK_WAIT must be"):
            open_store(path)
