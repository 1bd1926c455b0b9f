"""Issue 14, item 9: ``ingest -j 2`` workers die with their parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers_store import write_articles

ROOT = Path(__file__).resolve().parent.parent


def descendants(pid: int) -> list[object]:
    import psutil

    try:
        return list(psutil.Process(pid).children(recursive=True))
    except psutil.NoSuchProcess:
        return []


@pytest.mark.model
@pytest.mark.slow
def test_killed_ingest_takes_its_workers_with_it(tmp_path: Path) -> None:
    import psutil

    write_articles(tmp_path / "in", 60)
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from claimgraph.cli import app; app()",
            "ingest",
            "-q",
            "-j",
            "2",
        ]
        + [str(tmp_path / "in"), "--store", str(tmp_path / "store")],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        everyone: list[psutil.Process] = []
        workers: list[psutil.Process] = []
        while time.monotonic() < deadline:
            workers = [
                p
                for p in descendants(process.pid)
                if "spawn_main" in " ".join(p.cmdline())
            ]
            if len(workers) >= 2:
                break
            time.sleep(0.2)
        assert len(workers) >= 2, "ingest -j 2 started its workers"
        time.sleep(2.0)  # the workers are past their start, loading the model
        everyone = descendants(process.pid)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        gone, alive = psutil.wait_procs(everyone, timeout=10)  # type: ignore[arg-type]
        assert alive == [], f"still running after the parent died: {alive}"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        for leftover in everyone:  # a failed run must not leave them behind
            if leftover.is_running():
                leftover.kill()
