"""Random bytes and text through the reader and ingest: a clean error or a valid store."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.graph.detect.validate import validate_store
from claimgraph.graph.errors import CkgError
from claimgraph.graph.pipeline import ingest_paths
from claimgraph.graph.store import open_store
from tests.helpers_store import check_invariants, fake_extractor

SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".dat"]
SENTENCES = [
    "Atlantis army said that Borduria fired first.",
    "Borduria ministry denied that Borduria fired first at dawn.",
    "---\ntitle: T\nurl: https://x.example/a\n---\n",
    '{"text": "Atlantis army said that Borduria fired first.", "id": "j"}\n',
    "\r\n",
    "e\u0301",  # combining accent: NFC changes offsets after reading
    "\u2028",
]
texts = st.lists(
    st.one_of(st.sampled_from(SENTENCES), st.text(max_size=40)), max_size=8
).map(lambda parts: " ".join(parts).encode("utf-8"))
inputs = st.one_of(
    st.binary(max_size=300), st.text(max_size=300).map(str.encode), texts
)


def run(data: bytes, suffix: str, extractor: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        store = open_store(":memory:")
        try:
            ingest_paths(store, [str(path)], extractor=extractor)
        except CkgError as exc:
            message = str(exc)
            assert "\n" not in message and str(path) in message, message
        check_invariants(store)
        validate_store(store)


@pytest.mark.slow
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=inputs, suffix=st.sampled_from(SUFFIXES))
def test_random_input_with_the_fake_extractor(data: bytes, suffix: str) -> None:
    run(data, suffix, fake_extractor)


@pytest.mark.model
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=inputs, suffix=st.sampled_from([".txt", ".jsonl"]))
def test_random_input_with_the_real_extractor(data: bytes, suffix: str) -> None:
    from claimgraph.graph.extract import extract_many

    run(data, suffix, extract_many)
