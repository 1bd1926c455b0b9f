"""Shared pytest fixtures."""

from __future__ import annotations

from typing import Any

import pytest

# --- extraction fixtures (graph/extract, graph/nlp, graph/lexicon) -------------


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The shared English pipeline; only for tests marked ``model``."""
    from claimgraph.graph.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def lexicon() -> Any:
    """The package lexicon (no extra directory)."""
    from claimgraph.graph.lexicon import _load

    return _load(None)


# --- end of extraction fixtures ------------------------------------------------
