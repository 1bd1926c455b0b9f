"""Issue 14, item 1: texts over spaCy's ``max_length`` are parsed in pieces.

Every span of the extraction still refers to the original article text, for
files, JSONL lines, standard input and worker processes alike.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimgraph.graph.extract.textsplit import parse, split_text
from claimgraph.graph.models import Article

PARAGRAPH = (
    "The army of Landa said that Landb fired first near the river. "
    '"We will respond," the minister of Landb said on Tuesday.'
)


def long_text(paragraphs: int) -> str:
    return "\n\n".join(f"{PARAGRAPH} (Part {n}.)" for n in range(paragraphs)) + "\n"


@pytest.mark.parametrize("limit", [1, 7, 50, 130, 1000])
def test_split_text_keeps_every_character(limit: int) -> None:
    text = long_text(12) + "x" * 300 + " tail"
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= limit for piece in pieces)


def test_split_text_prefers_paragraph_breaks() -> None:
    text = long_text(10)
    pieces = split_text(text, 400)
    assert all(piece.endswith("\n\n") for piece in pieces[:-1])


def test_parse_joins_pieces_with_exact_offsets() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 200
    text = long_text(8)
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    doc = parse(nlp, text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


@pytest.fixture
def short_limit(nlp: Any) -> Iterator[Any]:
    """The shared pipeline with a limit low enough for a small test text."""
    saved = nlp.max_length
    nlp.max_length = 600
    try:
        yield nlp
    finally:
        nlp.max_length = saved


def check_spans(extraction: Any) -> None:
    text = extraction.article.text
    assert extraction.assertions, "the long article has attributed statements"
    for item in extraction.assertions:
        for span in (item.cue, item.content, item.speaker_span):
            assert text[span.start : span.end] == span.text


@pytest.mark.model
def test_extract_long_article_in_process_pipe_and_worker(short_limit: Any) -> None:
    import claimgraph.graph.extract as extract_module
    from claimgraph.graph.extract import extract, extract_many
    from claimgraph.graph.lexicon import load_lexicon

    article = Article(id="long", text=long_text(12).strip("\n"))
    assert len(article.text) > short_limit.max_length
    one = extract(article, short_limit)
    check_spans(one)
    short = Article(id="short", text=PARAGRAPH)
    many = list(extract_many([short, article, short], nlp=short_limit))
    assert [e.article.id for e in many] == ["short", "long", "short"]
    check_spans(many[1])
    assert len(many[1].assertions) == len(one.assertions)
    # What a worker process of ``ingest -j 2`` runs for each article.
    saved = extract_module._WORKER
    extract_module._WORKER = (short_limit, load_lexicon())
    try:
        check_spans(extract_module._extract_in_worker(article))
    finally:
        extract_module._WORKER = saved


@pytest.mark.model
def test_ingest_long_file_jsonl_and_stdin_with_the_good_ones(
    short_limit: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimgraph.graph.pipeline import ingest_paths
    from claimgraph.graph.store import open_store

    long = long_text(12)
    (tmp_path / "long.txt").write_text(long, encoding="utf-8")
    (tmp_path / "good.txt").write_text(PARAGRAPH + "\n", encoding="utf-8")
    line = json.dumps({"id": "long-line", "text": long.replace("Landa", "Landc")})
    (tmp_path / "lines.jsonl").write_text(line + "\n", encoding="utf-8")
    stdin = io.TextIOWrapper(io.BytesIO(long.replace("Landa", "Landd").encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    store = open_store(":memory:")
    report = ingest_paths(
        store,
        [str(tmp_path / name) for name in ("long.txt", "good.txt", "lines.jsonl")]
        + ["-"],
    )
    assert [a.status for a in report.articles] == ["added"] * 4
    assert all(a.assertions > 0 for a in report.articles)
    from tests.helpers_store import check_invariants

    check_invariants(store)
