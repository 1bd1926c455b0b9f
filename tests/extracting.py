"""Extraction of small invented texts through the model, with the span
invariants checked (each span's text is the article's text at its offsets)."""

from __future__ import annotations

from claimgraph.graph.extract import extract
from claimgraph.graph.models import Article, Extraction


def run(text: str) -> Extraction:
    extraction = extract(Article(id="t", text=text))
    for a in extraction.assertions:
        for span in (a.content, a.cue, a.speaker_span):
            assert text[span.start : span.end] == span.text
    return extraction
