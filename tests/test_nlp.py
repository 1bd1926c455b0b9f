"""The spaCy pipeline loader and its paragraph component."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from claimgraph.graph import nlp as nlp_module
from claimgraph.graph.errors import ModelError
from claimgraph.graph.nlp import PARAGRAPHS, PIP_PACKAGE, load_nlp, register_components


def test_paragraph_component_starts_sentences_after_line_breaks() -> None:
    register_components()
    blank = spacy.blank("en")
    blank.add_pipe(PARAGRAPHS)
    doc = blank("It said this on Twitter:\n\nThe next paragraph starts here.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "The" in starts


def test_paragraph_component_leaves_single_paragraphs_alone() -> None:
    register_components()
    blank = spacy.blank("en")
    blank.add_pipe(PARAGRAPHS)
    doc = blank("One line only. No breaks here.")
    assert not any(t.is_sent_start for t in doc[1:])


def test_missing_model_is_a_one_line_model_error(monkeypatch: Any) -> None:
    monkeypatch.setattr(nlp_module, "MODEL_NAMES", ("no_such_model_xyz",))
    load_nlp.cache_clear()
    try:
        with pytest.raises(ModelError) as info:
            load_nlp()
    finally:
        load_nlp.cache_clear()
    message = str(info.value)
    assert "\n" not in message and PIP_PACKAGE in message


@pytest.mark.model
def test_model_pipeline_splits_paragraphs(nlp: Any) -> None:
    assert nlp.pipe_names.index(PARAGRAPHS) < nlp.pipe_names.index("parser")
    doc = nlp("The army put out the information on Twitter:\n\nIsrael rarely comments.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[-1] == "Israel rarely comments."
