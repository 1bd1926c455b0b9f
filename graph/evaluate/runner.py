"""Score gold files and incident folders in one call (``claimgraph eval``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from .scoring import EvalReport


def is_real_news_set(path: Path) -> bool:
    """A real-news set: a folder with a ``manifest.json`` (docs/real-news.md)."""
    return path.is_dir() and (path / "manifest.json").is_file()


def evaluate_gold(gold: Sequence[Path], *, contradictions: bool = True) -> EvalReport:
    """Score extraction (and the rules) against gold files or folders of them.

    A folder with an ``expected.json`` is also an incident: its articles are
    ingested one by one and the cross-article findings scored.
    """
    from .scoring import evaluate as score
    from .scoring import rule_detector

    paths: list[Path] = []
    for item in gold:
        if item.is_dir():
            # A real-news set (a folder with a manifest) is scored apart: its
            # texts are not in the repository (graph.evaluate.real).
            paths += sorted(
                p
                for p in item.rglob("*.gold.json")
                if not (p.parent / "manifest.json").is_file()
            )
        else:
            paths.append(item)
    if not paths:
        raise InputError("No gold files found (expected *.gold.json).")
    report = score(paths, detector=rule_detector if contradictions else None)
    if contradictions:
        from .incident import evaluate_incident

        for item in gold:
            if item.is_dir() and (item / "expected.json").is_file():
                report.incidents[str(item)] = evaluate_incident(item)
    return report
