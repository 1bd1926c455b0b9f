"""Worker processes exit when the process that started them dies.

A ``kill -9`` of ``ingest -j N`` or of ``serve`` gives its workers no chance to
be told; they would keep their memory (a spaCy pipeline is ~160 MB) and the
CPU until killed by hand. Each worker runs a small thread that notices that
its parent is gone (it is re-parented, so ``os.getppid()`` changes) and exits.
"""

from __future__ import annotations

import os
import threading
import time

#: Seconds between checks.
INTERVAL = 0.5


def _watch(parent: int, interval: float) -> None:
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)  # no cleanup: the parent that would want it is gone


def watch_parent(parent: int | None = None, interval: float = INTERVAL) -> None:
    """Exit this process as soon as ``parent`` (default: the current one) is gone."""
    threading.Thread(
        target=_watch,
        args=(os.getppid() if parent is None else parent, interval),
        name="claimgraph-lifeline",
        daemon=True,
    ).start()
